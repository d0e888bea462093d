/**
 * Collects items and hands them over once per animation frame. A fast stream delivers many
 * chunks per frame; folding them in one store update means one render per frame, not per chunk.
 * A timer backs the frame up because background tabs don't get frames, and a run must still end.
 *
 * While `hold` says the page is still drawing the last delivery, the items wait for a later
 * frame (or timer), but never longer than `maxHoldMs` after the first of them came: a page that
 * draws slowly gets its words in fewer, larger steps instead of falling further behind.
 */
export interface FrameBatcher<T> {
  push: (item: T) => void;
  flush: () => void;
  cancel: () => void;
}

export interface BatchTiming {
  /** The timer that stands in for frames that don't come. */
  maxDelayMs?: number;
  hold?: () => boolean;
  maxHoldMs?: number;
}

export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  { maxDelayMs = 100, hold = () => false, maxHoldMs = 1_000 }: BatchTiming = {},
): FrameBatcher<T> {
  let items: T[] = [];
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;

  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  };
  const flush = () => {
    cancel();
    if (items.length === 0) return;
    const batch = items;
    items = [];
    deliver(batch);
  };
  const held = () => hold() && performance.now() - firstAt < maxHoldMs;
  const onFrame = () => {
    if (held()) frame = requestAnimationFrame(onFrame);
    else flush();
  };
  const onTimer = () => {
    if (held()) timer = setTimeout(onTimer, maxDelayMs);
    else flush();
  };
  const push = (item: T) => {
    items.push(item);
    if (timer !== undefined) return;
    firstAt = performance.now();
    timer = setTimeout(onTimer, maxDelayMs);
    if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(onFrame);
  };
  return {
    push,
    flush,
    cancel: () => {
      cancel();
      items = [];
    },
  };
}
