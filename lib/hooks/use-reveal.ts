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
 * comes within a margin of the visible part of the scroll container, and then keeps it. Opening
 * a 200-turn conversation parses the few turns on screen, not 500,000 characters; scrolling
 * parses each turn once, one turn per frame, in a transition, so it never blocks input or paint
 * for long.
 */
export interface RevealObserver {
  observe: (element: Element, onReveal: () => void) => () => void;
  disconnect: () => void;
}

/**
 * `root` is read at the first `observe`, when refs are attached: the scroll container.
 * Turns that come near are revealed one per frame, not all at once: a jump (to the top, or a
 * fast fling) brings several into range together, and rendering them in one go would be one
 * long task. One at a time, each frame does one turn's worth of work and still paints.
 */
export function createRevealObserver(
  root: () => Element | null,
  margin = "1200px 0px",
): RevealObserver {
  const callbacks = new Map<Element, () => void>();
  const queue: Element[] = [];
  let observer: IntersectionObserver | undefined;
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    const element = queue.shift();
    const reveal = element && callbacks.get(element);
    if (element) callbacks.delete(element);
    reveal?.();
    if (queue.length > 0) schedule();
  };
  // After the next paint, so the previous reveal has been rendered and shown first.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => setTimeout(pump, 0));
  };

  const ensure = () => {
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || !callbacks.has(entry.target)) continue;
          observer?.unobserve(entry.target);
          queue.push(entry.target);
        }
        if (queue.length > 0) schedule();
      },
      { root: root(), rootMargin: margin },
    );
    return observer;
  };
  return {
    observe: (element, onReveal) => {
      callbacks.set(element, onReveal);
      ensure().observe(element);
      return () => {
        callbacks.delete(element);
        observer?.unobserve(element);
        const queued = queue.indexOf(element);
        if (queued >= 0) queue.splice(queued, 1);
      };
    },
    disconnect: () => {
      observer?.disconnect();
      callbacks.clear();
      queue.length = 0;
    },
  };
}

export const RevealContext = createContext<RevealObserver | null>(null);

/**
 * Whether the element has come near the viewport (and stays true after). Without a provider,
 * or when `eager`, everything counts as revealed.
 */
export function useRevealed(ref: RefObject<Element | null>, eager = false): boolean {
  const reveal = useContext(RevealContext);
  const [revealed, setRevealed] = useState(eager || reveal === null);
  useEffect(() => {
    const element = ref.current;
    if (revealed || !reveal || !element) return;
    return reveal.observe(element, () => startTransition(() => setRevealed(true)));
  }, [reveal, revealed, ref]);
  return revealed;
}
