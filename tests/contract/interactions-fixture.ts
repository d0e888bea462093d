/**
 * What the Interactions API's contract tests share: reading a stream whole, catching the SDK's
 * error, and waiting for a background run. Only `*.test.ts` files are collected, so this helper
 * is not a test itself.
 */
import type { GoogleGenAI, Interactions } from "@google/genai";

export type SseEvent = Interactions.InteractionSSEEvent;

export async function collect(stream: AsyncIterable<SseEvent>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** The interactions client's error: the HTTP status and the API's `{error: {code, message}}`. */
export interface InteractionsFailure {
  status?: number;
  error?: { error?: { code?: string; message?: string } };
}

export async function failure(promise: Promise<unknown>): Promise<InteractionsFailure> {
  try {
    await promise;
  } catch (error) {
    return error as InteractionsFailure;
  }
  throw new Error("expected the call to fail");
}

/** Polls a background interaction until it is no longer in progress; also says which steps it showed on the way. */
export async function waitUntilDone(ai: GoogleGenAI, id: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  for (;;) {
    const interaction = await ai.interactions.get(id);
    for (const step of interaction.steps ?? []) seen.add(step.type);
    if (interaction.status !== "in_progress") return { interaction, seen };
    if (Date.now() > deadline) throw new Error(`${id} still in progress`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
