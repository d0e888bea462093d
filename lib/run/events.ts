import type { GenerateContentResponse } from "@google/genai";
import type { AppErrorBody } from "@/lib/errors";

/**
 * The event stream of POST /api/run, shared by the route (encoder) and the browser (decoder).
 * `chunk` carries Gemini's own response JSON untouched, so anything the API adds later reaches
 * the browser without a change here.
 */
export type ChunkData = Pick<
  GenerateContentResponse,
  "candidates" | "promptFeedback" | "usageMetadata" | "modelVersion" | "responseId" | "createTime"
>;

export interface RunMeta {
  requestId: string;
  model: string;
  /** True when answers come from the built-in emulator rather than Gemini. */
  simulated: boolean;
  /** The door the run went through (lib/wire/api.ts); absent in runs kept from before. */
  api?: "gemini" | "interactions" | "openai";
  /**
   * A run that goes on without the page: its id at the server, which a page that comes back
   * reattaches by (`/api/background/{id}`), and which Stop cancels.
   */
  background?: { id: string };
  /** Server-side timings, sent in a second `meta` event once the stream ends. */
  timing?: { firstChunkMs: number | null; totalMs: number };
}

export type RunEvent =
  | { type: "meta"; data: RunMeta }
  | { type: "chunk"; data: ChunkData }
  | { type: "error"; data: AppErrorBody }
  | { type: "done"; data: Record<string, never> };

export type RunEventType = RunEvent["type"];

const EVENT_TYPES: ReadonlySet<string> = new Set<RunEventType>(["meta", "chunk", "error", "done"]);

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;

export function encodeEvent(event: RunEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Parse one SSE block (the text between blank lines). Unknown or comment-only blocks give null. */
export function parseEventBlock(block: string): RunEvent | null {
  let type = "message";
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith("event:")) type = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (!EVENT_TYPES.has(type) || data.length === 0) return null;
  return { type, data: JSON.parse(data.join("\n")) } as RunEvent;
}

/** Decode a byte stream of SSE into events, as they arrive. */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<RunEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let boundary = buffer.search(/\r?\n\r?\n/);
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, "");
        const event = parseEventBlock(block);
        if (event) yield event;
        boundary = buffer.search(/\r?\n\r?\n/);
      }
    }
    const tail = buffer.trim() ? parseEventBlock(buffer) : null;
    if (tail) yield tail;
  } finally {
    reader.releaseLock();
  }
}
