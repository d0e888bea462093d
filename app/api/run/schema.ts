/**
 * POST /api/run takes a prompt document; its schema (with every limit) is the document's own.
 * The answer is an SSE stream of `RunEvent`s (lib/run/events.ts).
 */
export {
  type PromptDocInput as RunRequest,
  PromptDocSchema as RunRequestSchema,
} from "@/lib/prompt";
export type { RunEvent } from "@/lib/run/events";
