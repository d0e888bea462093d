import type { PersistStorage, StateStorage, StorageValue } from "zustand/middleware";
import { whenIdle } from "@/lib/idle";
import type { PromptDoc, Turn } from "@/lib/prompt";
import { readRuns, readTurns, runKey, type TurnRef, turnKey } from "./saved-layout";

/**
 * Where a persisted state keeps its draft document and its runs. The draft's turns are laid out
 * one per key, and so are the runs (a finished run never changes, so each is written once);
 * every other field is saved as it is.
 */
interface WithDraft {
  draft: PromptDoc;
  runs?: Readonly<Record<string, object>>;
}

/** Random, so two tabs saving at once never pick the same key for different turns. */
const newId = () => Math.random().toString(36).slice(2, 10).padEnd(8, "0");

type Idle = (work: (deadline?: IdleDeadline) => void) => void;

/** The persist storage, and what keeping two tabs of one draft honest needs of it. */
export interface DraftStorage<S> extends PersistStorage<S> {
  /** A change of this tab is not in storage yet. */
  hasUnsaved: () => boolean;
  /** Keep this tab's changes out of storage until `adopt` or `rewrite` settles it. */
  hold: () => void;
  /** Run `read` (a rehydrate) without writing back what it reads; unsaved changes are dropped. */
  adopt: (read: () => Promise<void> | void) => Promise<void>;
  /** Write this tab's state again, whole, over what another tab saved. */
  rewrite: () => void;
}

/** The longest a save holds the main thread while the person may be typing, in ms. */
const SLICE_MS = 4;

/** An idle moment of the page, within 2 s. */
const saveWhenIdle: Idle = (work) => whenIdle(work, 2_000);

/**
 * Persist storage for the playground's state. Two things keep saving off the typing path:
 *
 * 1. It writes at most every `delayMs`, and only when a persisted field changed: zustand's
 *    persist writes after every `set`, and during a stream that is dozens of sets a second for
 *    state (runs) that isn't even persisted.
 * 2. The conversation is saved turn by turn, each turn under its own key, and a write stores only
 *    the turns it hasn't stored before. The state's own key holds everything else and a list of
 *    turn references, a few kilobytes. A long conversation is a megabyte: serializing and storing
 *    it whole took ~40 ms of the main thread on every pause in typing, in the prompt box or the
 *    system instructions, and after every answer. Turns are never changed in place (an edit
 *    makes a new object), so a turn object that was stored once is stored for good.
 *
 * New turns are written in the page's idle time, a few at a time, and the state's key last, so
 * a reload in between finds the previous, complete save. Leaving the page writes what is left at
 * once. A draft saved whole (by an older version, or seeded by a test) is read as it is, and
 * stored turn by turn at its first change.
 */
/** Whether there is a storage to save to (reading localStorage throws where it is blocked). */
export function hasBacking(backing: () => StateStorage | undefined): boolean {
  try {
    return backing() !== undefined;
  } catch {
    return false;
  }
}

