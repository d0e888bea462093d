"use client";

import { type RefObject, useCallback, useEffect, useRef } from "react";

/** How close to the end still counts as "at the end", in px. */
const NEAR_END = 48;
const SCROLL_KEYS = new Set(["ArrowUp", "PageUp", "Home"]);

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming answer), unless
 * the person has scrolled up to read: then it leaves them where they are, until they scroll back
 * down to the end.
 *
 * Only a person's own scrolling unpins: wheel, touch, keys, the scrollbar, or a jump of more than
 * half a screen (find in page, a script). Scroll events alone can't tell: the browser also
 * nudges the position as content above the viewport changes size (scroll anchoring, turns
 * rendered as they come near), and that must not stop the follow.
 */
export function useStickToBottom<T extends HTMLElement>(): {
  scrollRef: RefObject<T | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  /** Jump to the end and follow again (e.g. when the person sends a new message). */
  pin: () => void;
} {
  const scrollRef = useRef<T | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const pinned = useRef(true);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const atEnd = () =>
      scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_END;
    const release = () => {
      pinned.current = false;
    };
    let lastTop = scroller.scrollTop;
    const onScroll = () => {
      const top = scroller.scrollTop;
      if (atEnd()) pinned.current = true;
      else if (lastTop - top > scroller.clientHeight / 2) release();
      lastTop = top;
    };
    const onWheel = (e: WheelEvent) => {
      if (e.deltaY < 0) release();
    };
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (!typing && SCROLL_KEYS.has(e.key)) release();
    };
    // A press on the container itself, not on its content, is a press on its scrollbar.
    const onPointerDown = (e: PointerEvent) => {
      if (e.target === scroller) release();
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) scroller.scrollTop = scroller.scrollHeight;
    });
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
  }, []);

  const pin = useCallback(() => {
    pinned.current = true;
    const scroller = scrollRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, []);

  return { scrollRef, contentRef, pin };
}
