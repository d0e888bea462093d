import {
  baseContents,
  type Column,
  type CompareDoc,
  columnRequest,
  columnSettings,
  compareFromPrompt,
  MAX_COLUMNS,
  MIN_COLUMNS,
  newColumnId,
  overridesFrom,
  withoutOverride,
} from "@/lib/compare/document";
import type { Vote } from "@/lib/compare/tally";
import { adaptToModel } from "@/lib/models/capabilities";
import type { RunConfig, Turn } from "@/lib/prompt";
import { promptBoxTurn } from "@/lib/prompt/text";
import { functionResponseTurn } from "@/lib/run/turns";
import { catalogCapabilities } from "./catalog-slice";
import { type Blind, newRound } from "./compare-blind";
import {
  columnPendingCalls,
  isColumnRunning,
  isCompareRunning,
  isFollowUpBlocked,
} from "./compare-reads";
import { newRunRecord } from "./runs-slice";
import type { PlaygroundState, SliceCreator } from "./types";

/**
 * Compare: one prompt, run by 2 to 6 columns side by side. The setup is one document
 * (`lib/compare/document.ts`); each column's runs are ordinary runs in the runs slice, tagged
 * with the column, so the one executor streams them, the one reducer folds them, and a run that
 * ends joins its column's conversation (runs-slice.ts).
 */
export interface CompareSlice {
  /** Null until the compare page is first opened. */
  compare: CompareDoc | null;
  /** Each column's latest run, by column id. */
  columnRuns: Record<string, string>;
  blind: Blind | null;
  /** Every blind vote in this browser (the team's, once the library stores them). */
  votes: Vote[];
  syncScroll: boolean;
  compact: boolean;
  setBlind: (on: boolean) => void;
  /** For a column's answer, or "tie"; one vote per blind round. */
  vote: (choice: string) => void;
  reveal: () => void;
  setSyncScroll: (on: boolean) => void;
  setCompact: (on: boolean) => void;
  /** The compare page opens on the chat's prompt: its conversation, settings and model. */
  openCompare: () => void;
  addColumn: () => void;
  duplicateColumn: (id: string) => void;
  removeColumn: (id: string) => void;
  moveColumn: (id: string, by: -1 | 1) => void;
  /** The column's model; its own settings are kept runnable on it, as in the chat panel. */
  setColumnModel: (id: string, model: string) => void;
  /**
   * A quick setup: the first columns (added as needed) take these models and the shared
   * settings, each with its own temperature where given; their conversations, own system
   * instructions and any further columns stay.
   */
  presetColumns: (setups: readonly ColumnPreset[]) => void;
  /** Replace what the column sets itself. */
  setColumnSetup: (id: string, setup: Pick<Column, "model" | "config" | "tools" | "unset">) => void;
  resetColumnSetting: (id: string, key: string) => void;
  /** Detach the column's system instructions from the shared ones (a text), or follow them again. */
  setColumnSystem: (id: string, text: string | undefined) => void;
  /** Detach the column's conversation from the shared one (its own turns), or follow it again. */
  setColumnContents: (id: string, contents: Turn[] | undefined) => void;
  /**
   * Send the prompt box to every column (the first time into the shared conversation, then as a
   * follow-up to each column's own), or with an empty box run every column again.
   */
  runAll: () => void;
  /** Ask this column again: its last answer is replaced. */
  rerunColumn: (id: string) => void;
  /** Answer the function calls this column's model made, and let it continue. */
  sendColumnFunctionResponses: (id: string, responses: readonly Record<string, unknown>[]) => void;
  stopColumn: (id: string) => void;
  stopAll: () => void;
  /** The chat takes this column's conversation, model and settings. */
  continueInChat: (id: string) => void;
}

/** What a quick setup gives one column; the rest is the shared setup. */
export interface ColumnPreset {
  model: string;
  temperature?: number;
  api?: NonNullable<RunConfig["api"]>;
}

/** A column's conversation without its last answer: what a rerun sends. */
function withoutLastAnswer(turns: Turn[]): Turn[] {
  return turns.at(-1)?.role === "model" ? turns.slice(0, -1) : turns;
}

/** Whether a column's conversation ends with something for the model to answer. */
const awaitsAnswer = (doc: CompareDoc, column: Column) =>
  (column.turns.at(-1) ?? baseContents(doc, column).at(-1))?.role === "user";

/**
 * The patch that starts a run for each of `columns` that has something to answer, each with its
 * own conversation; null when none has.
 */
