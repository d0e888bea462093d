import "server-only";
import { createEmulator, type EmulatorHandler } from "@/lib/emulator";

let emulator: EmulatorHandler | undefined;

/** The emulator behind offline mode: one per server process, called in-process (no socket). */
export function offlineEmulator(): EmulatorHandler {
  emulator ??= createEmulator();
  return emulator;
}

export function offlineFetch(): typeof fetch {
  const handler = offlineEmulator();
  return (input, init) => handler(new Request(input, init));
}
