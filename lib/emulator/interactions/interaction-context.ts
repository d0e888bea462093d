/** What every Interactions route receives from serve.ts, and the plain JSON answer. */
import { abortableSleep } from "@/lib/emulator/context";
import type { FileStore } from "@/lib/emulator/files/file-store";
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { DirectiveCaps } from "@/lib/emulator/native/directives";
import type { ApiVersion, JsonObject } from "@/lib/emulator/types";
import { jsonResponse } from "@/lib/emulator/wire";
import { type InteractionStore, storeFor } from "./interaction-store";

export interface InteractionsContext {
  request: Request;
  url: URL;
  version: ApiVersion;
  log: RequestLogHandle;
  store: InteractionStore;
  files: FileStore;
  caps?: DirectiveCaps;
  signal: AbortSignal;
  sleep(ms: number): Promise<void>;
}

export function contextFor(
  request: Request,
  url: URL,
  version: ApiVersion,
  log: RequestLogHandle,
  options: HandlerOptions,
): InteractionsContext {
  return {
    request,
    url,
    version,
    log,
    store: storeFor(options),
    files: options.files,
    ...(options.directiveCaps && { caps: options.directiveCaps }),
    signal: request.signal,
    sleep: (ms) => abortableSleep(ms, request.signal),
  };
}

export function ok(context: InteractionsContext, body: JsonObject): Response {
  context.log.respond(200);
  context.log.finish("ok");
  return jsonResponse(body, context.log.id);
}
