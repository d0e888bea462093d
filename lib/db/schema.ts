/**
 * The tables, as the one query layer sees them in both SQLite and PostgreSQL. Times are epoch
 * milliseconds (bigint in PostgreSQL, read back as numbers); flags are 0/1 integers and
 * documents JSON text, so no query needs to know which database it runs on.
 */
export interface Database {
  prompts: PromptsTable;
  revisions: RevisionsTable;
  runs: RunsTable;
  run_bodies: RunBodiesTable;
  snapshots: SnapshotsTable;
  blobs: BlobsTable;
  blob_chunks: BlobChunksTable;
  saved_media: SavedMediaTable;
  background_runs: BackgroundRunsTable;
  background_events: BackgroundEventsTable;
  interaction_chain: InteractionChainTable;
}

/** The interaction Google keeps for a conversation, by the conversation's hash. */
export interface InteractionChainTable {
  conversation_hash: string;
  interaction_id: string;
  created_at: number;
}

/** A run that goes on without the page, followed by whichever server holds its lease. */
export interface BackgroundRunsTable {
  id: string;
  author: string;
  interaction_id: string;
  model: string;
  /** The prompt document sent, JSON. */
  document: string;
  /** running, then done, error or stopped. */
  status: string;
  created_at: number;
  updated_at: number;
  /** The interaction stream's last event read, where a follower resumes. */
  last_event_id: string | null;
  /** The stream reader's state at that event, JSON. */
  reader_state: string | null;
  /** The `seq` the next event written takes. */
  next_seq: number;
  lease_owner: string | null;
  lease_until: number;
}

/** A background run's events, as the page folds them. */
export interface BackgroundEventsTable {
  run_id: string;
  seq: number;
  /** One run event, JSON. */
  event: string;
}

/** A stored file, when the database holds the media (PostgreSQL). */
export interface BlobsTable {
  sha256: string;
  mime_type: string;
  bytes: number;
  /** Whose chunks are the file's bytes. */
  upload_id: string;
  created_at: number;
  /** When it was last stored, served or sent to Gemini: what the retention sweep reads. */
  last_used_at: number;
}

/** A file's bytes, 1 MiB a row, in order of `seq`. */
export interface BlobChunksTable {
  upload_id: string;
  seq: number;
  data: Uint8Array;
  created_at: number;
}

/** A file a saved revision or a shared run holds: kept however long nobody uses it. */
export interface SavedMediaTable {
  sha256: string;
}

/** A run's documents, apart from what lists and searches it. */
export interface RunBodiesTable {
  run_id: string;
  /** The prompt document sent, JSON. */
  document: string;
  /** The run's final state (answer parts, usage, finish, grounding, error), JSON. */
  result: string;
}

export interface SnapshotsTable {
  id: string;
  prompt_id: string;
  /** The revision whose run these are. */
  revision: number;
  author: string;
  created_at: number;
  /** The run results (`RunSnapshot`), JSON. */
  results: string;
}

export interface PromptsTable {
  /** Random, 128 bits, base64url: the share link's id. */
  id: string;
  /** A chat prompt or a compare setup. */
  kind: "chat" | "compare";
  title: string;
  description: string;
  /** JSON array of strings. */
  tags: string;
  author: string;
  /** 1: any teammate may save a revision; 0: others save a copy. */
  team_editable: number;
  forked_from: string | null;
  forked_from_revision: number | null;
  /** The newest revision's number; revisions count from 1. */
  latest_revision: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  /** The models it runs on, space-padded (` a b `): what the library filters by model. */
  models: string;
  /** Title, description, tags and prompt text, lowercased: what the library searches. */
  search_text: string;
}

export interface RevisionsTable {
  prompt_id: string;
  number: number;
  author: string;
  created_at: number;
  title: string;
  /** The saved document (a chat prompt or a compare setup), JSON. */
  document: string;
}

export interface RunsTable {
  id: string;
  author: string;
  created_at: number;
  /** The UTC day it started on, YYYY-MM-DD. */
  day: string;
  duration_ms: number;
  model: string;
  /** How the run ended: done, error, or stopped (the person's Stop, or a closed tab). */
  status: string;
  input_tokens: number;
  output_tokens: number;
  thinking_tokens: number;
  cost_usd: number | null;
  prompt_excerpt: string;
  answer_excerpt: string;
  search_text: string;
}
