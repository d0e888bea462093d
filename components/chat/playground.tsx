"use client";

import { useEffect } from "react";
import { preloadMarkdown } from "@/components/answer/markdown";
import { SettingsPanel } from "@/components/settings/settings-panel";
import { useKeepMedia } from "@/lib/hooks/use-keep-media";
import { useModelCatalog } from "@/lib/hooks/use-models";
import { useRunExecutor } from "@/lib/hooks/use-run-executor";
import { whenIdle } from "@/lib/idle";
import { hasSavedAnswers, PlaygroundStoreProvider, STORAGE_KEY, usePlayground } from "@/lib/store";
import { AppHeader } from "./app-header";
import { Composer } from "./composer";
import { Conversation } from "./conversation";
import { OfflineBanner } from "./offline-banner";
import { RunNotice } from "./run-notice";

/**
 * A saved conversation with answers needs the markdown renderer the moment it is restored; only
 * then fetching it would add a round trip and its evaluation to opening the page. So when one is
 * waiting in this browser, the fetch starts as soon as this module loads, alongside hydration.
 * KaTeX too: an answer with math waits for it before it renders, and otherwise asked for it only
 * once it had mounted, after hydration. (Loaded here, it is the same module markdown.tsx asks
 * for; `preloadMarkdown` would fetch it anyway, later, once the page is idle.)
 */
function preloadForSavedAnswers(): void {
  try {
    if (!hasSavedAnswers(STORAGE_KEY)) return;
    preloadMarkdown();
    void import("@/components/answer/math-plugin");
  } catch {
    // Storage disabled: the renderer loads when idle, as for a new prompt.
  }
}
if (typeof window !== "undefined") preloadForSavedAnswers();

/** The chat page: conversation in the middle, run settings on the right, prompt box below. */
export function Playground({ simulated }: { simulated: boolean }) {
  return (
    <PlaygroundStoreProvider>
      <PlaygroundLayout simulated={simulated} />
    </PlaygroundStoreProvider>
  );
}

function PlaygroundLayout({ simulated }: { simulated: boolean }) {
  useRunExecutor();
  useModelCatalog();
  useKeepMedia();
  const catalogSimulated = usePlayground((s) => s.catalog.simulated);
  const offline = simulated || catalogSimulated;

  useEffect(() => {
    // The markdown renderer is split out of the first load; fetch it once the page is idle.
    whenIdle(preloadMarkdown);
  }, []);

  return (
    <div className="flex h-dvh flex-col">
      <AppHeader offline={offline} />
      {offline && <OfflineBanner />}
      <div className="flex min-h-0 flex-1">
        <main className="flex min-w-0 flex-1 flex-col">
          <Conversation />
          <div className="mx-auto flex w-full max-w-3xl flex-col gap-3 px-6 pb-4">
            <RunNotice />
            <Composer />
          </div>
        </main>
        <SettingsPanel />
      </div>
    </div>
  );
}
