import type { Turn } from "@/lib/prompt";
import type { RunRecord } from "./runs-slice";
import type { PlaygroundState } from "./types";

/**
 * The runs a reload must bring back: what made the answers on screen — their stats, finish
 * reasons, sources, JSON badges — and the chat's latest run, whose outcome is the status line
 * (and, if it failed, whose partial answer and error are still shown).
 *
 * A run saved for a turn of the conversation drops its parts: they are the turn's parts, saved
 * with the turn. It drops the conversation it sent too, keeping the model and settings the
 * answer's footer and badges read. Only a failed chat run, which is not a turn, keeps its parts.
 */
export type SavedRuns = Readonly<Record<string, RunRecord>>;

const slim = new WeakMap<RunRecord, RunRecord>();

function slimRun(run: RunRecord): RunRecord {
  const cached = slim.get(run);
  if (cached) return cached;
  // Restored from storage: already as saved.
  const bare = run.request.contents.length === 0 && run.request.systemInstruction === "";
  if (bare && (!run.committed || run.state.parts.length === 0)) return run;
  const saved: RunRecord = {
    ...run,
    request: { ...run.request, contents: [], systemInstruction: "" },
    state: run.committed ? { ...run.state, parts: [] } : run.state,
  };
  slim.set(run, saved);
  return saved;
}

const left = new Map<string, RunRecord>();

/** A background run as a page that left it would have saved it: to read again, not its parts. */
function leftBehind(run: RunRecord): RunRecord {
  const cached = left.get(run.id);
  if (cached) return cached;
  const saved: RunRecord = {
    ...run,
    request: { ...run.request, contents: [], systemInstruction: "" },
    state: { status: "stopped", stoppedByReload: true, parts: [], chunks: 0, meta: run.state.meta },
  };
  left.set(run.id, saved);
  return saved;
}

/**
 * A saved run back in memory beside its turn: with the turn's parts, as before the reload. It
 * saves as the record it was read from, so reading a draft never writes its runs again.
 */
export function restoredRun(saved: RunRecord, parts: RunRecord["state"]["parts"]): RunRecord {
  const run = { ...saved, state: { ...saved.state, parts } };
  slim.set(run, saved);
  return run;
}

/**
 * A store's picker of the runs to save. It returns the same object until a saved run changes:
 * the storage skips a write when no saved field changed, and during a stream (dozens of updates
 * a second) none has.
 */
export function createRunSaver(): (s: PlaygroundState) => SavedRuns {
  let last: { runByTurn: unknown; latest: (RunRecord | undefined)[]; saved: SavedRuns } | undefined;
  return (s) => {
    // A streaming run is saved once it ends (leaving the page ends it first); one that goes on
    // without the page is saved as soon as it has a name at the server, as if the page had left
    // it, so a page that comes back after a crash still finds it (`reattach`).
    const ended = (id: string | null) => {
      const run = id ? s.runs[id] : undefined;
      if (run?.state.status !== "streaming") return run;
      return run.background ? leftBehind(run) : undefined;
    };
    // The chat's latest run, and each compare column's: their outcomes are on screen.
    const latest = [ended(s.chatRunId), ...Object.values(s.columnRuns).map(ended)];
    if (
      last &&
      last.runByTurn === s.runByTurn &&
      last.latest.length === latest.length &&
      last.latest.every((run, i) => run === latest[i])
    ) {
      return last.saved;
    }
    const saved: Record<string, RunRecord> = {};
    for (const id of Object.values(s.runByTurn)) {
      const run = s.runs[id];
      if (run) saved[id] = slimRun(run);
    }
    for (const run of latest) if (run) saved[run.id] = slimRun(run);
    last = { runByTurn: s.runByTurn, latest, saved };
    return saved;
  };
}

/**
 * The runs that answered turns, each beside its turn: an index past the conversation, a turn
 * that is not the model's or a run that is missing is dropped (that answer shows its text only).
 * The answer's parts are the turn's: the same array, as before the reload or the share.
 */
export function runsBesideTurns(
  runs: Readonly<Record<string, RunRecord>>,
  runByTurn: Readonly<Record<string, unknown>>,
  turns: readonly Turn[],
): { runs: Record<string, RunRecord>; runByTurn: Record<number, string> } {
  const beside: Record<string, RunRecord> = {};
  const indexes: Record<number, string> = {};
  for (const [key, id] of Object.entries(runByTurn)) {
    const turn = turns[Number(key)];
    const run = typeof id === "string" ? runs[id] : undefined;
    if (turn?.role !== "model" || !run) continue;
    beside[run.id] = restoredRun(run, turn.parts);
    indexes[Number(key)] = run.id;
  }
  return { runs: beside, runByTurn: indexes };
}

const STATUSES = new Set(["done", "error", "stopped"]);
/** A background run's id, as the page makes them: it goes into a URL. */
const BACKGROUND_ID = /^[\w-]{16,64}$/;

/**
 * Saved runs as read back: each must at least look like one (an id, a state with a known
 * status, a request naming a model); anything else is left out, which only loses its figures.
 */
export function readSavedRuns(value: unknown): Record<string, RunRecord> {
  const runs: Record<string, RunRecord> = {};
  if (typeof value !== "object" || value === null) return runs;
  for (const [id, run] of Object.entries(value as Record<string, Partial<RunRecord>>)) {
    if (
      typeof run !== "object" ||
      run === null ||
      run.id !== id ||
      typeof run.startedAt !== "number" ||
      typeof run.request?.model !== "string" ||
      typeof run.request.config !== "object" ||
      !Array.isArray(run.request.contents) ||
      !STATUSES.has(run.state?.status as string) ||
      !Array.isArray(run.state?.parts) ||
      (run.background !== undefined && !BACKGROUND_ID.test(String(run.background)))
    ) {
      continue;
    }
    runs[id] = run as RunRecord;
  }
  return runs;
}
