import type { PromptDoc } from "../prompt";
// From ./text, not the index: the index pulls zod into the first page load.
import { emptyPromptDoc } from "../prompt/text";
import type { SliceCreator } from "./types";

export const DEFAULT_MODEL = "gemini-2.5-flash";

/** Whether the draft's model was picked by a person or is still the built-in default. */
export type ModelSource = "default" | "user";

export interface ComposerSlice {
  /** The prompt document being edited: what Run sends and what Save will store. */
  draft: PromptDoc;
  /** The prompt box: becomes a user turn when the person runs it. */
  promptText: string;
  modelSource: ModelSource;
  setPromptText: (text: string) => void;
  setModel: (model: string, source?: ModelSource) => void;
  setSystemInstruction: (text: string) => void;
  /** `undefined` means "the model's default": nothing is pinned in the document. */
  setTemperature: (value: number | undefined) => void;
  clearConversation: () => void;
}

export const createComposerSlice: SliceCreator<ComposerSlice> = (set, get) => ({
  draft: emptyPromptDoc(DEFAULT_MODEL),
  promptText: "",
  modelSource: "default",

  setPromptText: (promptText) => set({ promptText }),

  setModel: (model, source = "user") =>
    set((s) => {
      const max = s.catalog.models.find((m) => m.id === model)?.maxTemperature;
      const t = s.draft.config.temperature;
      // A temperature the new model can't take would fail the next run with a 400.
      const config =
        max !== undefined && t !== undefined && t > max
          ? { ...s.draft.config, temperature: max }
          : s.draft.config;
      return { draft: { ...s.draft, model, config }, modelSource: source };
    }),

  setSystemInstruction: (systemInstruction) =>
    set((s) => ({ draft: { ...s.draft, systemInstruction } })),

  setTemperature: (temperature) =>
    set((s) => {
      const { temperature: _previous, ...rest } = s.draft.config;
      const config = temperature === undefined ? rest : { ...rest, temperature };
      return { draft: { ...s.draft, config } };
    }),

  clearConversation: () => {
    const { chatRunId, stop } = get();
    if (chatRunId) stop(chatRunId);
    set((s) => ({ draft: { ...s.draft, contents: [] }, chatRunId: null, runByTurn: {} }));
  },
});
