/**
 * The request handler: authentication, routing and the error envelope. Web-standard Request and
 * Response only, so the same code serves node:http (node-server.ts) and runs inside the Next.js
 * server behind the SDK's `httpOptions.fetch`.
 */
import { findModel, listModels, supportsMethod } from "@/lib/emulator/catalogue/catalogue";
import type { FileStore } from "@/lib/emulator/files/file-store";
import { needsKey, serveFiles } from "@/lib/emulator/files/files-api";
import { serveInteractions } from "@/lib/emulator/interactions/serve";
import { predict } from "@/lib/emulator/media/predict";
import { countTokens } from "@/lib/emulator/native/count-tokens";
import { type DirectiveCaps, DirectiveError } from "@/lib/emulator/native/directives";
import { batchEmbedContents, embedContent } from "@/lib/emulator/native/embed";
import { generate } from "@/lib/emulator/native/generate";
import { serveOpenAI } from "@/lib/emulator/openai/serve";
import {
  EmulatorApiError,
  invalidKeyError,
  modelNotFound,
  NO_KEY_MESSAGE,
} from "@/lib/emulator/validation/errors";
import { readJsonBody, validateRequestBody } from "@/lib/emulator/validation/request-body";
import { abortableSleep, type RouteContext } from "./context";
import type { RequestLog, RequestLogHandle } from "./log";
import { type FilesRoute, parseRoute, type Route } from "./routes";
import { jsonResponse } from "./wire";

export interface HandlerOptions {
  /** Return false to answer 400 API_KEY_INVALID, as Google does for a wrong key. */
  acceptKey?: (key: string) => boolean;
  /** The Files API store of this emulator instance. */
  files: FileStore;
  directiveCaps?: DirectiveCaps;
}

const FILE_ROUTES = new Set<Route["kind"]>(["upload", "listFiles", "file"]);

function isFilesRoute(route: Route): route is FilesRoute {
  return FILE_ROUTES.has(route.kind);
}

export function createHandler(log: RequestLog, options: HandlerOptions) {
  return async function handle(request: Request): Promise<Response> {
    // A Request made from another signal (`new Request(url, init)` in process) follows it only
    // while the Request itself is alive: the link is weak. An answer's stream holds the signal
    // but may outlive every other reference to the request, and a garbage-collected request
    // would never see the caller's abort; the signal's own listener keeps the request alive.
    request.signal.addEventListener("abort", () => request.url, { once: true });
    const url = new URL(request.url);
    const route = parseRoute(url.pathname);
    if (route.kind === "inspect") return inspect(route.resource, request, log);
    const entry = log.start(request.method, url.pathname, loggedQuery(url));
    try {
      // The compat endpoint takes its key as a bearer token and answers in OpenAI's error shape.
      if (route.kind === "openai") return await serveOpenAI(route, request, url, entry, options);
      if (isFilesRoute(route)) {
        if (needsKey(route, url)) authenticate(request, url, options);
        return await serveFiles(route, request, url, entry, options.files);
      }
      authenticate(request, url, options);
      if (route.kind === "interactions") {
        return await serveInteractions(route, request, url, entry, options);
      }
      return await dispatch(route, request, url, entry, options);
    } catch (error) {
      if (request.signal.aborted) {
        entry.finish("client_closed");
        throw request.signal.reason ?? error;
      }
      const apiError = toApiError(error);
      entry.finish("error", apiError.status);
      return jsonResponse(apiError.toJSON(), entry.id, apiError.status);
    }
  };
}

function toApiError(error: unknown): EmulatorApiError {
  if (error instanceof EmulatorApiError) return error;
  if (error instanceof DirectiveError) return new EmulatorApiError(400, error.message);
  console.error("Gemini emulator: unexpected failure", error);
  return new EmulatorApiError(500);
}

function authenticate(request: Request, url: URL, options: HandlerOptions): void {
  const key = request.headers.get("x-goog-api-key") || url.searchParams.get("key") || "";
  if (key.trim() === "") throw new EmulatorApiError(403, NO_KEY_MESSAGE);
  if (options.acceptKey && !options.acceptKey(key)) throw invalidKeyError();
}

function notFound(): EmulatorApiError {
  return new EmulatorApiError(404);
}

async function dispatch(
  route: Route,
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  { files, directiveCaps }: HandlerOptions,
): Promise<Response> {
  const get = request.method === "GET";
  if (route.kind === "listModels" && get) {
    const page = listModels(url.searchParams.get("pageSize"), url.searchParams.get("pageToken"));
    return ok(entry, page);
  }
  if (route.kind === "listTunedModels" && get) return ok(entry, {});
  if (route.kind === "getModel" && get) {
    entry.setModel(route.modelId);
    const model = findModel(route.modelId);
    if (!model) {
      throw new EmulatorApiError(
        404,
        `Model is not found: models/${route.modelId} for api version ${route.version}`,
      );
    }
    return ok(entry, model);
  }
  if (route.kind !== "modelMethod" || request.method !== "POST") throw notFound();

  entry.setModel(route.modelId);
  // Google parses the body into the request proto before anything looks at the model, so a
  // malformed body is a 400 even for a model that does not exist.
  const body = validateRequestBody(route.method, await readJsonBody(request), route.version);
  const ctx: RouteContext = {
    request,
    url,
    version: route.version,
    method: route.method,
    modelId: route.modelId,
    body,
    files,
    signal: request.signal,
    log: entry,
    directiveCaps,
    sleep: (ms) => abortableSleep(ms, request.signal),
    target: () => ({ model: route.modelId, method: route.method, version: route.version }),
  };
  const model = findModel(route.modelId);
  if (!model || !supportsMethod(model, route.method)) {
    throw modelNotFound(route.modelId, route.method, route.version);
  }
  switch (route.method) {
    case "generateContent":
    case "streamGenerateContent":
      return generate(ctx, model);
    case "countTokens":
      return countTokens(ctx);
    case "embedContent":
      return embedContent(ctx, model);
    case "batchEmbedContents":
      return batchEmbedContents(ctx, model);
    case "predict":
      return predict(ctx, model);
    default:
      // The model lists the method (predictLongRunning, batchGenerateContent, …) but we do not
      // emulate it yet.
      throw new EmulatorApiError(
        501,
        `The Gemini emulator does not implement models.${route.method} yet.`,
      );
  }
}

function ok(entry: RequestLogHandle, body: object): Response {
  entry.respond(200);
  entry.finish("ok");
  return jsonResponse(body, entry.id);
}

/** Test-only routes outside the API prefix: no key, never logged themselves. */
function inspect(resource: "requests" | "health", request: Request, log: RequestLog): Response {
  if (resource === "health") return jsonResponse({ status: "ok" }, "inspect");
  if (request.method === "DELETE") {
    log.clear();
    return jsonResponse({}, "inspect");
  }
  return jsonResponse({ requests: log.list() }, "inspect");
}

/** A request's query as the log shows it: never the key, which some clients send there. */
function loggedQuery(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete("key");
  const query = params.toString();
  return query ? `?${query}` : "";
}
