/**
 * The start rule: without an access code (or a trusted proxy naming people) the server spends
 * its key for whoever can reach it, so it may listen on loopback only. The server applies it
 * as it starts (instrumentation.ts), however it was started; `npm start` only picks loopback
 * as the default address when no code is set.
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;
const EVERY_INTERFACE = ["0.0.0.0", "::", "[::]"];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Why the server must not start on `host`, or undefined when it may. */
export function bindRefusal(host: string | undefined, gated: boolean): string | undefined {
  if (gated || (host !== undefined && isLoopbackHost(host))) return undefined;
  const where = host === undefined || EVERY_INTERFACE.includes(host) ? "every interface" : host;
  return [
    `Refusing to listen on ${where} without an access code: anyone who can reach this port would spend the server's Gemini key.`,
    "Set PLAYGROUND_ACCESS_CODE (one code, or a comma-separated list) and share it with your team,",
    "or set PLAYGROUND_TRUSTED_USER_HEADER behind an identity-aware proxy,",
    "or listen on this machine only: HOSTNAME=127.0.0.1 (npm start, the container) or -H 127.0.0.1 (next start).",
  ].join("\n");
}

/**
 * The address this process was told to listen on: `-H`/`--hostname` of `next start`/`next dev`,
 * or `HOSTNAME` of the standalone server (which defaults to every interface). Undefined: every
 * interface.
 */
export function requestedHost(
  argv: readonly string[],
  env: { HOSTNAME?: string },
): string | undefined {
  const flag = argv.findIndex((arg) => arg === "-H" || arg === "--hostname");
  if (flag >= 0) return argv[flag + 1];
  const inline = argv.find((arg) => arg.startsWith("--hostname="));
  if (inline) return inline.slice("--hostname=".length);
  const standalone = argv[1]?.endsWith("server.js") ?? false;
  const host = standalone ? env.HOSTNAME : undefined;
  return host && !EVERY_INTERFACE.includes(host) ? host : undefined;
}
