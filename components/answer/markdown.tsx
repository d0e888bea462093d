"use client";

import { memo, useEffect, useMemo, useState } from "react";
import { useBoundedDeferred } from "@/lib/hooks/use-bounded-deferred";
import { whenIdle } from "@/lib/idle";
import { needsMath } from "./math-syntax";

/**
 * Markdown through Streamdown, loaded on demand: it is as large as the rest of the page, and a
 * page with no answer yet shouldn't pay for it. KaTeX, half as large again, is a second chunk
 * that only text which may hold math waits for. Until they arrive the text shows as plain text.
 *
 * No React.lazy or Suspense here: React holds back the reveal of a suspended boundary for up to
 * 300 ms after the last fallback was shown, and a restored conversation shows several fallbacks
 * as its turns come near, so it would wait for nothing. Instead each waiting answer is told when
 * its module is here and re-renders, as an ordinary update.
 */
interface LazyModule<T> {
  /** The module's value, or null while it isn't loaded. */
  current: () => T | null;
  load: () => Promise<void>;
  /** Load, and call `onLoad` when this caller's turn comes (see `lazyModule`). */
  wait: (onLoad: () => void) => () => void;
}

/**
 * When a module arrives, the answers waiting for it are woken one per frame, in the order they
 * asked: the last answer of a restored conversation mounts first, so it paints first, rather than
 * after every answer near it has been parsed in one long task.
 */
function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let loading: Promise<void> | null = null;
  const waiting: (() => void)[] = [];
  let draining = false;
  const drain = () => {
    waiting.shift()?.();
    draining = waiting.length > 0;
    // After the next paint, so the answer woken before is on screen first.
    if (draining) requestAnimationFrame(() => setTimeout(drain, 0));
  };
  const load = () => {
    loading ??= importer().then((loaded) => {
      value = loaded;
      drain();
    });
    return loading;
  };
  return {
    current: () => value,
    load,
    wait: (onLoad) => {
      waiting.push(onLoad);
      // Arrived between this caller's render and its effect: its turn is now.
      if (value !== null && !draining) drain();
      else void load();
      return () => {
        const at = waiting.indexOf(onLoad);
        if (at >= 0) waiting.splice(at, 1);
      };
    },
  };
}

const renderer = lazyModule(() => import("./markdown-renderer").then((m) => m.default));
const math = lazyModule(() => import("./math-plugin").then((m) => m.mathPlugin));

/**
 * Start fetching the renderer early (a saved conversation is being restored, or the page is
 * idle), so the first answer doesn't wait. KaTeX follows once the page is idle again: an answer
 * with math makes it load at once anyway.
 */
export function preloadMarkdown(): void {
  void renderer.load().then(() => {
    whenIdle(() => void math.load());
  });
}

/**
 * The module's value, or null until it is loaded; `wanted` loads it and re-renders this caller
 * in its turn. (A caller re-rendered for another reason, such as a streaming answer's next
 * words, uses a module that has arrived at once.)
 */
function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): T | null {
  const [, setWoken] = useState(false);
  const value = wanted ? module.current() : null;
  useEffect(() => {
    if (!wanted || value !== null) return;
    return module.wait(() => setWoken(true));
  }, [module, wanted, value]);
  return value;
}

interface MarkdownProps {
  text: string;
  /** While streaming, unterminated markdown (an open code fence, half a table) is completed. */
  streaming?: boolean;
}

/** How far the drawn words may trail the newest chunk: three chunks 50 ms apart. */
const MAX_LAG_MS = 150;
const STREAM_START: MarkdownProps = { text: "", streaming: true };

export const Markdown = memo(function Markdown(props: MarkdownProps) {
  // The next words are drawn in a background render that React cuts into slices and sets aside
  // for a keystroke, so drawing an answer rarely holds the page; the words on screen trail the
  // stream by at most MAX_LAG_MS.
  // An answer that mounts while it streams starts empty and draws its first words in the
  // background too; one restored or finished is drawn at once (a reload shows it, not a blank).
  const { text, streaming = false } = useBoundedDeferred(
    props,
    MAX_LAG_MS,
    props.streaming ? STREAM_START : undefined,
  );
  const Renderer = useLazyModule(renderer, true);
  const wantsMath = useMemo(() => needsMath(text), [text]);
  const mathPlugin = useLazyModule(math, wantsMath);
  // A finished answer waits for KaTeX rather than show its formulas as TeX first; a streaming
  // one keeps rendering, and its formulas render when KaTeX arrives.
  const ready = Renderer && (mathPlugin !== null || !wantsMath || streaming);
  if (ready) return <Renderer text={text} streaming={streaming} math={mathPlugin} />;
  return <div className="whitespace-pre-wrap break-words">{text}</div>;
});
