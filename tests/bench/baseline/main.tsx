/**
 * The baseline: the answer rendered the way Streamdown's README shows it — the whole text in one
 * `<Streamdown>` with the Shiki and KaTeX plugins, re-rendered on every chunk — so the corpus
 * benchmark can say whether the app's renderer does better than the library used plainly.
 */
import { code } from "@streamdown/code";
import { math } from "@streamdown/math";
import "katex/dist/katex.min.css";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { Streamdown } from "streamdown";
import "streamdown/styles.css";
import type { BaselineControl, BaselineWindow } from "./control";

type Setters = { append: (chunk: string) => void; finish: () => void };

let setters: Setters | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

const control: BaselineControl = {
  ready: false,
  progress: { startedAt: null, endedAt: null, appended: 0, total: 0, stopped: false },
  start(chunks, intervalMs) {
    const wired = setters;
    if (!wired) throw new Error("the baseline page has not mounted yet");
    const progress = control.progress;
    const startedAt = performance.now();
    Object.assign(progress, { startedAt, total: chunks.length });
    const tick = () => {
      const chunk = chunks[progress.appended];
      if (chunk === undefined) return;
      wired.append(chunk);
      progress.appended += 1;
      if (progress.appended === chunks.length) {
        // The app's Stop button leaves with its last chunk; here isAnimating turns off likewise.
        progress.endedAt = performance.now();
        performance.mark("bench:commit");
        wired.finish();
        return;
      }
      // Chunks keep the emulator's schedule; a page that falls behind gets the next one at once,
      // but never two in one task, so every chunk costs a render.
      const due = startedAt + (progress.appended + 1) * intervalMs;
      timer = setTimeout(tick, Math.max(0, due - performance.now()));
    };
    timer = setTimeout(tick, intervalMs);
  },
  stop() {
    clearTimeout(timer);
    const now = performance.now();
    if (control.progress.endedAt === null) {
      Object.assign(control.progress, { endedAt: now, stopped: true });
    }
    return now;
  },
};

function Baseline() {
  const [text, setText] = useState("");
  const [streaming, setStreaming] = useState(true);
  useEffect(() => {
    setters = {
      append: (chunk) => setText((previous) => previous + chunk),
      finish: () => setStreaming(false),
    };
    control.ready = true;
  }, []);
  return (
    <>
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-6 pb-40">
        <article aria-label="Answer">
          <Streamdown plugins={{ code, math }} isAnimating={streaming}>
            {text}
          </Streamdown>
        </article>
      </main>
      <div className="fixed inset-x-0 bottom-0 mx-auto max-w-3xl bg-background px-6 pb-4">
        <textarea
          aria-label="Prompt"
          rows={3}
          className="w-full resize-none rounded-xl border px-3 py-2"
        />
      </div>
    </>
  );
}

(window as unknown as BaselineWindow).__baseline = control;
const root = document.getElementById("root");
if (!root) throw new Error("the baseline page has no #root");
createRoot(root).render(<Baseline />);
