import "server-only";
import { createEmulator } from "@/lib/emulator";

/** The emulator handler, created once per server process and called in-process (no socket). */
export function offlineFetch(): typeof fetch {
  const emulator = createEmulator();
  return (input, init) => emulator(new Request(input, init));
}