function runColumns(
  s: PlaygroundState,
  doc: CompareDoc,
  columns: Column[],
): Pick<PlaygroundState, "runs" | "columnRuns"> | null {
  const runs = { ...s.runs };
  const columnRuns = { ...s.columnRuns };
  let started = 0;
  for (const column of columns) {
    if (!awaitsAnswer(doc, column)) continue;
    const record = newRunRecord(columnRequest(doc, column), column.id);
    runs[record.id] = record;
    columnRuns[column.id] = record.id;
    started += 1;
  }
  return started > 0 ? { runs, columnRuns } : null;
}

function updateColumns(doc: CompareDoc, update: (columns: Column[]) => Column[]): CompareDoc {
  return { ...doc, columns: update(doc.columns) };
}

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get) => {
  const edit = (update: (doc: CompareDoc) => CompareDoc) =>
    set((s) => (s.compare ? { compare: update(s.compare) } : {}));
  const editColumn = (id: string, update: (column: Column) => Column) =>
    edit((doc) => updateColumns(doc, (cs) => cs.map((c) => (c.id === id ? update(c) : c))));

  return {
    compare: null,
    columnRuns: {},
    blind: null,
    votes: [],
    syncScroll: false,
    compact: false,

    setBlind: (on) => set((s) => ({ blind: on && s.compare ? newRound(s.compare) : null })),

    vote: (choice) =>
      set((s) => {
        const doc = s.compare;
        if (!doc || !s.blind || s.blind.vote !== null || s.blind.revealed) return {};
        const winner = doc.columns.find((c) => c.id === choice)?.model ?? null;
        if (winner === null && choice !== "tie") return {};
        const vote: Vote = { models: doc.columns.map((c) => c.model), winner, at: Date.now() };
        return { blind: { ...s.blind, vote: choice }, votes: [...s.votes, vote] };
      }),

    reveal: () => set((s) => (s.blind ? { blind: { ...s.blind, revealed: true } } : {})),

    setSyncScroll: (syncScroll) => set({ syncScroll }),

    setCompact: (compact) => set({ compact }),

    openCompare: () =>
      set((s) => {
        if (!s.compare) return { compare: compareFromPrompt(s.draft) };
        if (JSON.stringify(s.compare.shared) === JSON.stringify(s.draft)) return {};
        // The columns and their settings stay; their answers were to another prompt.
        const columns = s.compare.columns.map((c) => ({ ...c, turns: [] }));
        return { compare: { ...s.compare, shared: s.draft, columns }, columnRuns: {} };
      }),

    addColumn: () =>
      edit((doc) => {
        const last = doc.columns.at(-1);
        if (doc.columns.length >= MAX_COLUMNS || !last) return doc;
        // The same setup, without the answers: "same model, another temperature" is one edit.
        return { ...doc, columns: [...doc.columns, { ...last, id: newColumnId(), turns: [] }] };
      }),

    duplicateColumn: (id) =>
      edit((doc) => {
        const at = doc.columns.findIndex((c) => c.id === id);
        const column = doc.columns[at];
        if (!column || doc.columns.length >= MAX_COLUMNS) return doc;
        const columns = [...doc.columns];
        columns.splice(at + 1, 0, { ...column, id: newColumnId() });
        return { ...doc, columns };
      }),

    removeColumn: (id) => {
      if (isColumnRunning(get(), id)) get().stopColumn(id);
      edit((doc) =>
        doc.columns.length <= MIN_COLUMNS
          ? doc
          : updateColumns(doc, (cs) => cs.filter((c) => c.id !== id)),
      );
    },

    moveColumn: (id, by) =>
      edit((doc) => {
        const at = doc.columns.findIndex((c) => c.id === id);
        const to = at + by;
        if (at < 0 || to < 0 || to >= doc.columns.length) return doc;
        const columns = [...doc.columns];
        [columns[at], columns[to]] = [columns[to] as Column, columns[at] as Column];
        return { ...doc, columns };
      }),

    setColumnModel: (id, model) =>
      set((s) => {
        const doc = s.compare;
        const column = doc?.columns.find((c) => c.id === id);
        if (!doc || !column) return {};
        const caps = catalogCapabilities(s, model);
        const { config, tools } = columnSettings(doc.shared, column);
        const kept = adaptToModel(config, tools, caps);
        const own = { ...column, model };
        return {
          compare: updateColumns(doc, (cs) =>
            cs.map((c) => (c.id === id ? { ...own, ...overridesFrom(doc.shared, kept) } : c)),
          ),
        };
      }),

    presetColumns: (setups) => {
      for (const [i, setup] of setups.entries()) {
        if (i >= MAX_COLUMNS) break;
        if (i >= (get().compare?.columns.length ?? 0)) get().addColumn();
        const id = get().compare?.columns[i]?.id;
        if (!id) return;
        // The shared settings, but for the temperature and the API where the setup gives them.
        const config = {
          ...(setup.temperature !== undefined && { temperature: setup.temperature }),
          ...(setup.api && { api: setup.api }),
        };
        editColumn(id, (c) => ({ ...c, config, tools: {}, unset: [] }));
        get().setColumnModel(id, setup.model);
      }
    },

    setColumnSetup: (id, setup) => editColumn(id, (c) => ({ ...c, ...setup })),

    resetColumnSetting: (id, key) => editColumn(id, (c) => withoutOverride(c, key)),

    setColumnSystem: (id, text) =>
      editColumn(id, (c) =>
        text === undefined
          ? withoutOverride(c, "systemInstruction")
          : { ...c, systemInstruction: text },
      ),

    setColumnContents: (id, contents) =>
      editColumn(id, (c) =>
        contents === undefined ? withoutOverride(c, "contents") : { ...c, contents },
      ),

    runAll: () => {
      const s = get();
      const doc = s.compare;
      if (!doc || isCompareRunning(s) || s.uploads.some((u) => u.error === undefined)) return;
      const turn = promptBoxTurn(s.promptText, s.attachments);
      // The page says which columns wait and disables Run all; the action refuses as well.
      if (isFollowUpBlocked(s)) return;
      let next = doc;
      if (turn) {
        const started = doc.columns.some((c) => c.turns.length > 0);
        next = started
          ? updateColumns(doc, (cs) => cs.map((c) => ({ ...c, turns: [...c.turns, turn] })))
          : {
              shared: { ...doc.shared, contents: [...doc.shared.contents, turn] },
              version: doc.version,
              // A detached conversation is asked the same question.
              columns: doc.columns.map((c) =>
                c.contents ? { ...c, contents: [...c.contents, turn] } : c,
              ),
            };
      } else {
        next = updateColumns(doc, (cs) =>
          cs.map((c) => ({ ...c, turns: withoutLastAnswer(c.turns) })),
        );
      }
      const patch = runColumns(s, next, next.columns);
      if (!patch) return;
      set({
        ...patch,
        compare: next,
        // Each round of answers is judged blind afresh.
        ...(s.blind && { blind: newRound(next) }),
        ...(turn && { promptText: "", attachments: [], uploads: [] }),
      });
    },

    rerunColumn: (id) =>
      set((s) => {
        const doc = s.compare;
        const column = doc?.columns.find((c) => c.id === id);
        if (!doc || !column || isColumnRunning(s, id)) return {};
        const again = { ...column, turns: withoutLastAnswer(column.turns) };
        const next = updateColumns(doc, (cs) => cs.map((c) => (c.id === id ? again : c)));
        const patch = runColumns(s, next, [again]);
        return patch ? { ...patch, compare: next } : {};
      }),

    sendColumnFunctionResponses: (id, responses) =>
      set((s) => {
        const doc = s.compare;
        const calls = columnPendingCalls(s, id);
        if (!doc || calls.length === 0 || responses.length !== calls.length) return {};
        const answered = functionResponseTurn(calls, responses);
        const next = updateColumns(doc, (cs) =>
          cs.map((c) => (c.id === id ? { ...c, turns: [...c.turns, answered] } : c)),
        );
        const column = next.columns.find((c) => c.id === id);
        const patch = column && runColumns(s, next, [column]);
        return patch ? { ...patch, compare: next } : {};
      }),

    stopColumn: (id) => {
      const runId = get().columnRuns[id];
      if (runId) get().stop(runId);
    },

    stopAll: () => {
      for (const column of get().compare?.columns ?? []) get().stopColumn(column.id);
    },

    continueInChat: (id) =>
      set((s) => {
        const doc = s.compare;
        const column = doc?.columns.find((c) => c.id === id);
        if (!doc || !column) return {};
        return {
          draft: columnRequest(doc, column),
          modelSource: "user",
          chatRunId: null,
          runByTurn: {},
          staleTurns: [],
        };
      }),
  };
};
