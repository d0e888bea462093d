import "server-only";
import type { ChunkData } from "@/lib/run/events";

/** Reads one door's stream events into Gemini's chunks (openai-chunks.ts, interactions-chunks.ts). */
export interface ChunkReader<Event> {
  read(event: Event): ChunkData | null;
  /** What the stream still owed when it ended. */
  finish(): ChunkData | null;
}

/**
 * Another door's stream as Gemini's chunks: each event read, what is owed at the end given, and a
 * failure on the way passed through `explain` so it reads as Google's error does (errors.ts).
 */
export async function* asGeminiChunks<Event>(
  stream: AsyncIterable<Event>,
  reader: ChunkReader<Event>,
  explain: (error: unknown) => unknown,
): AsyncGenerator<ChunkData> {
  try {
    for await (const event of stream) {
      const data = reader.read(event);
      if (data) yield data;
    }
  } catch (error) {
    throw explain(error);
  }
  const rest = reader.finish();
  if (rest) yield rest;
}
