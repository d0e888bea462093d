import "server-only";
import { serverEnv } from "@/lib/env";
import { readJsonBody } from "@/lib/http/read-json";
import { clientOf, inflightBytes } from "./limits";

/**
 * A JSON route's body, read under the server's rules: at most `maxBytes` (the body limit unless
 * the route takes less), within the client's share of the bytes read at once, and cut off if it
 * stops arriving.
 */
export function readJsonRequest(
  request: Request,
  maxBytes = serverEnv().maxBodyBytes,
): Promise<unknown> {
  return readJsonBody(request, {
    maxBytes,
    reservation: inflightBytes().open(clientOf(request)),
    paceWindowMs: serverEnv().uploadIdleMs,
  });
}
