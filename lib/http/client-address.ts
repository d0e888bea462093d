import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { isIP } from "node:net";

/**
 * Who a request comes from, for the per-client limits. A route handler gets no socket, only
 * headers, and Next 16 writes the socket's address into `x-forwarded-for` only when the client
 * sent none (`??=` in next/dist/server/base-server.js): a client talking to Next directly could
 * name itself anything and get a fresh allowance on every request. So every incoming request has
 * its socket address appended here, as a proxy hop would, before Next sees it: the last entry is
 * always the address that really connected. `node:http` announces each request on this channel
 * before it emits `request`, in the same process that serves the routes (`next start`, standalone).
 */
let stamping = false;

export function stampPeerAddresses(): void {
  if (stamping) return;
  stamping = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const peer = socket.remoteAddress;
    if (!peer) return;
    const sent = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = sent ? `${String(sent)}, ${peer}` : peer;
  });
}

/**
 * The client's address: the last `x-forwarded-for` hop, except that hops from this machine
 * (loopback: a reverse proxy on the same host, which appends the address it saw) hand over to
 * the hop before them. A client can only prepend entries, so the address it connected from is
 * the one it is counted under. Behind a proxy on another machine every client shares the proxy's
 * address, so they share one client's allowance.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => normalise(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (i === 0 || !isLoopback(hop)) return hop;
  }
  return "unknown";
}

/**
 * Whether the request's connection came from this machine: the last hop, which the stamp above
 * always writes. Without the stamp (it was not installed) nobody can tell, and the answer is no.
 */
export function isFromThisMachine(headers: Headers): boolean {
  const last = (headers.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim();
  return last ? isLoopback(normalise(last)) : false;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function normalise(hop: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(hop);
  return (mapped?.[1] ?? hop).toLowerCase();
}

function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith("127.");
  return address === "::1";
}
