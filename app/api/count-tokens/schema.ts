/** POST /api/count-tokens takes the same prompt document as /api/run and answers CountTokensResponse. */

export type { CountTokensResponse } from "@/lib/models/types";
export {
  type PromptDocInput as CountTokensRequest,
  PromptDocSchema as CountTokensRequestSchema,
} from "@/lib/prompt";
