import { handle } from "@/lib/api/handle";
import { gemini } from "@/lib/gemini/client";
import { listModels } from "@/lib/gemini/models";
import type { ModelsResponse } from "@/lib/models/types";

export const GET = handle(async () => {
  const body: ModelsResponse = { models: await listModels(), simulated: gemini().simulated };
  return Response.json(body, { headers: { "cache-control": "private, max-age=30" } });
});
