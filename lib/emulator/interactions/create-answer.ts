/**
 * How a create call answers once its run started: JSON (at once for a background interaction,
 * after the run for a foreground one) or the event stream, and `disconnect=N`'s cut connection.
 */
import { EmulatorDisconnect } from "@/lib/emulator/frame-stream";
import { baseHeaders, JSON_CONTENT_TYPE } from "@/lib/emulator/wire";
import { type InteractionsContext, ok } from "./interaction-context";
import { interactionJson } from "./interaction-json";
import type { InteractionRecord } from "./interaction-record";
import type { InteractionRun } from "./interaction-run";
import { eventStreamResponse } from "./interaction-stream";

export interface Started {
  record: InteractionRecord;
  run: InteractionRun;
  stream: boolean;
  /** `#emulator disconnect=N`. */
  disconnectAfter?: number;
  /** Directives offline mode's caps clamped, named in `x-emulator-capped` as generate.ts does. */
  capped?: string[];
}

/**
 * The answer to a create once its run started. A background interaction answers at once (JSON
 * `in_progress`, or a stream the client may leave without stopping the run); any other is bound to
 * its connection: a client that leaves (or is cut) abandons the run and nothing is kept, as Google
 * does (an interaction whose foreground stream dropped is gone within seconds).
 */
export async function answerCreate(
  context: InteractionsContext,
  started: Started,
): Promise<Response> {
  const response = await answer(context, started);
  if (started.capped?.length) response.headers.set("x-emulator-capped", started.capped.join("; "));
  return response;
}

async function answer(
  context: InteractionsContext,
  { record, run, stream, disconnectAfter }: Started,
): Promise<Response> {
  const abandon = () => {
    run.abandon();
    context.store.remove(record.id);
  };
  if (stream) {
    return eventStreamResponse(record, {
      from: 0,
      signal: context.signal,
      log: context.log,
      ...(disconnectAfter !== undefined && { disconnectAfter }),
      ...(!record.background && { onGone: abandon }),
    });
  }
  if (!record.background) await untilDone(run, context.signal, abandon);
  if (disconnectAfter !== undefined) {
    return cutResponse(context, record.background ? undefined : abandon);
  }
  return ok(context, interactionJson(record, { timeline: false }));
}

/** Waits for a foreground run; a client leaving first abandons it and rejects. */
function untilDone(run: InteractionRun, signal: AbortSignal, abandon: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      abandon();
      reject(signal.reason);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    run.done.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}

/** `disconnect=N` on a unary call: headers, then a cut connection, as generate.ts does it. */
function cutResponse(context: InteractionsContext, onCut?: () => void): Response {
  context.log.respond(200);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      context.log.finish("disconnected");
      onCut?.();
      controller.error(new EmulatorDisconnect());
    },
  });
  return new Response(body, { headers: baseHeaders(JSON_CONTENT_TYPE, context.log.id) });
}
