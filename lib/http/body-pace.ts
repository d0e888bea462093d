import "server-only";
import { AppError } from "@/lib/errors";

/** The least a body must deliver in every window for its sender to count as still sending. */
export const MIN_BYTES_PER_WINDOW = 1024;

/**
 * A request body that must keep arriving: a sender that delivers less than 1 KiB in a window of
 * `windowMs` (PLAYGROUND_UPLOAD_IDLE_SECONDS) is cut off with 408 `timeout:upload`. Node's own
 * limit is five minutes for the whole request, and a body trickling a byte every few seconds
 * never trips an idle timer: two hundred of them held 500 file descriptors and 200 temporary
 * files for minutes. Time the reader spends not asking for bytes (the disk is busy) is not held
 * against the sender.
 */
export function paceBody(
  body: ReadableStream<Uint8Array>,
  windowMs: number,
  what: string,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  // Time spent waiting on the sender, and what it delivered meanwhile, since the last verdict.
  let waited = 0;
  let waitStart: number | undefined;
  let arrived = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stalled: AppError | undefined;
  let output: ReadableStreamDefaultController<Uint8Array>;

  const check = () => {
    const now = Date.now();
    const total = waited + (waitStart === undefined ? 0 : now - waitStart);
    if (total >= windowMs) {
      if (arrived < MIN_BYTES_PER_WINDOW) {
        stalled = new AppError({
          code: "timeout:upload",
          message: `${what} stopped arriving: the server received less than 1 KB in ${Math.round(windowMs / 100) / 10} s and let go of it. Check the connection and try again.`,
          retryable: true,
        });
        output.error(stalled);
        reader.cancel(stalled).catch(() => {});
        return;
      }
      waited = 0;
      arrived = 0;
      if (waitStart !== undefined) waitStart = now;
    }
    schedule();
  };
  const schedule = () => {
    timer = setTimeout(check, windowMs / 4);
    timer.unref?.();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        output = controller;
        schedule();
      },
      async pull(controller) {
        waitStart = Date.now();
        try {
          const { value, done } = await reader.read();
          if (stalled) return;
          if (done) {
            clearTimeout(timer);
            controller.close();
            return;
          }
          arrived += value.byteLength;
          controller.enqueue(value);
        } catch (error) {
          clearTimeout(timer);
          if (!stalled) controller.error(error);
        } finally {
          if (waitStart !== undefined) waited += Date.now() - waitStart;
          waitStart = undefined;
        }
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
