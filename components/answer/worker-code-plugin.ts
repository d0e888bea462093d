import { startTransition } from "react";
import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult } from "streamdown";
import type { HighlightRequest } from "./highlight-worker";

type Callback = (result: HighlightResult) => void;

/**
 * Light and dark, as @streamdown/code's default. Not read from that package: importing it on
 * this thread would bring Shiki's core and regex engine along, a third of the markdown chunk,
 * into the download that a restored conversation waits for.
 */
const THEMES: ReturnType<CodeHighlighterPlugin["getThemes"]> = ["github-light", "github-dark"];

/** Finished blocks kept per page: a long conversation re-shows blocks as it scrolls. */
const CACHE_LIMIT = 1_000;

/**
 * Characters of finished code whose highlighting is applied per frame. Each result re-renders
 * its block with a span per token; opening a long conversation asks for dozens of blocks at once,
 * and applying all their results together was one long task.
 */
const SLICE_CHARS = 3_000;

interface Ready {
  result: HighlightResult;
  callback: Callback;
  size: number;
}

/**
 * Streamdown's code-highlighter plugin interface, with the work done in a Web Worker
 * (highlight-worker.ts). `highlight` answers finished blocks from a cache at once and otherwise
 * returns null, delivering the tokens through the callback when the worker is done, which is the
 * interface's asynchronous path. Without Worker support, code simply stays unhighlighted.
 */
export function createWorkerCodePlugin(): CodeHighlighterPlugin {
  const cache = new Map<string, HighlightResult>();
  const waiting = new Map<
    number,
    { key: string; cache: boolean; size: number; callback?: Callback }
  >();
  let worker: Worker | null | undefined;
  let nextId = 0;

  /**
   * Results of finished blocks, applied a slice per frame, each slice as a transition: React
   * renders it in pieces that a keystroke can interrupt, and paints it before the next slice.
   * A block still streaming gets its result at once (it is small, and being watched).
   */
  const ready: Ready[] = [];
  let pumping = false;
  const pump = () => {
    startTransition(() => {
      let budget = SLICE_CHARS;
      while (budget > 0) {
        const next = ready.shift();
        if (!next) break;
        budget -= next.size;
        next.callback(next.result);
      }
    });
    pumping = ready.length > 0;
    // After the next paint, so the slice just applied has been rendered and shown first.
    if (pumping) requestAnimationFrame(() => setTimeout(pump, 0));
  };
  const apply = (item: Ready) => {
    ready.push(item);
    if (pumping) return;
    pumping = true;
    setTimeout(pump, 0);
  };

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    if (typeof Worker === "undefined") {
      worker = null;
      return worker;
    }
    worker = new Worker(new URL("./highlight-worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener(
      "message",
      (event: MessageEvent<{ id: number; result: HighlightResult }>) => {
        const request = waiting.get(event.data.id);
        if (!request) return;
        waiting.delete(event.data.id);
        const { result } = event.data;
        if (request.cache) remember(request.key, result);
        if (!request.callback) return;
        if (request.cache) apply({ result, callback: request.callback, size: request.size });
        else request.callback(result);
      },
    );
    return worker;
  };

  const remember = (key: string, result: HighlightResult) => {
    cache.delete(key);
    cache.set(key, result);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  };

  return {
    name: "shiki",
    type: "code-highlighter",
    // Streamdown asks a code plugin only for its themes and for highlighting. Shiki and its
    // list of languages stay in the worker, which renders a language it lacks as plain text
    // (as @streamdown/code does), so no language is refused here and none is listed.
    supportsLanguage: () => true,
    getSupportedLanguages: () => [],
    getThemes: () => THEMES,
    highlight(options: HighlightOptions, callback?: Callback) {
      const key = `${options.language}\n${themeKey(options.themes)}\n${options.code}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const target = start();
      if (!target) return null;
      nextId += 1;
      // A block still streaming changes on the next update; only finished ones are worth keeping.
      waiting.set(nextId, {
        key,
        cache: !options.isIncomplete,
        size: options.code.length,
        callback,
      });
      const request: HighlightRequest = { id: nextId, options };
      target.postMessage(request);
      return null;
    },
  };
}

function themeKey(themes: HighlightOptions["themes"]): string {
  return themes.map((t) => (typeof t === "string" ? t : (t.name ?? "custom"))).join(",");
}
