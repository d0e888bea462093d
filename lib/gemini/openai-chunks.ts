import type { ChunkData } from "@/lib/run/events";
import type { WirePart } from "@/lib/wire/parts";

/**
 * The OpenAI-compatible endpoint's stream, read back into Gemini's chunks, so a run through it
 * folds into the same events as any other. Written for what the endpoint really sends:
 * - Thought summaries arrive inside the content, wrapped in `<thought>` tags, which may be split
 *   across deltas anywhere, even inside a tag.
 * - Streamed tool calls carry no `index`: a delta with an id starts a call, one without continues
 *   the last, and calls are complete only when the choice finishes.
 * - `finish_reason` is "stop" after a tool call too.
 * - A call's thought signature rides in `extra_content.google.thought_signature`, and so does
 *   the answer's own (Gemini 3), on a last delta without content.
 * - Usage comes on every chunk, running: `completion_tokens` counts the answer alone, and the
 *   thinking is what `total_tokens` holds beyond prompt and answer.
 */
export interface CompatChunk {
  id?: string;
  model?: string;
  choices?: {
    index?: number;
    delta?: {
      content?: string | null;
      reasoning_content?: string | null;
      tool_calls?: CompatToolCallDelta[];
      extra_content?: { google?: { thought_signature?: string } };
    };
    finish_reason?: string | null;
  }[];
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    total_tokens?: number;
    completion_tokens_details?: { reasoning_tokens?: number } | null;
  } | null;
}

interface CompatToolCallDelta {
  index?: number;
  id?: string;
  function?: { name?: string; arguments?: string };
  extra_content?: { google?: { thought_signature?: string } };
}

const OPEN = "<thought>";
const CLOSE = "</thought>";

const FINISH: Readonly<Record<string, string>> = {
  stop: "STOP",
  tool_calls: "STOP",
  function_call: "STOP",
  length: "MAX_TOKENS",
  content_filter: "SAFETY",
};

export class CompatChunkReader {
  private thinking = false;
  /** Text held back because it may be the start of a tag. */
  private held = "";
  private calls: {
    id?: string;
    index?: number;
    name: string;
    args: string;
    signature?: string;
  }[] = [];

  /** One compat chunk as one Gemini chunk; null when it holds nothing to show yet. */
  read(chunk: CompatChunk): ChunkData | null {
    const choice = chunk.choices?.[0];
    const parts: WirePart[] = [];
    const delta = choice?.delta;
    if (delta?.reasoning_content) parts.push({ text: delta.reasoning_content, thought: true });
    if (delta?.content) parts.push(...this.text(delta.content));
    for (const call of delta?.tool_calls ?? []) this.addCall(call);
    const signature = delta?.extra_content?.google?.thought_signature;
    if (signature) parts.push(...this.flushText(), { text: "", thoughtSignature: signature });
    const finish = choice?.finish_reason;
    if (finish) {
      parts.push(...this.flushText(), ...this.takeCalls());
    }
    const usage = chunk.usage ? usageMetadata(chunk.usage) : undefined;
    if (parts.length === 0 && !finish && !usage) return null;
    return {
      candidates: [
        {
          index: 0,
          content: { role: "model", parts: parts as never },
          ...(finish && { finishReason: (FINISH[finish] ?? "OTHER") as never }),
        },
      ],
      ...(usage && { usageMetadata: usage }),
      ...(chunk.model && { modelVersion: chunk.model }),
      ...(chunk.id && { responseId: chunk.id }),
    };
  }

  /** What the stream held when it ended without a finish. */
  finish(): ChunkData | null {
    const parts = [...this.flushText(), ...this.takeCalls()];
    return parts.length
      ? { candidates: [{ index: 0, content: { role: "model", parts: parts as never } }] }
      : null;
  }

  private text(piece: string): WirePart[] {
    let rest = this.held + piece;
    this.held = "";
    const out: WirePart[] = [];
    for (;;) {
      const tag = this.thinking ? CLOSE : OPEN;
      const at = rest.indexOf(tag);
      if (at === -1) {
        // Hold back an ending that could grow into the tag.
        const keep = partialTagLength(rest, tag);
        this.emit(out, rest.slice(0, rest.length - keep));
        this.held = rest.slice(rest.length - keep);
        return out;
      }
      this.emit(out, rest.slice(0, at));
      rest = rest.slice(at + tag.length);
      this.thinking = !this.thinking;
    }
  }

  private emit(out: WirePart[], text: string): void {
    if (text) out.push(this.thinking ? { text, thought: true } : { text });
  }

  private flushText(): WirePart[] {
    const out: WirePart[] = [];
    this.emit(out, this.held);
    this.held = "";
    return out;
  }

  private addCall(delta: CompatToolCallDelta): void {
    const { id, index } = delta;
    let call =
      (id ? this.calls.find((c) => c.id === id) : undefined) ??
      (index !== undefined ? this.calls.find((c) => c.index === index) : undefined);
    if (!call && (id || index !== undefined || this.calls.length === 0)) {
      call = { id, index, name: "", args: "" };
      this.calls.push(call);
    }
    call ??= this.calls.at(-1);
    if (!call) return;
    call.id ??= id;
    call.name += delta.function?.name ?? "";
    call.args += delta.function?.arguments ?? "";
    const signature = delta.extra_content?.google?.thought_signature;
    if (signature) call.signature = signature;
  }

  private takeCalls(): WirePart[] {
    const parts = this.calls.map((call) => ({
      functionCall: {
        ...(call.id && { id: call.id }),
        name: call.name,
        args: parseArgs(call.args),
      },
      ...(call.signature && { thoughtSignature: call.signature }),
    }));
    this.calls = [];
    return parts;
  }
}

/** How many characters at the end of `text` begin `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (tag.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}

function parseArgs(json: string): Record<string, unknown> {
  if (!json.trim()) return {};
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? value : { value };
  } catch {
    // Arguments that are not JSON are kept as they came, for the person to see.
    return { arguments: json };
  }
}

/**
 * Token figures in Gemini's names. Google's endpoint itemises nothing: its thinking is the total
 * beyond prompt and answer. Where `reasoning_tokens` is given, it counts inside the completion,
 * as OpenAI defines it.
 */
function usageMetadata(usage: NonNullable<CompatChunk["usage"]>): ChunkData["usageMetadata"] {
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const total = usage.total_tokens ?? prompt + completion;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  const thoughts = reasoning ?? Math.max(0, total - prompt - completion);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount:
      reasoning !== undefined ? Math.max(0, completion - reasoning) : completion,
    ...(thoughts > 0 && { thoughtsTokenCount: thoughts }),
    totalTokenCount: total,
  };
}
