import { handle } from "@/lib/api/handle";
import { gemini } from "@/lib/gemini/client";

export const GET = handle(async () =>
  Response.json(
    { ok: true, simulated: gemini().simulated },
    { headers: { "cache-control": "no-store" } },
  ),
);
