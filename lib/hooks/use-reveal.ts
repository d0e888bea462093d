"use client";

import {
  createContext,
  type RefObject,
  startTransition,
  useContext,
  useEffect,
  useState,
} from "react";

/**
 * Mount-on-approach for long conversations: a finished turn renders its markdown only once it
 * comes within a margin of the visible part of the scroll container, and goes back to plain text
 * once it is far away again. Opening a 200-turn conversation parses the few turns on screen, not
 * a megabyte; scrolling parses each turn as it comes near, one turn per frame, in a transition,
 * so it never blocks input or paint for long; and however far the person reads, the page holds
 * the markdown of a few turns around the view, not of all of them. (Rendered all at once, a
 * megabyte of answers is 150,000 elements: every garbage collection then walks them, for
 * seconds, and keystrokes wait.) The plain text stays in the page, for find in page.
 */
export interface RevealObserver {
  /**
   * Watch `element`: `change(true)` when it comes near while not `revealed`, `change(false)`
   * when it goes far while `revealed`. Returns the function that stops watching.
   */
  observe: (element: Element, revealed: boolean, change: (near: boolean) => void) => () => void;
  disconnect: () => void;
}

/**
 * `root` is read at the first `observe`, when refs are attached: the scroll container.
 * Changes are applied one per frame, not all at once: a jump (to the top, or a fast fling)
 * brings several turns into range together, and rendering them in one go would be one long
 * task. One at a time, each frame does one turn's worth of work and still paints. A turn coming
 * near goes before one going away.
 *
 * `keepMargin` is wider than `margin`, so a turn scrolled just past is not re-parsed when the
 * person scrolls back a little.
 */
export function createRevealObserver(
  root: () => Element | null,
  margin = "1200px 0px",
  keepMargin = "6000px 0px",
): RevealObserver {
  const callbacks = new Map<Element, (near: boolean) => void>();
  const coming: Element[] = [];
  const going: Element[] = [];
  let near: IntersectionObserver | undefined;
  let far: IntersectionObserver | undefined;
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    const reveal = coming.length > 0;
    const element = reveal ? coming.shift() : going.shift();
    const change = element && callbacks.get(element);
    if (element) callbacks.delete(element);
    change?.(reveal);
    if (coming.length > 0 || going.length > 0) schedule();
  };
  // After the next paint, so the previous change has been rendered and shown first.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => setTimeout(pump, 0));
  };

  const watch = (queue: Element[], wanted: boolean) => (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      if (entry.isIntersecting !== wanted || !callbacks.has(entry.target)) continue;
      near?.unobserve(entry.target);
      far?.unobserve(entry.target);
      if (!queue.includes(entry.target)) queue.push(entry.target);
    }
    if (queue.length > 0) schedule();
  };
  const observer = (revealed: boolean) => {
    if (revealed) {
      far ??= new IntersectionObserver(watch(going, false), {
        root: root(),
        rootMargin: keepMargin,
      });
      return far;
    }
    near ??= new IntersectionObserver(watch(coming, true), { root: root(), rootMargin: margin });
    return near;
  };

  const forget = (element: Element) => {
    callbacks.delete(element);
    near?.unobserve(element);
    far?.unobserve(element);
    for (const queue of [coming, going]) {
      const queued = queue.indexOf(element);
      if (queued >= 0) queue.splice(queued, 1);
    }
  };

  return {
    observe: (element, revealed, change) => {
      callbacks.set(element, change);
      observer(revealed).observe(element);
      return () => forget(element);
    },
    disconnect: () => {
      near?.disconnect();
      far?.disconnect();
      callbacks.clear();
      coming.length = 0;
      going.length = 0;
    },
  };
}

export const RevealContext = createContext<RevealObserver | null>(null);

/**
 * Whether the element is near the viewport (it renders in full) or far (it stays light).
 * `eager`: revealed from the first render. `keep`: once revealed, never goes back (the answer
 * being written, a turn whose form holds what the person typed); nor does one holding the focus.
 * Without a provider everything counts as revealed.
 */
export function useRevealed(ref: RefObject<Element | null>, eager = false, keep = false): boolean {
  const reveal = useContext(RevealContext);
  const [revealed, setRevealed] = useState(eager || reveal === null);
  useEffect(() => {
    const element = ref.current;
    if (!reveal || !element || (revealed && keep)) return;
    const watch = (): (() => void) =>
      reveal.observe(element, revealed, (near) => {
        if (near || !element.contains(document.activeElement)) {
          startTransition(() => setRevealed(near));
          return;
        }
        // Far, but the focus is inside (keyboard navigation): it goes once the focus has left.
        const again = () => {
          stop = watch();
        };
        element.addEventListener("focusout", again, { once: true });
        stop = () => element.removeEventListener("focusout", again);
      });
    let stop = watch();
    return () => stop();
  }, [reveal, revealed, keep, ref]);
  return revealed;
}
