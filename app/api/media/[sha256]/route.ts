import { handle } from "@/lib/api/handle";
import { serveMedia } from "@/lib/media/serve";

export const GET = handle(async (request) => serveMedia(request));
