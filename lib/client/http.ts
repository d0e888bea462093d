import type { PromptDocInput } from "@/lib/prompt";
import { docBody, sendDoc } from "./doc-body";
import { decodeAppError, RequestError, unreachable, unreadable } from "./errors";

/** What every client call takes besides its own arguments; tests pass `fetchImpl`. */
export interface CallOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export interface SendInit extends CallOptions {
  method?: "GET" | "POST" | "DELETE";
  /** The body, sent as JSON. */
  json?: unknown;
  /** A prompt document as the body, instead of `json`: made and sent off the page (doc-body.ts). */
  doc?: PromptDocInput;
  accept?: string;
  /** What to say when no answer came back, in the endpoint's own words. */
  unreachableMessage?: string;
}

/**
 * Send one request to our API. No answer at all becomes a `RequestError`; an abort is rethrown as
 * it is, because stopping is the caller's own doing, not a failure to report.
 */
export async function send(path: string, init: SendInit = {}): Promise<Response> {
  const { method = "GET", json, accept = "application/json", signal } = init;
  const fetchImpl = init.fetchImpl ?? fetch;
  const headers: Record<string, string> = { accept };
  try {
    if (init.doc && !init.fetchImpl) return await sendDoc(path, init.doc, { accept, signal });
    const body = init.doc
      ? await docBody(init.doc, signal)
      : json === undefined
        ? undefined
        : JSON.stringify(json);
    if (body !== undefined) headers["content-type"] = "application/json";
    return await fetchImpl(path, { method, headers, body, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RequestError(unreachable(init.unreachableMessage));
  }
}

/** The `RequestError` a refused request stands for, decoded from its body. */
export async function failure(response: Response): Promise<RequestError> {
  const json: unknown = await response.json().catch(() => null);
  return new RequestError(decodeAppError(json, response.status));
}

/** A JSON endpoint: the parsed body of an OK answer; every failure a `RequestError`. */
export async function requestJson<T>(path: string, init: SendInit = {}): Promise<T> {
  const response = await send(path, init);
  if (!response.ok) throw await failure(response);
  const json: unknown = await response.json().catch(() => undefined);
  if (json === undefined || json === null) {
    if (init.signal?.aborted) throw init.signal.reason;
    throw new RequestError(unreadable(response.status));
  }
  return json as T;
}
