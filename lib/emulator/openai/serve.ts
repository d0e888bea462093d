/**
 * The OpenAI-compatible endpoint (`/v1beta/openai/…`). Not emulated yet: every path is a 404.
 */
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { Route } from "@/lib/emulator/routes";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";

export async function serveOpenAI(
  _route: Extract<Route, { kind: "openai" }>,
  _request: Request,
  _url: URL,
  _entry: RequestLogHandle,
  _options: HandlerOptions,
): Promise<Response> {
  throw new EmulatorApiError(404);
}
