/**
 * Collects items and hands them over once per animation frame. A fast stream delivers many
 * chunks per frame; folding them in one store update means one render per frame, not per chunk.
 * A timer backs the frame up because background tabs don't get frames, and a run must still end.
 */
export interface FrameBatcher<T> {
  push: (item: T) => void;
  flush: () => void;
  cancel: () => void;
}

export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  maxDelayMs = 100,
): FrameBatcher<T> {
  let items: T[] = [];
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

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
  const push = (item: T) => {
    items.push(item);
    if (timer !== undefined) return;
    timer = setTimeout(flush, maxDelayMs);
    if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(flush);
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
