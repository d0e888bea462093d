import type { PromptDocInput } from "@/lib/prompt";
import { type RunEvent, readEvents } from "@/lib/run/events";
import { decodeAppError, interrupted, unreachable } from "./errors";
import { type CallOptions, requestJson, send } from "./http";

/**
 * The browser's side of POST /api/run: send a prompt document, emit the decoded events. Every
 * failure on the way (no server, a 4xx JSON answer, a dropped connection) becomes an `error`
 * event, so the reducer is the only place that decides what a run looks like. An abort is a
 * normal end and emits nothing.
 */
export interface StreamRunOptions extends CallOptions {
  signal: AbortSignal;
  emit: (event: RunEvent) => void;
  endpoint?: string;
}

export async function streamRun(doc: PromptDocInput, options: StreamRunOptions): Promise<void> {
  const { signal, emit, endpoint = "/api/run" } = options;
  let response: Response;
  try {
    // Made and sent off the main thread (doc-body.ts): sending a long conversation doesn't
    // hold up the keystroke that sent it, nor those typed next.
    response = await send(endpoint, {
      method: "POST",
      doc,
      accept: "text/event-stream",
      signal,
      fetchImpl: options.fetchImpl,
    });
  } catch {
    if (!signal.aborted) emit({ type: "error", data: unreachable() });
    return;
  }

  await readRunResponse(response, signal, emit);
}

/**
 * A background run's events from the `from`th on (GET /api/background/{id}): those written so
 * far at once, then each as it comes. Failures are `error` events, as for `streamRun`.
 */
export async function watchBackgroundRun(
  id: string,
  options: StreamRunOptions & { from?: number },
): Promise<void> {
  const { signal, emit } = options;
  const query = options.from ? `?from=${options.from}` : "";
  let response: Response;
  try {
    response = await send(`/api/background/${encodeURIComponent(id)}${query}`, {
      accept: "text/event-stream",
      signal,
      fetchImpl: options.fetchImpl,
    });
  } catch {
    if (!signal.aborted) emit({ type: "error", data: unreachable() });
    return;
  }
  await readRunResponse(response, signal, emit);
}

/** Stops a background run at Google (Stop); its events then end as cancelled. */
export async function cancelBackgroundRun(id: string): Promise<void> {
  await requestJson(`/api/background/${encodeURIComponent(id)}/cancel`, {
    method: "POST",
    json: {},
  });
}

async function readRunResponse(
  response: Response,
  signal: AbortSignal,
  emit: (event: RunEvent) => void,
): Promise<void> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !response.body || !type.includes("text/event-stream")) {
    const json: unknown = await response.json().catch(() => null);
    if (!signal.aborted) emit({ type: "error", data: decodeAppError(json, response.status) });
    return;
  }

  let finished = false;
  try {
    for await (const event of readEvents(response.body)) {
      if (event.type === "done") finished = true;
      emit(event);
    }
  } catch {
    // A read error after an abort is the abort itself.
  }
  if (!finished && !signal.aborted) emit({ type: "error", data: interrupted() });
}
