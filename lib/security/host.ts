import "server-only";
import { networkInterfaces } from "node:os";
import { AppError } from "@/lib/errors";

/** What the server answers to besides loopback (`lib/env.ts`: `publicHosts`, `boundHost`). */
export interface HostRules {
  publicHosts: readonly string[];
  boundHost: string | undefined;
  /** This machine's own interface addresses; asked for only when the Host is an IP literal. */
  interfaceAddresses?: () => readonly string[];
}

/** Letters, digits, dots, dashes, brackets and colons: a name, an IPv4 or a bracketed IPv6, a port. */
const HOST_SYNTAX = /^[a-z0-9._-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/;

/**
 * DNS rebinding points a name the attacker owns at 127.0.0.1, so a page on that name becomes
 * same-origin with this server; its requests still carry the attacker's name in Host. Answering
 * only to names we know closes that door: loopback, the names the operator listed, the address
 * the server was started on, and this machine's own IP addresses (rebinding needs a domain name,
 * so an IP literal that is ours is safe, and a LAN teammate can open http://<ip>:3000).
 */
export function refuseHost(host: string | null, rules: HostRules): AppError | undefined {
  const raw = host?.trim().toLowerCase() ?? "";
  if (!HOST_SYNTAX.test(raw)) return misdirected(undefined);
  const name = hostname(raw);
  return name && allowed(raw, name, rules) ? undefined : misdirected(raw);
}

function allowed(host: string, name: string, rules: HostRules): boolean {
  if (isLoopback(name)) return true;
  if (rules.publicHosts.some((entry) => matches(entry, host, name))) return true;
  if (rules.boundHost && hostname(rules.boundHost.toLowerCase()) === name) return true;
  if (!isIpLiteral(name)) return false;
  const own = (rules.interfaceAddresses ?? machineAddresses)();
  return own.some((address) => normalizedAddress(address) === name);
}

/** An entry with a port matches that host:port only; one without matches the name on any port. */
function matches(entry: string, host: string, name: string): boolean {
  const wanted = entry.trim().toLowerCase();
  if (wanted === host) return true;
  return hostname(wanted) === name && !/:\d+$/.test(wanted.replace(/^\[[^\]]*\]/, ""));
}

/**
 * The host's name as the URL parser normalizes it: `[0:0::1]` is `[::1]`, `0x7f.1` is
 * `127.0.0.1`. Undefined when it is no host at all.
 */
function hostname(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

export function isLoopback(name: string): boolean {
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (name === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function isIpLiteral(name: string): boolean {
  return name.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}

/** An interface address written the way `hostname` writes a Host's: IPv6 bracketed, no zone. */
function normalizedAddress(address: string): string | undefined {
  const bare = address.split("%")[0] ?? "";
  return hostname(bare.includes(":") ? `[${bare}]` : bare);
}

function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((entry) => entry.address),
  );
}

/** `host` is named only when it is a well-formed name, and then inside a JSON body, cut short. */
function misdirected(host: string | undefined): AppError {
  const shown = host ? ` (${JSON.stringify(host.slice(0, 100))})` : "";
  return new AppError({
    code: "misdirected_host",
    message: `This server does not answer to the host name in this request${shown}. If you reach it by a name of your own (a DNS name, a reverse proxy), add that name to PLAYGROUND_PUBLIC_HOSTS.`,
  });
}
