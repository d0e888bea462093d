import type { MediaPart, PromptDoc } from "@/lib/prompt";
// From ./text, not the index: the index pulls zod into the first page load.
import { emptyPromptDoc } from "@/lib/prompt/text";
import type { SliceCreator } from "./types";
import { plural, undoPoint } from "./undo-slice";

/** As in AI Studio, a new prompt starts on the current stable Gemini Flash. */
export const DEFAULT_MODEL = "gemini-3.5-flash";

/** Whether the draft's model was picked by a person or is still the built-in default. */
export type ModelSource = "default" | "user";

/** The draft document and the prompt box; its model changes through `changeModel` (run settings). */
export interface DraftSlice {
  /** The prompt document being edited: what Run sends and what Save will store. */
  draft: PromptDoc;
  /** The prompt box: becomes a user turn when the person runs it. */
  promptText: string;
  /** Files attached to the prompt box, already stored on the server; sent with its text. */
  attachments: MediaPart[];
  /** Files on their way to the server (not persisted: an upload does not survive a reload). */
  uploads: PendingUpload[];
  modelSource: ModelSource;
  setPromptText: (text: string) => void;
  addAttachment: (part: MediaPart) => void;
  removeAttachment: (sha256: string) => void;
  /** Start tracking an upload, or update its progress or error. */
  trackUpload: (upload: PendingUpload) => void;
  dropUpload: (id: string) => void;
  setSystemInstruction: (text: string) => void;
  /** `undefined` means "the model's default": nothing is pinned in the document. */
  setTemperature: (value: number | undefined) => void;
  clearConversation: () => void;
}

export interface PendingUpload {
  id: string;
  name: string;
  bytes: number;
  /** Bytes sent so far. */
  sent: number;
  /** Why the server refused the file, written for a person. */
  error?: string;
}

export const createDraftSlice: SliceCreator<DraftSlice> = (set, get) => ({
  draft: emptyPromptDoc(DEFAULT_MODEL),
  promptText: "",
  attachments: [],
  uploads: [],
  modelSource: "default",

  setPromptText: (promptText) => set({ promptText }),

  addAttachment: (part) =>
    set((s) =>
      // The same bytes attached twice would be sent twice for nothing.
      s.attachments.some((a) => a.sha256 === part.sha256)
        ? {}
        : { attachments: [...s.attachments, part] },
    ),

  removeAttachment: (sha256) =>
    set((s) => ({ attachments: s.attachments.filter((a) => a.sha256 !== sha256) })),

  trackUpload: (upload) =>
    set((s) => {
      const at = s.uploads.findIndex((u) => u.id === upload.id);
      return { uploads: at === -1 ? [...s.uploads, upload] : s.uploads.with(at, upload) };
    }),

  dropUpload: (id) => set((s) => ({ uploads: s.uploads.filter((u) => u.id !== id) })),

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
    set((s) => {
      const count = s.draft.contents.length;
      const undoEntry =
        count > 0 ? undoPoint(s, `Chat cleared (${plural(count, "turn")})`, []) : s.undoEntry;
      return {
        draft: { ...s.draft, contents: [] },
        chatRunId: null,
        runByTurn: {},
        staleTurns: [],
        undoEntry,
      };
    });
  },
});
