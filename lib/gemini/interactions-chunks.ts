import type { ChunkData } from "@/lib/run/events";
import type { WirePart } from "@/lib/wire/parts";
import type {
  Citation,
  Grounding,
  InteractionEvent,
  InteractionUsage,
  OpenCall,
  ReaderState,
} from "./interactions-events";

export type { InteractionEvent, ReaderState };

/**
 * The Interactions API's event stream read back into Gemini's chunks, so a run through it folds
 * into the same events as any other. Each step opens (`step.start`, with the step as far as it
 * is known), grows by deltas (text, thought summaries, signatures, a call's arguments in pieces)
 * and closes (`step.stop`); the interaction ends with `interaction.completed` and its usage.
 * A function call is shown once its step closes, when its arguments are whole. Built-in tools'
 * steps (search, URL context, code execution) and the answer's citations become what Gemini's
 * own answer carries: grounding and URL context metadata on the last chunk, code parts in place.
 */
const FINISH: Readonly<Record<string, string>> = {
  completed: "STOP",
  requires_action: "STOP",
  incomplete: "MAX_TOKENS",
  budget_exceeded: "MAX_TOKENS",
  cancelled: "OTHER",
  failed: "OTHER",
};

/** A failure the stream itself reported: Google's error envelope, carried to the run. */
export class InteractionStreamError extends Error {
  constructor(readonly error: NonNullable<InteractionEvent["error"]>) {
    super(error.message ?? "The interaction failed.");
  }
}

export class InteractionChunkReader {
  private readonly calls = new Map<number, OpenCall>();
  /** The signature of the thought step just before a call: Gemini 3 wants it back on the call. */
  private signature: string | undefined;
  /** The interaction's id, once the stream named it. */
  id: string | undefined;
  private grounding: Grounding = { groundingChunks: [], groundingSupports: [] };
  private urls: { retrievedUrl: string; urlRetrievalStatus: string }[] = [];

  static resume(state: ReaderState): InteractionChunkReader {
    const reader = new InteractionChunkReader();
    for (const [index, call] of state.calls) reader.calls.set(index, call);
    reader.signature = state.signature;
    reader.id = state.id;
    reader.grounding = state.grounding;
    reader.urls = state.urls;
    return reader;
  }

  snapshot(): ReaderState {
    return structuredClone({
      calls: [...this.calls],
      ...(this.signature !== undefined && { signature: this.signature }),
      ...(this.id !== undefined && { id: this.id }),
      grounding: this.grounding,
      urls: this.urls,
    });
  }

  read(event: InteractionEvent): ChunkData | null {
    const index = event.index ?? 0;
    switch (event.event_type) {
      case "interaction.created":
        this.id = event.interaction?.id ?? this.id;
        return null;
      case "step.start":
        return this.start(index, event.step ?? {});
      case "step.delta":
        return this.delta(index, event.delta ?? {});
      case "step.stop":
        return this.stop(index);
      case "interaction.completed": {
        const { status, usage, model } = event.interaction ?? {};
        return chunk([], {
          finishReason: FINISH[status ?? "completed"] ?? "OTHER",
          usage,
          model,
          id: event.interaction?.id ?? this.id,
          metadata: this.metadata(),
        });
      }
      case "error":
        throw new InteractionStreamError(event.error ?? {});
      default:
        return null;
    }
  }

  private start(index: number, step: NonNullable<InteractionEvent["step"]>): ChunkData | null {
    const type = step.type ?? "";
    if (type === "function_call") {
      this.calls.set(index, {
        id: step.id,
        name: step.name,
        args: "",
        known: step.arguments && Object.keys(step.arguments).length ? step.arguments : undefined,
        signature: this.signature,
      });
      this.signature = undefined;
      return null;
    }
    const parts: WirePart[] = [];
    if (type === "thought") {
      for (const s of step.summary ?? []) if (s.text) parts.push({ text: s.text, thought: true });
      if (step.signature) this.signature = step.signature;
    } else if (type === "model_output") {
      // A signature no call took is the answer's own (Gemini 3 signs its text too).
      if (this.signature) parts.push({ text: "", thoughtSignature: this.signature });
      this.signature = undefined;
      for (const c of step.content ?? []) if (c.text) parts.push({ text: c.text });
    }
    return parts.length ? chunk(parts) : null;
  }

