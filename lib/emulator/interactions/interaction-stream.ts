/**
 * An interaction's event log as a server-sent event stream: `event: <event_type>` and
 * `data: <json>` per event (each with its `event_id`), ending with `event: done` / `data: [DONE]`
 * once the interaction completed or failed (the SDK stops at that sentinel). The stream starts at
 * any event (a resume after `last_event_id`), sends what is logged at once and then waits for the
 * run to log more, so a reader that reconnects to a running interaction gets exactly what it
 * missed and then the rest live. Pull-based: an event counts as sent once the transport took it.
 */
import { EmulatorDisconnect } from "@/lib/emulator/frame-stream";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { JsonObject } from "@/lib/emulator/types";
import { baseHeaders, SSE_CONTENT_TYPE, toStreamJson } from "@/lib/emulator/wire";
import type { InteractionRecord } from "./interaction-record";

export interface StreamOptions {
  /** Index in the event log of the first event to send. */
  from: number;
  signal: AbortSignal;
  log: RequestLogHandle;
  /** `#emulator disconnect=N`: cut the connection after N events. */
  disconnectAfter?: number;
  /** The reader is gone (left, or cut): a connection-bound run stops with it. */
  onGone?: () => void;
}

export function sseFrame(event: JsonObject): string {
  return `event: ${String(event.event_type)}\ndata: ${toStreamJson(event)}\n\n`;
}

const DONE_FRAME = "event: done\ndata: [DONE]\n\n";

export function eventStreamResponse(record: InteractionRecord, options: StreamOptions): Response {
  const { signal, log } = options;
  const encoder = new TextEncoder();
  let index = options.from;
  let sent = 0;
  let gone = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  let wakeReader: (() => void) | undefined;

  const leave = (outcome: "client_closed" | "disconnected") => {
    if (gone) return;
    gone = true;
    signal.removeEventListener("abort", onAbort);
    log.finish(outcome);
    wakeReader?.();
    options.onGone?.();
  };
  function onAbort() {
    leave("client_closed");
    try {
      controllerRef?.error(new DOMException("The client closed the connection.", "AbortError"));
    } catch {
      // Already closed: nothing left to tell the reader.
    }
  }

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        if (signal.aborted) onAbort();
        else signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        for (;;) {
          if (gone) return;
          const event = record.events[index];
          if (event) {
            controller.enqueue(encoder.encode(sseFrame(event)));
            log.chunk();
            index += 1;
            sent += 1;
            if (options.disconnectAfter !== undefined && sent >= options.disconnectAfter) {
              leave("disconnected");
              controller.error(new EmulatorDisconnect());
            }
            return;
          }
          if (record.finished) {
            const last = record.events.at(-1);
            const terminal =
              last && ["interaction.completed", "error"].includes(String(last.event_type));
            if (terminal) controller.enqueue(encoder.encode(DONE_FRAME));
            gone = true;
            signal.removeEventListener("abort", onAbort);
            log.finish(last?.event_type === "error" ? "error" : "ok");
            controller.close();
            return;
          }
          await new Promise<void>((resolve) => {
            wakeReader = resolve;
            record.changed().then(resolve);
          });
          wakeReader = undefined;
        }
      },
      cancel() {
        leave("client_closed");
      },
    },
    { highWaterMark: 0 },
  );
  log.respond(200);
  const headers = baseHeaders(SSE_CONTENT_TYPE, log.id);
  headers.set("cache-control", "no-cache");
  return new Response(body, { headers });
}
