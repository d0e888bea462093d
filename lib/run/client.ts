import { type AppErrorBody, decodeAppError } from "@/lib/errors";
import type { PromptDocInput } from "@/lib/prompt";
import { type RunEvent, readEvents } from "./events";

/**
 * The browser's side of POST /api/run: send a prompt document, emit the decoded events. Every
 * failure on the way (no server, a 4xx JSON answer, a dropped connection) becomes an `error`
 * event, so the reducer is the only place that decides what a run looks like. An abort is a
 * normal end and emits nothing.
 */
export interface StreamRunOptions {
  signal: AbortSignal;
  emit: (event: RunEvent) => void;
  fetchImpl?: typeof fetch;
  endpoint?: string;
}

/** Errors only the browser can observe; they carry no HTTP status from our server. */
function clientError(message: string): AppErrorBody {
  return { code: "internal", message, status: 0, retryable: true };
}

export const UNREACHABLE_MESSAGE =
  "Could not reach the playground server. Check that it is running and your network connection, then try again.";
export const INTERRUPTED_MESSAGE =
  "The connection to the playground server closed before the answer finished. Try again.";

export async function streamRun(doc: PromptDocInput, options: StreamRunOptions): Promise<void> {
  const { signal, emit, endpoint = "/api/run" } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify(doc),
      signal,
    });
  } catch {
    if (!signal.aborted) emit({ type: "error", data: clientError(UNREACHABLE_MESSAGE) });
    return;
  }

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
  if (!finished && !signal.aborted) emit({ type: "error", data: clientError(INTERRUPTED_MESSAGE) });
}
