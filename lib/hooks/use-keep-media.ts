"use client";

import { useEffect } from "react";
import { keepMedia } from "@/lib/client/media";
import type { MediaPart } from "@/lib/prompt";
import { usePlayground, usePlaygroundApi } from "@/lib/store/provider";

/**
 * Once the saved draft is restored, tell the server which stored files it holds (the prompt box's
 * attachments and the conversation's media), so they are kept for another retention period, and
 * note each one the server no longer has where refused files are noted, before a run fails on it.
 * A failure to ask is not worth a word: the run that needs the files explains itself.
 */
export function useKeepMedia(): void {
  const store = usePlaygroundApi();
  const hydrated = usePlayground((s) => s.hydrated);
  useEffect(() => {
    if (!hydrated) return;
    const { draft, attachments } = store.getState();
    const held = new Map<string, MediaPart>();
    for (const part of [...attachments, ...draft.contents.flatMap((turn) => turn.parts)]) {
      if (part.kind === "media" && !held.has(part.sha256)) held.set(part.sha256, part);
    }
    if (held.size === 0) return;
    const abort = new AbortController();
    keepMedia([...held.keys()], { signal: abort.signal })
      .then(({ missing, retentionDays }) => {
        const why =
          retentionDays > 0 ? ` (files nobody uses for ${retentionDays} days are removed)` : "";
        for (const sha256 of missing) {
          const part = held.get(sha256);
          if (!part) continue;
          const name = part.name ?? `A ${part.mimeType} file`;
          const inPromptBox = store.getState().attachments.some((a) => a.sha256 === sha256);
          store.getState().trackUpload({
            id: `missing-${sha256}`,
            name,
            bytes: part.bytes ?? 0,
            sent: 0,
            error: `${name} is no longer stored on the server${why}. ${inPromptBox ? "Remove it and attach it again." : "A run that sends the conversation will fail until the turn that holds it is removed or the file is attached again."}`,
          });
        }
      })
      .catch(() => {});
    return () => abort.abort();
  }, [hydrated, store]);
}
