"use client";

import { type RefObject, useCallback, useEffect, useRef } from "react";

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming answer), unless
 * the person has scrolled up to read: then it leaves them where they are.
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
    const onScroll = () => {
      const gap = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      pinned.current = gap < 48;
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) scroller.scrollTop = scroller.scrollHeight;
    });
    scroller.addEventListener("scroll", onScroll, { passive: true });
    observer.observe(content);
    return () => {
      scroller.removeEventListener("scroll", onScroll);
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
