"use client";

import { type RefObject, useEffect } from "react";
import type { Turn } from "@/lib/prompt";
import { usePlaygroundApi } from "@/lib/store/provider";

/**
 * Where the person was in a conversation, kept across reloads: the turn at the top of the view and
 * how far into it, by conversation. Saved only as the page is left (or hidden, which is the last
 * sure moment on mobile), so scrolling itself costs nothing; read once, when the saved draft is
 * restored. A turn and an offset rather than a scrollTop: turns far off screen are estimates
 * until they have been rendered once, so pixels from the top would land elsewhere after a reload.
 */
export interface ScrollPosition {
  /** Index of the turn at the top edge of the view. */
  turn: number;
  /** Pixels from that turn's top to the top edge of the view. */
  offset: number;
}

const KEY = "gemini-playground:scroll";
/** Conversations remembered; the oldest is forgotten first. */
const KEEP = 20;
/** How close to the end counts as "at the end" (as use-stick-to-bottom.ts): no position kept. */
const NEAR_END = 48;

type Saved = Record<string, ScrollPosition>;

/**
 * Which conversation this is: its first turn, which later turns don't change. (Drafts have no
 * id yet; saved prompts will.) FNV-1a over the turn's JSON.
 */
export function conversationKey(contents: readonly Turn[]): string | null {
  const first = contents[0];
  if (!first) return null;
  const json = JSON.stringify(first);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function readAll(): Saved {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return typeof value === "object" && value !== null ? (value as Saved) : {};
  } catch {
    return {};
  }
}

/** The position saved for this conversation, or null to open at its end. */
export function savedScrollPosition(contents: readonly Turn[]): ScrollPosition | null {
  const key = conversationKey(contents);
  const position = key ? readAll()[key] : undefined;
  if (!position || !Number.isInteger(position.turn) || !Number.isFinite(position.offset)) {
    return null;
  }
  return position.turn >= 0 && position.turn < contents.length ? position : null;
}

/** The turn elements of the conversation, in order (`data-turn` is their index). */
const turnsIn = (content: Element) => content.querySelectorAll<HTMLElement>("[data-turn]");

export function turnElement(content: ParentNode, turn: number): HTMLElement | null {
  return content.querySelector<HTMLElement>(`[data-turn="${turn}"]`);
}

/** Where the view is now: null at the end (the default on opening). */
export function currentScrollPosition(
  scroller: HTMLElement,
  content: Element,
): ScrollPosition | null {
  if (scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_END) return null;
  const top = scroller.getBoundingClientRect().top;
  const turns = turnsIn(content);
  // The first turn whose bottom is below the top edge: a binary search, turns being in order.
  let lo = 0;
  let hi = turns.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((turns[mid]?.getBoundingClientRect().bottom ?? 0) > top) hi = mid;
    else lo = mid + 1;
  }
  const element = turns[lo];
  if (!element) return null;
  const turn = Number(element.dataset.turn);
  return { turn, offset: Math.round(top - element.getBoundingClientRect().top) };
}

/**
 * Save the position of the conversation in `scrollRef` whenever the page is left or hidden.
 * `atEnd` says, without reading the layout, that the view follows the end: leaving a page, its
 * style is often out of date, and the read would first restyle the whole conversation (45 ms
 * of a reload's unload, traced, for 200 turns), for a position that is "the end" anyway.
 */
export function useScrollMemory(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  atEnd: () => boolean = () => false,
): void {
  const store = usePlaygroundApi();
  useEffect(() => {
    const save = () => {
      const scroller = scrollRef.current;
      const content = contentRef.current;
      const { draft, hydrated } = store.getState();
      const key = conversationKey(draft.contents);
      if (!scroller || !content || !hydrated || !key) return;
      const position = atEnd() ? null : currentScrollPosition(scroller, content);
      const { [key]: _previous, ...others } = readAll();
      // Newest last: the first keys are the ones to forget.
      const kept = Object.entries(others).slice(-(KEEP - 1));
      const next = Object.fromEntries(position ? [...kept, [key, position]] : kept);
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the conversation opens at its end, as it always did.
      }
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") save();
    };
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [store, scrollRef, contentRef, atEnd]);
}
