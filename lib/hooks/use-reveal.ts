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
 * parses each turn once, in a transition, so it never blocks input or paint for long.
 */
export interface RevealObserver {
  observe: (element: Element, onReveal: () => void) => () => void;
  disconnect: () => void;
}

/** `root` is read at the first `observe`, when refs are attached: the scroll container. */
export function createRevealObserver(
  root: () => Element | null,
  margin = "1200px 0px",
): RevealObserver {
  const callbacks = new Map<Element, () => void>();
  let observer: IntersectionObserver | undefined;
  const ensure = () => {
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const reveal = callbacks.get(entry.target);
          callbacks.delete(entry.target);
          observer?.unobserve(entry.target);
          reveal?.();
        }
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
      };
    },
    disconnect: () => {
      observer?.disconnect();
      callbacks.clear();
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
