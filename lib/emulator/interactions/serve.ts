/**
 * The Interactions API (`/v1beta/interactions…`). Not emulated yet: every path is a 404.
 */
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { Route } from "@/lib/emulator/routes";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";

export async function serveInteractions(
  _route: Extract<Route, { kind: "interactions" }>,
  _request: Request,
  _url: URL,
  _entry: RequestLogHandle,
  _options: HandlerOptions,
): Promise<Response> {
  throw new EmulatorApiError(404);
}
