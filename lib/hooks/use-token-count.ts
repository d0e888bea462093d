"use client";

import { useEffect, useState } from "react";
import { countTokens } from "@/lib/client/count-tokens";
import { errorBody } from "@/lib/client/errors";
import type { PromptDoc } from "@/lib/prompt";
import { promptBoxTurn } from "@/lib/prompt/text";
import { usePlaygroundApi } from "@/lib/store/provider";
import type { PlaygroundState } from "@/lib/store/types";
import { modelKind } from "@/lib/wire/model-kind";

export interface TokenCount {
  /** Tokens of the draft plus the prompt box; null until first counted or when counting failed. */
  total: number | null;
  /** A newer count is on its way (the shown one may be stale). */
  counting: boolean;
  error?: string;
}

const DEBOUNCE_MS = 500;
const FAILED = "Could not count tokens.";

/** What the next Run would send: the draft, plus the prompt box as a user turn. */
export function countedDoc(
  s: Pick<PlaygroundState, "draft" | "promptText" | "attachments">,
): PromptDoc {
  const turn = promptBoxTurn(s.promptText, s.attachments);
  return { ...s.draft, contents: turn ? [...s.draft.contents, turn] : s.draft.contents };
}

/** Nothing to count; Imagen has no token count (a run sends only the prompt's text). */
const isEmpty = (doc: PromptDoc) =>
  (doc.contents.length === 0 && doc.systemInstruction.trim() === "") ||
  modelKind(doc.model) === "imagen";

/**
 * The prompt's size as Gemini counts it (`countTokens` of lib/client), kept current as the person
 * types: counted once typing pauses for half a second, with any older request aborted so a
 * slow answer can never overwrite a newer one. It watches the store directly rather than
 * through React state, so a keystroke re-renders nothing here until a new count arrives.
 */
export function useTokenCount(): TokenCount {
  const store = usePlaygroundApi();
  const [count, setCount] = useState<TokenCount>({ total: null, counting: false });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;

    const request = async (doc: PromptDoc) => {
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      try {
        const { totalTokens } = await countTokens(doc, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setCount({ total: totalTokens, counting: false });
      } catch (error) {
        if (controller.signal.aborted) return;
        // The server's own explanation when it gave one (an unknown model, a prompt too large).
        setCount({ total: null, counting: false, error: errorBody(error, FAILED).message });
      }
    };

    const schedule = (s: PlaygroundState) => {
      if (timer !== undefined) clearTimeout(timer);
      inFlight?.abort();
      const doc = countedDoc(s);
      if (isEmpty(doc)) {
        setCount({ total: 0, counting: false });
        return;
      }
      setCount((c) => (c.counting ? c : { ...c, counting: true }));
      timer = setTimeout(() => {
        const latest = store.getState();
        void request(countedDoc(latest));
      }, DEBOUNCE_MS);
    };

    const unsubscribe = store.subscribe((s, previous) => {
      const same =
        s.draft === previous.draft &&
        s.promptText === previous.promptText &&
        s.attachments === previous.attachments &&
        s.hydrated === previous.hydrated;
      if (same || !s.hydrated) return;
      schedule(s);
    });
    if (store.getState().hydrated) schedule(store.getState());
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      inFlight?.abort();
    };
  }, [store]);

  return count;
}
