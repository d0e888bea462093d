/**
 * A paced, abortable body for streamed answers. Pull-based with no read-ahead, so a frame counts as
 * sent only once the transport took it, and a slow reader slows the producer (backpressure).
 * A client that leaves (request signal aborts, or the body is cancelled) stops production at once
 * and is logged as `client_closed`; `end: "disconnect"` errors the body instead of closing it, which
 * the node adapter turns into a cut socket.
 */
import type { RequestLogHandle, RequestOutcome } from "./log";

export interface Frame {
  data: string;
  /** Milliseconds after the stream started at which this frame may leave. */
  atMs: number;
}

export interface FrameStreamOptions {
  frames: Frame[];
  end: "close" | "disconnect";
  /** How a clean close is logged: `error` when the last frame was an error event. */
  closeOutcome?: Extract<RequestOutcome, "ok" | "error">;
  signal: AbortSignal;
  log: RequestLogHandle;
}

/** The error a deliberately cut stream fails with. */
export class EmulatorDisconnect extends Error {
  constructor() {
    super("The Gemini emulator cut the connection (#emulator disconnect=N).");
    this.name = "EmulatorDisconnect";
  }
}

function abortError(): Error {
  return new DOMException("The client closed the connection.", "AbortError");
}

export function createFrameStream(options: FrameStreamOptions): ReadableStream<Uint8Array> {
  const { frames, signal, log } = options;
  const encoder = new TextEncoder();
  const startedAt = performance.now();
  let index = 0;
  let wake: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = (outcome: Exclude<RequestOutcome, "pending">) => {
    clearTimeout(timer);
    wake?.();
    signal.removeEventListener("abort", onAbort);
    log.finish(outcome);
  };
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  function onAbort() {
    stop("client_closed");
    try {
      controllerRef?.error(abortError());
    } catch {
      // Already closed or errored: nothing left to tell the reader.
    }
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        if (signal.aborted) onAbort();
        else signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        const frame = frames[index];
        if (log.finished) return;
        if (frame) {
          const wait = frame.atMs - (performance.now() - startedAt);
          if (wait > 0) await sleep(wait);
          if (log.finished) return;
          controller.enqueue(encoder.encode(frame.data));
          log.chunk();
          index += 1;
        }
        if (index < frames.length) return;
        if (options.end === "disconnect") {
          stop("disconnected");
          controller.error(new EmulatorDisconnect());
        } else {
          stop(options.closeOutcome ?? "ok");
          controller.close();
        }
      },
      cancel() {
        stop("client_closed");
      },
    },
    { highWaterMark: 0 },
  );
}
