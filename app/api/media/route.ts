import { handle } from "@/lib/api/handle";
import { storeUpload } from "@/lib/media/upload";

export const POST = handle(async (request) => {
  const stored = await storeUpload(request);
  return Response.json(stored, { status: 201 });
});
