/**
 * In-page instrumentation, installed with `addInitScript` so it observes from navigation start.
 *
 * The scripts are plain JavaScript strings, not functions handed to Playwright: tsx compiles with
 * esbuild's keepNames, which wraps inner functions in `__name(…)` calls that don't exist in the
 * page ("ReferenceError: __name is not defined").
 */

export interface LongTask {
  start: number;
  duration: number;
}

/** An Event Timing entry: `duration` runs from the input's timestamp to the next paint. */
export interface EventEntry {
  name: string;
  start: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
}

export interface FrameScript {
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

/** A Long Animation Frame entry (> 50 ms): it splits a slow frame into script and rendering. */
export interface LongFrame {
  start: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: FrameScript[];
}

export interface Probe {
  longTasks: LongTask[];
  events: EventEntry[];
  frames: LongFrame[];
  lcp: { start: number; size: number; element: string }[];
  /** `timeStamp` of every keydown: the same clock and value as its Event Timing `startTime`. */
  keys: number[];
  /** Entry types this Chromium lacks; the figures would silently read zero without them. */
  missing: string[];
}

/** Event Timing can't see below 16 ms (its smallest `durationThreshold`), so quicker inputs have no entry. */
export const EVENT_FLOOR_MS = 16;

export const PROBE_SCRIPT = `(() => {
  const probe = { longTasks: [], events: [], frames: [], lcp: [], keys: [], missing: [] };
  Object.defineProperty(window, "__benchProbe", { value: probe });
  const watch = (type, extra, keep) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) {
      probe.missing.push(type);
      return;
    }
    new PerformanceObserver((list) => list.getEntries().forEach(keep))
      .observe({ type, buffered: true, ...extra });
  };
  watch("longtask", {}, (e) => probe.longTasks.push({ start: e.startTime, duration: e.duration }));
  watch("event", { durationThreshold: ${EVENT_FLOOR_MS} }, (e) => probe.events.push({
    name: e.name, start: e.startTime, duration: e.duration,
    processingStart: e.processingStart, processingEnd: e.processingEnd,
  }));
  watch("long-animation-frame", {}, (e) => probe.frames.push({
    start: e.startTime, duration: e.duration, renderStart: e.renderStart,
    styleAndLayoutStart: e.styleAndLayoutStart,
    scripts: e.scripts.map((s) => ({
      invoker: s.invoker, sourceURL: s.sourceURL, sourceFunctionName: s.sourceFunctionName,
      duration: s.duration, forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
    })),
  }));
  watch("largest-contentful-paint", {}, (e) => probe.lcp.push({
    start: e.startTime, size: e.size, element: e.element ? e.element.tagName : "",
  }));
  addEventListener("keydown", (e) => probe.keys.push(e.timeStamp), true);
})();`;

/**
 * Stamps when the last of `answers` "Answer" articles is on screen, first with any content and
 * then with its markdown rendered (a table and KaTeX inside: every seeded answer has both). An
 * IntersectionObserver decides "on screen": it reports after the frame's layout, so the probe
 * forces no layout of its own; the article is looked up once a frame in case React replaced it.
 * Then it puts the focus in the prompt box, as a person's click would, so the benchmark's next
 * keystroke goes there: the page has opened when that keystroke is in the box and painted.
 */
export function openProbeScript(answers: number): string {
  return `(() => {
  const open = { visibleAt: null, markdownAt: null };
  Object.defineProperty(window, "__benchOpen", { value: open });
  let watched = null;
  let onScreen = false;
  const stamp = () => {
    if (!onScreen || !watched) return;
    if (open.visibleAt === null) open.visibleAt = performance.now();
    if (open.markdownAt === null && watched.querySelector("table") && watched.querySelector(".katex")) {
      open.markdownAt = performance.now();
      document.querySelector('textarea[aria-label="Prompt"]')?.focus();
    }
  };
  const seen = new IntersectionObserver((entries) => {
    onScreen = entries[entries.length - 1].isIntersecting;
    stamp();
  });
  const check = () => {
    // By its name: the turns above it may not all be in the page yet.
    const last = document.querySelector('article[aria-label="Model turn ${answers * 2}"]');
    if (last !== watched) {
      if (watched) seen.unobserve(watched);
      watched = last;
      onScreen = false;
      if (last) seen.observe(last);
    }
    stamp();
    if (open.markdownAt === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;
}
