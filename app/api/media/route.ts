import { handle } from "@/lib/api/handle";
import { clientOf, uploadSlots } from "@/lib/api/limits";
import { storeUpload } from "@/lib/media/upload";

export const POST = handle(async (request) => {
  // A slot before a byte of the file is read, given back however the upload ends.
  const slot = uploadSlots().take(clientOf(request));
  try {
    const stored = await storeUpload(request);
    return Response.json(stored, { status: 201 });
  } finally {
    slot.release();
  }
});