export function createDraftStorage<S extends WithDraft>(
  backing: () => StateStorage | undefined,
  delayMs = 400,
  idle: Idle = saveWhenIdle,
  /** Another tab saved this draft (its save is complete: the state key is written last). */
  onExternalChange?: () => void,
): DraftStorage<S> {
  let last: StorageValue<S> | undefined;
  /** The key the state is saved under, once persist has named it. */
  let stateName: string | undefined;
  /** While set, what persist writes is what was just read: remembered, not written back. */
  let adopting = false;
  /** Saves wait while the person decides between this tab's draft and another tab's. */
  let held = false;
  /**
   * The first save after a read only puts back what was read (the page marking itself loaded),
   * not work of this tab's; `edited` says a later change is waiting to be saved.
   */
  let afterRead = false;
  let edited = false;
  let pending: { name: string; value: StorageValue<S> } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  /** Turn objects already in storage, and under which id. */
  const ids = new WeakMap<Turn, string>();
  /** The ids the saved state refers to: the turns to remove once it no longer does. */
  let saved = new Map<string, Turn>();
  /** Runs in storage, by id, as the object written: another object under the same id is new. */
  let savedRuns = new Map<string, object>();
  /**
   * The state key as this tab last read or wrote it. Another tab's save reaches this one as a
   * storage event, a task that may come after this tab's own save is already under way: a save
   * that finds the key changed writes nothing and lets the person choose, as the event would.
   */
  let known: string | null | undefined;

  const storeTurn = (storage: StateStorage, name: string, turn: Turn) => {
    const id = newId();
    storage.setItem(turnKey(name, id), JSON.stringify(turn));
    ids.set(turn, id);
  };

  /** Each run not yet stored under its id; a run left out of the state is removed. */
  const writeRuns = (storage: StateStorage, name: string, runs: Record<string, object>) => {
    for (const [id, run] of Object.entries(runs)) {
      if (savedRuns.get(id) === run) continue;
      storage.setItem(runKey(name, id), JSON.stringify(run));
    }
    for (const id of savedRuns.keys()) {
      if (!(id in runs)) storage.removeItem(runKey(name, id));
    }
    savedRuns = new Map(Object.entries(runs));
  };

  const writeState = (storage: StateStorage, name: string, value: StorageValue<S>) => {
    const { draft, runs } = value.state;
    const refs = new Map<string, Turn>();
    const contents: TurnRef[] = draft.contents.map((turn) => {
      const id = ids.get(turn) as string;
      refs.set(id, turn);
      return { $turn: id, role: turn.role };
    });
    if (runs) writeRuns(storage, name, runs);
    const state = {
      ...value.state,
      draft: { ...draft, contents },
      // The state key lists the runs; each is under a key of its own.
      ...(runs && { runs: Object.keys(runs) }),
    };
    known = JSON.stringify({ ...value, state });
    storage.setItem(name, known);
    for (const [id, turn] of saved) {
      if (refs.has(id)) continue;
      storage.removeItem(turnKey(name, id));
      // Should the same turn come back (an undo), it is stored again.
      ids.delete(turn);
    }
    saved = refs;
  };

  /**
   * Store what the latest state needs. In idle time, a few turns at a time: a conversation
   * saved whole before (the first save of a long one is a megabyte) resumes in the next idle
   * moment, so no keystroke waits for more than a slice. Leaving the page (or where the browser
   * has no idle callback), all of it at once.
   */
  const write = (deadline?: IdleDeadline, leaving = false) => {
    const job = pending;
    const storage = backing();
    // Held, a save waits for the person's choice; leaving the page saves anyway (losing this
    // tab's work would be worse than its overwriting the other's).
    if (held && !leaving) {
      writing = false;
      return;
    }
    if (!job || !storage) {
      pending = undefined;
      writing = false;
      return;
    }
    // Overtaken by another tab's save not yet heard of: the person decides, as when it is heard.
    // (Leaving the page saves anyway, as above.)
    const overtaken = () =>
      !leaving &&
      onExternalChange !== undefined &&
      known !== undefined &&
      storage.getItem(job.name) !== known;
    try {
      if (overtaken()) {
        writing = false;
        onExternalChange?.();
        return;
      }
      const began = performance.now();
      let stored = 0;
      for (const turn of job.value.state.draft.contents) {
        if (ids.has(turn)) continue;
        // At least one turn per slice, so a busy page still gets it saved.
        const spent = performance.now() - began > SLICE_MS || deadline?.timeRemaining() === 0;
        if (deadline && stored > 0 && spent) {
          idle(write);
          return;
        }
        storeTurn(storage, job.name, turn);
        stored += 1;
      }
      pending = undefined;
      writeState(storage, job.name, job.value);
      edited = false;
    } catch (error) {
      // Quota exceeded or storage disabled: the draft lives on in memory for this tab.
      pending = undefined;
      console.warn("Could not save the draft in this browser.", error);
    }
    writing = false;
  };

  /** The first change starts the clock; later ones within `delayMs` join the same write. */
  const schedule = () => {
    if (timer !== undefined || writing || held) return;
    timer = setTimeout(() => {
      timer = undefined;
      writing = true;
      idle(write);
    }, delayMs);
  };

  const flushNow = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    write(undefined, true);
  };

  // A store with nothing to save (a dialog's own) has nothing to flush or to sync with other
  // tabs: listening would also keep it alive as long as the page.
  if (typeof window !== "undefined" && hasBacking(backing)) {
    window.addEventListener("pagehide", flushNow);
    // Another tab saving the same draft may remove turns this tab still refers to: store
    // them again at this tab's next save.
    window.addEventListener("storage", (event) => {
      if (event.key !== null && event.key === stateName && event.newValue !== null) {
        onExternalChange?.();
        return;
      }
      if (event.newValue !== null || !event.key) return;
      for (const [id, turn] of saved) {
        if (event.key.endsWith(`:turn:${id}`)) ids.delete(turn);
      }
      for (const id of savedRuns.keys()) {
        if (event.key.endsWith(`:run:${id}`)) savedRuns.delete(id);
      }
    });
  }

  return {
    getItem: (name) => {
      stateName = name;
      // Saved or not, what the page puts back after loading is not work of this tab's.
      afterRead = true;
      const storage = backing();
      const raw = storage?.getItem(name);
      if (storage) known = typeof raw === "string" ? raw : null;
      if (!storage || typeof raw !== "string") return null;
      try {
        const value = JSON.parse(raw) as StorageValue<S>;
        const draft = (value.state as Partial<WithDraft> | undefined)?.draft;
        if (draft && Array.isArray(draft.contents)) {
          draft.contents = readTurns(storage, name, draft.contents, (id, turn) => {
            ids.set(turn, id);
            saved.set(id, turn);
          });
        }
        const state = value.state as Record<string, unknown> | undefined;
        if (state && Array.isArray(state.runs)) {
          state.runs = readRuns(storage, name, state.runs, (id, run) => savedRuns.set(id, run));
        }
        last = value;
        return value;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      stateName = name;
      const restating = afterRead;
      afterRead = false;
      if (last && sameFields(last, value)) return;
      last = value;
      if (adopting) return;
      if (!restating) edited = true;
      pending = { name, value };
      schedule();
    },
    removeItem: (name) => {
      pending = undefined;
      last = undefined;
      const storage = backing();
      for (const id of saved.keys()) storage?.removeItem(turnKey(name, id));
      for (const id of savedRuns.keys()) storage?.removeItem(runKey(name, id));
      saved = new Map();
      savedRuns = new Map();
      storage?.removeItem(name);
      known = null;
    },
    hasUnsaved: () => edited && (pending !== undefined || timer !== undefined || writing),
    hold: () => {
      held = true;
    },
    adopt: async (read) => {
      held = false;
      pending = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      adopting = true;
      try {
        await read();
      } finally {
        adopting = false;
        // What was read is this tab's now; the next change is the person's own.
        afterRead = false;
      }
    },
    rewrite: () => {
      held = false;
      if (!last || !stateName) return;
      pending = { name: stateName, value: last };
      flushNow();
    },
  };
}

function sameFields<S extends object>(a: StorageValue<S>, b: StorageValue<S>): boolean {
  if (a.version !== b.version) return false;
  const keys = Object.keys(b.state) as (keyof S)[];
  return (
    keys.length === Object.keys(a.state).length && keys.every((k) => a.state[k] === b.state[k])
  );
}

/** localStorage when there is one (not on the server, not in Node tests). */
export function browserStorage(): StateStorage | undefined {
  return typeof window === "undefined" ? undefined : window.localStorage;
}

/**
 * Whether the draft saved under `name` holds a model turn, read without parsing it or any turn:
 * the page starts fetching the markdown renderer at once when it does.
 */
export function hasSavedAnswers(name: string): boolean {
  const raw = browserStorage()?.getItem(name);
  return typeof raw === "string" && raw.includes('"role":"model"');
}