  private delta(index: number, delta: NonNullable<InteractionEvent["delta"]>): ChunkData | null {
    switch (delta.type) {
      case "text":
        return delta.text ? chunk([{ text: delta.text }]) : null;
      case "thought_summary": {
        const text = delta.content?.text;
        return text ? chunk([{ text, thought: true }]) : null;
      }
      case "thought_signature":
        if (delta.signature) this.signature = delta.signature;
        return null;
      case "arguments_delta": {
        const call = this.calls.get(index);
        if (call && typeof delta.arguments === "string") call.args += delta.arguments;
        return null;
      }
      case "google_search_call":
        if (typeof delta.arguments === "object" && delta.arguments.queries) {
          this.grounding.webSearchQueries = delta.arguments.queries;
        }
        return null;
      case "google_search_result": {
        const [first] = Array.isArray(delta.result) ? delta.result : [];
        const html = (first as { search_suggestions?: string } | undefined)?.search_suggestions;
        if (html) this.grounding.searchEntryPoint = { renderedContent: html };
        return null;
      }
      case "url_context_result":
        for (const item of Array.isArray(delta.result) ? delta.result : []) {
          const { url, status } = item as { url?: string; status?: string };
          if (!url) continue;
          this.urls.push({
            retrievedUrl: url,
            urlRetrievalStatus:
              status === "success" ? "URL_RETRIEVAL_STATUS_SUCCESS" : "URL_RETRIEVAL_STATUS_ERROR",
          });
        }
        return null;
      case "text_annotation_delta":
        for (const citation of delta.annotations ?? []) this.cite(citation);
        return null;
      case "code_execution_call": {
        const args = typeof delta.arguments === "object" ? delta.arguments : {};
        return chunk([
          {
            executableCode: {
              language:
                args.language?.toLowerCase() === "python" ? "PYTHON" : "LANGUAGE_UNSPECIFIED",
              code: args.code ?? "",
            },
            ...(delta.signature && { thoughtSignature: delta.signature }),
          },
        ]);
      }
      case "code_execution_result":
        return chunk([
          {
            codeExecutionResult: {
              outcome: delta.is_error ? "OUTCOME_FAILED" : "OUTCOME_OK",
              output:
                typeof delta.result === "string" ? delta.result : JSON.stringify(delta.result),
            },
          },
        ]);
      default:
        return null;
    }
  }

  private stop(index: number): ChunkData | null {
    const call = this.calls.get(index);
    if (call) {
      this.calls.delete(index);
      return chunk([
        {
          functionCall: {
            ...(call.id && { id: call.id }),
            name: call.name ?? "",
            args: call.args ? parseArgs(call.args) : (call.known ?? {}),
          },
          ...(call.signature && { thoughtSignature: call.signature }),
        },
      ]);
    }
    return null;
  }

  /** A citation of a web page: one source per page, each span of the answer pointing at it. */
  private cite(citation: Citation): void {
    if (citation.type !== "url_citation" || !citation.url) return;
    const sources = this.grounding.groundingChunks;
    let index = sources.findIndex((source) => source.web.uri === citation.url);
    if (index === -1) {
      index =
        sources.push({
          web: { uri: citation.url, ...(citation.title && { title: citation.title }) },
        }) - 1;
    }
    this.grounding.groundingSupports.push({
      segment: { startIndex: citation.start_index ?? 0, endIndex: citation.end_index ?? 0 },
      groundingChunkIndices: [index],
    });
  }

  /** Grounding and URL context as Gemini's answer carries them, when the tools ran. */
  private metadata(): { groundingMetadata?: object; urlContextMetadata?: object } {
    const { webSearchQueries, searchEntryPoint, groundingChunks, groundingSupports } =
      this.grounding;
    const grounded = webSearchQueries || searchEntryPoint || groundingChunks.length > 0;
    return {
      ...(grounded && {
        groundingMetadata: {
          ...(webSearchQueries && { webSearchQueries }),
          ...(searchEntryPoint && { searchEntryPoint }),
          ...(groundingChunks.length > 0 && { groundingChunks, groundingSupports }),
        },
      }),
      ...(this.urls.length > 0 && { urlContextMetadata: { urlMetadata: this.urls } }),
    };
  }

  /** What the stream still owed at its end: a signature nothing after it took. */
  finish(): ChunkData | null {
    const signature = this.signature;
    this.signature = undefined;
    return signature ? chunk([{ text: "", thoughtSignature: signature }]) : null;
  }
}

function chunk(
  parts: WirePart[],
  end: {
    finishReason?: string;
    usage?: InteractionUsage;
    model?: string;
    id?: string;
    metadata?: { groundingMetadata?: object; urlContextMetadata?: object };
  } = {},
): ChunkData {
  const usage = end.usage;
  return {
    candidates: [
      {
        index: 0,
        content: { role: "model", parts: parts as never },
        ...(end.finishReason && { finishReason: end.finishReason as never }),
        ...(end.metadata as object),
      },
    ],
    ...(usage && {
      usageMetadata: {
        promptTokenCount: usage.total_input_tokens ?? 0,
        candidatesTokenCount: usage.total_output_tokens ?? 0,
        ...(usage.total_thought_tokens && { thoughtsTokenCount: usage.total_thought_tokens }),
        totalTokenCount:
          usage.total_tokens ??
          (usage.total_input_tokens ?? 0) +
            (usage.total_output_tokens ?? 0) +
            (usage.total_thought_tokens ?? 0),
      },
    }),
    ...(end.model && { modelVersion: end.model }),
    ...(end.id && { responseId: end.id }),
  };
}

function parseArgs(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? value : { value };
  } catch {
    return { arguments: json };
  }
}
