"use client";

import { type RefObject, useCallback, useEffect, useRef } from "react";

/** How close to the end still counts as "at the end", in px. */
const NEAR_END = 48;
const UP_KEYS = new Set(["ArrowUp", "PageUp", "Home"]);
const DOWN_KEYS = new Set(["ArrowDown", "PageDown", "End", " "]);

/** A place in the content to keep at the top edge of the view: an element, and px into it. */
export interface ScrollAnchor {
  element: () => HTMLElement | null;
  offset: number;
}

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming answer), unless
 * the person has scrolled up to read: then it leaves them where they are, until they scroll back
 * down to the end. Or holds it at an anchor (`holdAt`: where the person was before a reload)
 * while the content around it is still taking its final size, until they scroll.
 *
 * Only a person's own scrolling lets go: wheel, touch, keys, the scrollbar, or a jump of more
 * than half a screen (find in page, a script). Scroll events alone can't tell: the browser also
 * nudges the position as content above the viewport changes size (scroll anchoring, turns
 * rendered as they come near), and that must not stop the follow.
 */
export function useStickToBottom<T extends HTMLElement>(): {
  scrollRef: RefObject<T | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  /** Jump to the end and follow again (e.g. when the person sends a message). */
  pin: () => void;
  /** Jump to `anchor` and keep it in place as content changes size, until the person scrolls. */
  holdAt: (anchor: ScrollAnchor) => void;
  /** Following the end: the view is at it, without a layout read to say so. */
  following: () => boolean;
} {
  const scrollRef = useRef<T | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const target = useRef<"end" | ScrollAnchor | null>("end");
  /** The position this hook last set: its own scroll events are not the person's. */
  const placed = useRef<number | null>(null);

  const apply = useCallback(() => {
    const scroller = scrollRef.current;
    const to = target.current;
    if (!scroller || !to) return;
    if (to === "end") {
      scroller.scrollTop = scroller.scrollHeight;
    } else {
      const element = to.element();
      if (!element) return;
      const above = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += above + to.offset;
    }
    placed.current = scroller.scrollTop;
  }, []);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const atEnd = () =>
      scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_END;
    const release = () => {
      target.current = null;
    };
    const holding = () => target.current !== null && target.current !== "end";
    let lastTop = scroller.scrollTop;
    const onScroll = () => {
      const top = scroller.scrollTop;
      const ours = placed.current !== null && Math.abs(top - placed.current) <= 1;
      // Following the end, only a jump up is the person's: down is where it follows anyway.
      // Holding an anchor, a jump either way is (find in page, a link), and must not be undone
      // at the next change of size.
      const jump = holding() ? Math.abs(lastTop - top) : lastTop - top;
      if (atEnd() && !holding()) target.current = "end";
      else if (!ours && jump > scroller.clientHeight / 2) release();
      lastTop = top;
    };
    const onWheel = (e: WheelEvent) => {
      if (e.deltaY < 0 || holding()) release();
    };
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (typing) return;
      // Holding, Tab counts too: the browser scrolls to what takes the focus, and the hold
      // would scroll back at the next change of size.
      const moves = DOWN_KEYS.has(e.key) || e.key === "Tab";
      if (UP_KEYS.has(e.key) || (holding() && moves)) release();
    };
    // A press on the container itself, not on its content, is a press on its scrollbar.
    const onPointerDown = (e: PointerEvent) => {
      if (e.target === scroller) release();
    };
    const observer = new ResizeObserver(apply);
    scroller.addEventListener("scroll", onScroll, { passive: true });
    scroller.addEventListener("wheel", onWheel, { passive: true });
    scroller.addEventListener("touchmove", release, { passive: true });
    scroller.addEventListener("keydown", onKey);
    scroller.addEventListener("pointerdown", onPointerDown);
    observer.observe(content);
    return () => {
      scroller.removeEventListener("scroll", onScroll);
      scroller.removeEventListener("wheel", onWheel);
      scroller.removeEventListener("touchmove", release);
      scroller.removeEventListener("keydown", onKey);
      scroller.removeEventListener("pointerdown", onPointerDown);
      observer.disconnect();
    };
  }, [apply]);

  const pin = useCallback(() => {
    target.current = "end";
    apply();
  }, [apply]);

  const holdAt = useCallback(
    (anchor: ScrollAnchor) => {
      target.current = anchor;
      apply();
    },
    [apply],
  );

  const following = useCallback(() => target.current === "end", []);

  return { scrollRef, contentRef, pin, holdAt, following };
}
