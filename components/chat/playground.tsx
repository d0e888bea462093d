"use client";

import { useCallback, useEffect, useState } from "react";
import { preloadMarkdown } from "@/components/answer/markdown";
import { ReplacedDraftNotice } from "@/components/library/replaced-draft-notice";
import { SnapshotNotice } from "@/components/library/snapshot-notice";
import { SettingsPanel } from "@/components/settings/settings-panel";
import { prepareDocBody } from "@/lib/client/doc-body";
import { useBackgroundReattach } from "@/lib/hooks/use-background-reattach";
import { useKeepMedia } from "@/lib/hooks/use-keep-media";
import { useModelCatalog } from "@/lib/hooks/use-models";
import { useRunExecutor } from "@/lib/hooks/use-run-executor";
import { useShortcuts } from "@/lib/hooks/use-shortcuts";
import { whenIdle } from "@/lib/idle";
import {
  hasSavedAnswers,
  PlaygroundStoreProvider,
  STORAGE_KEY,
  usePlayground,
  usePlaygroundApi,
} from "@/lib/store";
import type { PageSeed } from "@/lib/store/library-slice";
import type { Theme } from "@/lib/theme";
import { AppHeader } from "./app-header";
import { Composer } from "./composer";
import { Conversation } from "./conversation";
import { OfflineBanner } from "./offline-banner";
import { OtherTabNotice } from "./other-tab-notice";
import { RunNotice } from "./run-notice";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { UndoToast } from "./undo-toast";

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

interface PlaygroundProps {
  simulated: boolean;
  /** The theme the page was rendered in (the header's toggle starts from it). */
  theme: Theme;
  /** What the page opens on: a share link's prompt, or a past run. */
  seed?: PageSeed;
}

/** The chat page: conversation in the middle, run settings on the right, prompt box below. */
export function Playground(props: PlaygroundProps) {
  // A shared prompt or a past run opens with answers: fetch their renderer now, not when idle.
  useState(() => {
    if (props.seed && typeof window !== "undefined") preloadMarkdown();
  });
  return (
    <PlaygroundStoreProvider seed={props.seed}>
      <PlaygroundLayout {...props} />
    </PlaygroundStoreProvider>
  );
}

function PlaygroundLayout({ simulated, theme }: PlaygroundProps) {
  useRunExecutor();
  useBackgroundReattach();
  useModelCatalog();
  useKeepMedia();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useShortcuts({ onHelp: showShortcuts });
  const catalogSimulated = usePlayground((s) => s.catalog.simulated);
  const offline = simulated || catalogSimulated;
  const api = usePlaygroundApi();
  // A shared run again: its last answer, run fresh.
  const runAgain = useCallback(() => {
    const s = api.getState();
    const last = s.draft.contents.findLastIndex((turn) => turn.role === "model");
    if (last >= 0) s.rerunFrom(last);
  }, [api]);

  useEffect(() => {
    // The markdown renderer is split out of the first load; fetch it once the page is idle.
    whenIdle(preloadMarkdown);
    whenIdle(prepareDocBody);
  }, []);

  return (
    <div className="flex h-dvh flex-col">
      <a
        href="#prompt-box"
        className="sr-only z-50 rounded-lg bg-background px-3 py-2 text-sm text-primary shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to the prompt box
      </a>
      <AppHeader offline={offline} theme={theme} onShortcuts={showShortcuts} />
      {offline && <OfflineBanner />}
      <ReplacedDraftNotice kind="chat" />
      <SnapshotNotice onRunAgain={runAgain} />
      <OtherTabNotice />
      <div className="flex min-h-0 flex-1">
        <main className="flex min-w-0 flex-1 flex-col">
          <Conversation />
          <div className="mx-auto flex w-full max-w-3xl flex-col gap-3 px-6 pb-4 max-sm:px-3">
            <RunNotice />
            <Composer />
          </div>
        </main>
        <SettingsPanel />
      </div>
      <UndoToast />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
