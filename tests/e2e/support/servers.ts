import { PORTS } from "./ports";

/** Where the Playwright web servers listen (see playwright.config.ts). */
export const EMULATOR_URL = `http://127.0.0.1:${PORTS.emulator}`;
export const APP_URL = `http://127.0.0.1:${PORTS.app}`;
export const OFFLINE_URL = `http://127.0.0.1:${PORTS.offline}`;
export const LIMITED_URL = `http://127.0.0.1:${PORTS.limited}`;
export const GATED_URL = `http://127.0.0.1:${PORTS.gated}`;

export interface EmulatorLogEntry {
  id: string;
  path: string;
  model?: string;
  promptExcerpt?: string;
  startedAt: number;
  endedAt?: number;
  outcome?: string;
  status?: number;
  chunksSent?: number;
}

/** The standalone emulator's record of what reached it: proof that the upstream side saw it. */
export async function emulatorRequests(): Promise<EmulatorLogEntry[]> {
  const response = await fetch(`${EMULATOR_URL}/emulator/requests`);
  const body = (await response.json()) as { requests: EmulatorLogEntry[] } | EmulatorLogEntry[];
  return Array.isArray(body) ? body : body.requests;
}

/**
 * Wait until the emulator has finished the run whose prompt contains `marker`. Token counts of
 * the same text (the counter beside the prompt box) are not runs and are passed over: under load
 * one can reach the emulator before the run does.
 */
export async function waitForEmulatorEnd(
  marker: string,
  timeoutMs = 5_000,
): Promise<EmulatorLogEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entry = (await emulatorRequests()).find(
      (e) => e.promptExcerpt?.includes(marker) && !e.path.endsWith(":countTokens"),
    );
    if (entry?.endedAt) return entry;
    if (Date.now() > deadline)
      throw new Error(`emulator never finished a request with "${marker}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function uniqueMarker(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

export function textDoc(text: string, extra: Record<string, unknown> = {}) {
  return {
    model: "gemini-2.5-flash",
    contents: [{ role: "user", parts: [{ kind: "text", text }] }],
    ...extra,
  };
}
