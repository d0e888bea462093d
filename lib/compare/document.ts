import type { PromptDoc, Turn } from "@/lib/prompt";
import type { RunConfig, ToolsConfig } from "@/lib/prompt/config";

/**
 * The compare setup: one shared prompt and 2 to 6 columns, each a model with the settings it sets
 * itself. One serializable value — the draft keeps it across a reload, and the library will save
 * and share it as it is. A column's request is
 * always derived (`columnRequest`), never stored, so a change to the shared prompt reaches every
 * column that didn't set the same thing itself. No zod here: this module is part of the chat
 * page's first load, through the store (which reads a saved one back in saved-compare.ts).
 */

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 6;

export interface Column {
  id: string;
  model: string;
  /** Run settings this column sets itself: each replaces the shared one. */
  config: RunConfig;
  tools: ToolsConfig;
  /** Shared settings and tools this column leaves at the model's default instead. */
  unset: string[];
  /** Its own system instructions, detached from the shared ones. */
  systemInstruction?: string;
  /**
   * Its own copy of the shared conversation, detached from it: edited, or with an attachment
   * taken out, for this column only.
   */
  contents?: Turn[];
  /** The conversation after the shared one: this column's answers and the follow-ups to them. */
  turns: Turn[];
}

export interface CompareDoc {
  version: 1;
  /** System instructions, conversation, settings and tools that every column starts from. */
  shared: PromptDoc;
  columns: Column[];
}

let sequence = 0;
/** Unique in a page and across reloads (the time), without crypto.randomUUID (plain http). */
export function newColumnId(): string {
  sequence += 1;
  return `col-${Date.now().toString(36)}-${sequence}`;
}

export function newColumn(model: string): Column {
  return { id: newColumnId(), model, config: {}, tools: {}, unset: [], turns: [] };
}

/** A compare setup that starts from a chat prompt: two columns on its model. */
export function compareFromPrompt(shared: PromptDoc): CompareDoc {
  return { version: 1, shared, columns: [newColumn(shared.model), newColumn(shared.model)] };
}

function merged<T extends object>(shared: T, own: Partial<T>, unset: readonly string[]): T {
  const out = { ...shared } as Record<string, unknown>;
  for (const key of unset) delete out[key];
  return { ...out, ...own } as T;
}

/** The settings and tools a column runs with. */
export function columnSettings(
  shared: PromptDoc,
  column: Column,
): { config: RunConfig; tools: ToolsConfig } {
  return {
    config: merged(shared.config, column.config, column.unset),
    tools: merged(shared.tools, column.tools, column.unset),
  };
}

/** The conversation a column's own turns continue: the shared one, or its detached copy. */
export const baseContents = (doc: CompareDoc, column: Column): Turn[] =>
  column.contents ?? doc.shared.contents;

/** Exactly the document a column's next run sends. */
export function columnRequest(
  doc: CompareDoc,
  column: Column,
  turns: Turn[] = column.turns,
): PromptDoc {
  const { shared } = doc;
  return {
    ...shared,
    model: column.model,
    systemInstruction: column.systemInstruction ?? shared.systemInstruction,
    contents: [...baseContents(doc, column), ...turns],
    ...columnSettings(shared, column),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A column's own settings, given the settings it should run with: what differs from the shared
 * ones is its own, what the shared prompt sets and it doesn't is left unset.
 */
export function overridesFrom(
  shared: PromptDoc,
  wanted: { config: RunConfig; tools: ToolsConfig },
): Pick<Column, "config" | "tools" | "unset"> {
  const config: Record<string, unknown> = {};
  const tools: Record<string, unknown> = {};
  const unset: string[] = [];
  const diff = (
    base: Record<string, unknown>,
    want: Record<string, unknown>,
    own: Record<string, unknown>,
  ) => {
    for (const key of new Set([...Object.keys(base), ...Object.keys(want)])) {
      if (same(base[key], want[key])) continue;
      if (want[key] === undefined) unset.push(key);
      else own[key] = want[key];
    }
  };
  diff(shared.config, wanted.config, config);
  diff(shared.tools, wanted.tools, tools);
  return { config: config as RunConfig, tools: tools as ToolsConfig, unset };
}

/** A column's setup without one of its own settings: it follows the shared prompt again. */
export function withoutOverride(column: Column, key: string): Column {
  if (key === "systemInstruction") {
    const { systemInstruction: _own, ...rest } = column;
    return rest;
  }
  if (key === "contents") {
    const { contents: _own, ...rest } = column;
    return rest;
  }
  const { [key]: _config, ...config } = column.config as Record<string, unknown>;
  const { [key]: _tools, ...tools } = column.tools as Record<string, unknown>;
  return {
    ...column,
    config: config as RunConfig,
    tools: tools as ToolsConfig,
    unset: column.unset.filter((k) => k !== key),
  };
}

/** The setup with `answer` appended to a column's conversation (a column since removed: as is). */
export function withColumnAnswer(doc: CompareDoc, columnId: string, answer: Turn): CompareDoc {
  if (!doc.columns.some((c) => c.id === columnId)) return doc;
  return {
    ...doc,
    columns: doc.columns.map((c) =>
      c.id === columnId ? { ...c, turns: [...c.turns, answer] } : c,
    ),
  };
}
