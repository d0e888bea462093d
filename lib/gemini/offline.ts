import "server-only";
import { createEmulator, type DirectiveCaps, type EmulatorHandler } from "@/lib/emulator";

/**
 * Offline mode answers anyone who can reach the playground, in the server's own process: a
 * `#emulator tokens=1000000` cost 7.7 s of CPU and `delay=600000ms` held a run for ten minutes.
 * These ceilings keep one request to well under a second of CPU and at most a couple of minutes
 * on the wire; the benchmarks (20,000 tokens at 300/s) run against the standalone emulator.
 */
export const OFFLINE_DIRECTIVE_CAPS: DirectiveCaps = {
  tokens: 32_768,
  delayMs: 30_000,
  streamMs: 120_000,
};

let emulator: EmulatorHandler | undefined;

/** The emulator behind offline mode: one per server process, called in-process (no socket). */
export function offlineEmulator(): EmulatorHandler {
  emulator ??= createEmulator({ directiveCaps: OFFLINE_DIRECTIVE_CAPS });
  return emulator;
}

export function offlineFetch(): typeof fetch {
  const handler = offlineEmulator();
  return (input, init) => handler(new Request(input, init));
}
