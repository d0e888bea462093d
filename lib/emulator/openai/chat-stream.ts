/**
 * A streamed chat completion: one `chat.completion.chunk` per native stream chunk, at the native
 * chunk's pace, then `data: [DONE]`. What the real layer does and clients trip over:
 *   - every delta carries `"role": "assistant"`, and every chunk the running `usage`, whether or
 *     not stream_options.include_usage asked for it; there is no extra usage-only chunk with empty
 *     choices (discuss.ai.google.dev/t/127400: "usage data in every chunk"; /t/92785: usage
 *     arrives without stream_options)
 *   - a tool call arrives whole in one delta, with `id`, `type`, `function{name, arguments}` and no
 *     `index` (noho/dayu-agent#45, THU-MAIC/OpenMAIC#1556, AstrBotDevs/AstrBot#6661); parallel
 *     calls come one per chunk, each again without an index (noho/dayu-agent#91), so clients that
 *     key deltas by index merge them into one broken call
 *   - finish_reason is "stop" when the answer was a tool call (googleapis/python-genai#2868,
 *     open-webui/computer#224)
 *   - Gemini 3 signs: a call carries `extra_content.google.thought_signature`, and a text answer
 *     ends with a content-less delta holding the signature in `delta.extra_content`, which is
 *     where its finish_reason arrives (the last chunk quoted in /t/127400)
 *   - with include_thoughts, thought summaries stream as content flagged
 *     `delta.extra_content.google.thought: true`, the first prefixed `<thought>`, and the first
 *     delta after them opens with `</thought>` (a client that strips the tags, quoted in a gateway
 *     that handles this endpoint: "the opening tag rides the first thought chunk, the closing tag
 *     prefixes the first answer chunk")
 */
import { createFrameStream, type Frame } from "@/lib/emulator/frame-stream";
import type { StreamChunk } from "@/lib/emulator/native/stream-chunks";
import type { JsonObject } from "@/lib/emulator/types";
import type { EmulatorApiError } from "@/lib/emulator/validation/errors";
import {
  type CandidateParts,
  candidatesOf,
  compatUsage,
  finishReason,
  googleExtra,
  readCandidate,
  toolCall,
  usageOf,
} from "./chat-choices";
import { compatFrame, DONE_FRAME } from "./compat-json";

interface ChunkHead {
  created: number;
  model: string;
}

/** Per choice: whether a `<thought>` is open and waits for its `</thought>`. */
type ThoughtState = Map<number, boolean>;

function firstDelta(read: CandidateParts, open: ThoughtState): JsonObject {
  const delta: JsonObject = { role: "assistant" };
  const wasOpen = open.get(read.index) === true;
  let content: string;
  if (read.thoughts.length > 0) {
    content = `${wasOpen ? "" : "<thought>"}${read.thoughts.join("")}`;
    open.set(read.index, true);
    delta.extra_content = googleExtra({ thought: true });
  } else {
    content = `${wasOpen ? "</thought>" : ""}${read.texts.join("")}`;
    open.set(read.index, false);
    if (read.textSignature) {
      delta.extra_content = googleExtra({ thought_signature: read.textSignature });
    }
  }
  if (content !== "") delta.content = content;
  const [call] = read.calls;
  if (call) delta.tool_calls = [toolCall(call)];
  return delta;
}

/** One native chunk as compat chunks: more than one when it holds parallel calls. */
function translateChunk(body: JsonObject, head: ChunkHead, open: ThoughtState): JsonObject[] {
  const envelope = (choices: JsonObject[]): JsonObject => ({
    choices,
    created: head.created,
    id: typeof body.responseId === "string" ? body.responseId : "",
    model: head.model,
    object: "chat.completion.chunk",
    usage: compatUsage(usageOf(body)),
  });
  const candidates = candidatesOf(body);
  if (candidates.length === 0) {
    const blocked = { delta: { role: "assistant" }, finish_reason: "content_filter", index: 0 };
    return [envelope([blocked])];
  }
  const reads = candidates.map((candidate, index) => readCandidate(candidate, index));
  const frames = Math.max(1, ...reads.map((read) => read.calls.length));
  return Array.from({ length: frames }, (_, frame) => {
    const choices: JsonObject[] = [];
    for (const read of reads) {
      const last = Math.max(1, read.calls.length) - 1;
      if (frame > last) continue;
      const call = read.calls[frame];
      const delta =
        frame === 0
          ? firstDelta(read, open)
          : { role: "assistant", tool_calls: [toolCall(call ?? {})] };
      const choice: JsonObject = { delta, index: read.index };
      if (frame === last && read.finishReason) {
        choice.finish_reason = finishReason(read.finishReason);
      }
      choices.push(choice);
    }
    return envelope(choices);
  });
}

export interface StreamPlan {
  chunks: StreamChunk[];
  times: number[];
  model: string;
  /** `#emulator error=… after=N`: N native chunks, then this error as an event. */
  failAfter?: { count: number; error: EmulatorApiError };
  /** `#emulator disconnect=N`: cut the connection after N native chunks. */
  disconnect?: number;
}

export function compatFrames(plan: StreamPlan): { frames: Frame[]; failed: boolean } {
  const head = { created: Math.floor(Date.now() / 1000), model: plan.model };
  const open: ThoughtState = new Map();
  let chunks = plan.chunks;
  if (plan.failAfter) chunks = chunks.slice(0, plan.failAfter.count);
  if (plan.disconnect !== undefined) chunks = chunks.slice(0, plan.disconnect);
  const frames: Frame[] = chunks.flatMap((chunk, index) =>
    translateChunk(chunk.body, head, open).map((value) => ({
      data: compatFrame(value),
      atMs: plan.times[index] ?? 0,
    })),
  );
  const lastAt = frames.at(-1)?.atMs ?? 0;
  if (plan.failAfter) {
    frames.push({ data: compatFrame(plan.failAfter.error.toJSON()), atMs: lastAt });
    return { frames, failed: true };
  }
  if (plan.disconnect === undefined) frames.push({ data: DONE_FRAME, atMs: lastAt });
  return { frames, failed: false };
}

export function compatStreamBody(
  plan: StreamPlan,
  signal: AbortSignal,
  log: Parameters<typeof createFrameStream>[0]["log"],
): ReadableStream<Uint8Array> {
  const { frames, failed } = compatFrames(plan);
  return createFrameStream({
    frames,
    end: plan.disconnect === undefined ? "close" : "disconnect",
    closeOutcome: failed ? "error" : "ok",
    signal,
    log,
  });
}
