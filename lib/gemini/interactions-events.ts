/**
 * The Interactions API's stream events as the reader takes them (`interactions-chunks.ts`), and
 * what the reader holds between two of them, as JSON.
 */
export interface InteractionEvent {
  event_type?: string;
  event_id?: string;
  index?: number;
  step?: {
    type?: string;
    id?: string;
    name?: string;
    arguments?: Record<string, unknown>;
    signature?: string;
    summary?: { type?: string; text?: string }[];
    content?: { type?: string; text?: string }[];
  };
  delta?: {
    type?: string;
    text?: string;
    content?: { type?: string; text?: string };
    signature?: string;
    /** A call's arguments: a JSON string for functions, an object for built-in tools. */
    arguments?: string | { queries?: string[]; code?: string; language?: string };
    result?: unknown;
    is_error?: boolean;
    annotations?: Citation[];
  };
  interaction?: { id?: string; status?: string; model?: string; usage?: InteractionUsage };
  usage?: InteractionUsage;
  status?: string;
  error?: { code?: number | string; message?: string; status?: string };
}

export interface Citation {
  type?: string;
  url?: string | null;
  title?: string | null;
  start_index?: number;
  end_index?: number;
}

export interface InteractionUsage {
  total_input_tokens?: number;
  total_output_tokens?: number;
  total_thought_tokens?: number;
  total_tokens?: number;
}

export interface OpenCall {
  id?: string;
  name?: string;
  args: string;
  known?: Record<string, unknown>;
  signature?: string;
}

export interface Grounding {
  webSearchQueries?: string[];
  searchEntryPoint?: { renderedContent: string };
  groundingChunks: { web: { uri: string; title?: string } }[];
  groundingSupports: {
    segment: { startIndex: number; endIndex: number };
    groundingChunkIndices: number[];
  }[];
}

/**
 * What a reader holds between two events, as JSON: a background run's follower keeps it with the
 * stream's last event id, so the server that takes the run over reads on from that event exactly.
 */
export interface ReaderState {
  calls: [number, OpenCall][];
  signature?: string;
  id?: string;
  grounding: Grounding;
  urls: { retrievedUrl: string; urlRetrievalStatus: string }[];
}
