import type { RunSafetyRating, RunState } from "./reducer";

/**
 * Sentences for people about why an answer is missing or cut short. Gemini reports these as
 * enum values in an otherwise successful stream, so without them a blocked run looks like an
 * empty answer.
 */

const CATEGORY_NAMES: Record<string, string> = {
  HARM_CATEGORY_HARASSMENT: "harassment",
  HARM_CATEGORY_HATE_SPEECH: "hate speech",
  HARM_CATEGORY_SEXUALLY_EXPLICIT: "sexually explicit content",
  HARM_CATEGORY_DANGEROUS_CONTENT: "dangerous content",
  HARM_CATEGORY_CIVIC_INTEGRITY: "civic integrity",
  HARM_CATEGORY_JAILBREAK: "jailbreak attempt",
};

export function harmCategoryName(category: string): string {
  return CATEGORY_NAMES[category] ?? category.replace(/^HARM_CATEGORY_/, "").toLowerCase();
}

function blockedCategories(ratings: readonly RunSafetyRating[] | undefined): string {
  const names = (ratings ?? []).filter((r) => r.blocked).map((r) => harmCategoryName(r.category));
  return names.join(", ");
}

const SAFETY_SETTINGS_HINT = "Rephrase it, or relax the safety settings if your use case allows.";

/** Why the prompt itself was refused, or null when it was not. */
export function explainBlockedPrompt(state: RunState): string | null {
  if (!state.blockReason) return null;
  const reason = state.blockReason;
  const categories = blockedCategories(state.promptSafetyRatings);
  const detail = state.blockReasonMessage ? ` ${state.blockReasonMessage}` : "";
  const why: Record<string, string> = {
    SAFETY: categories
      ? `Gemini's safety filters flagged it for ${categories}. ${SAFETY_SETTINGS_HINT}`
      : `Gemini's safety filters flagged it. ${SAFETY_SETTINGS_HINT}`,
    BLOCKLIST: "It contains a term from a blocklist.",
    PROHIBITED_CONTENT:
      "Gemini does not answer prompts with this kind of content, whatever the safety settings.",
    IMAGE_SAFETY: "It asks for an image that Gemini's safety filters do not allow.",
  };
  const because = why[reason] ?? "Gemini gave no further reason.";
  return `The prompt was blocked (${reason}). ${because}${detail}`;
}

/** Why the answer stopped early, or null for a normal finish. */
export function explainFinish(state: RunState): string | null {
  const reason = state.finishReason;
  if (!reason || reason === "STOP" || reason === "FINISH_REASON_UNSPECIFIED") return null;
  const extra = state.finishMessage ? ` (${state.finishMessage})` : "";
  switch (reason) {
    case "SAFETY": {
      const categories = blockedCategories(state.safetyRatings);
      const what = categories ? ` for ${categories}` : "";
      return `The answer was blocked by Gemini's safety filters${what}. ${SAFETY_SETTINGS_HINT}`;
    }
    case "MAX_TOKENS":
      return thoughtOnly(state)
        ? `The model spent the whole output limit${limitOf(state)} thinking, so no answer was left: thoughts count toward Max output tokens. Raise Max output tokens or lower the thinking budget (or level), then run again.`
        : "The answer reached the output token limit and was cut off. Raise Max output tokens in the run settings, or ask for a shorter answer.";
    case "RECITATION":
      return "The answer was stopped because it was reciting existing material (such as copyrighted text) too closely. Ask for a summary or a paraphrase instead.";
    case "LANGUAGE":
      return "The answer was stopped because it used a language this model does not support.";
    case "BLOCKLIST":
      return "The answer was stopped because it contained a blocklisted term.";
    case "PROHIBITED_CONTENT":
      return "The answer was stopped because it would contain prohibited content.";
    case "SPII":
      return "The answer was stopped because it would reveal sensitive personal information.";
    case "IMAGE_SAFETY":
    case "IMAGE_PROHIBITED_CONTENT":
      return "The generated image was withheld by Gemini's safety filters.";
    case "MALFORMED_FUNCTION_CALL":
    case "UNEXPECTED_TOOL_CALL":
      return `The model produced a function call that doesn't match the declared tools${extra}. Check the function declarations.`;
    case "TOO_MANY_TOOL_CALLS":
      return "The model called tools too many times in a row and was stopped.";
    default:
      return `The answer ended early (${reason})${extra}.`;
  }
}

/** Whether anything but thoughts (and empty text carrying a signature) arrived. */
function hasAnswer(state: RunState): boolean {
  return state.parts.some(
    (part) => part.kind !== "thought" && !(part.kind === "text" && part.text.trim() === ""),
  );
}

/** Thinking and nothing else: the limit ran out before the answer began. */
function thoughtOnly(state: RunState): boolean {
  return !hasAnswer(state) && (state.usage?.thoughtsTokenCount ?? 0) > 0;
}

function limitOf(state: RunState): string {
  const thoughts = state.usage?.thoughtsTokenCount;
  return thoughts ? ` (${thoughts.toLocaleString("en-US")} tokens)` : "";
}

/** Finish reasons that mean Gemini withheld the answer. */
const WITHHELD = new Set(["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY"]);

/**
 * The explanation that deserves the alert area: a block, a safety stop, or an answer that ended
 * before it began (it has no footer to carry the note). Other cut-offs go in the answer's footer.
 */
export function explainRefusal(state: RunState): string | null {
  const blocked = explainBlockedPrompt(state);
  if (blocked) return blocked;
  if (state.finishReason && WITHHELD.has(state.finishReason)) return explainFinish(state);
  if (state.status === "done" && !hasAnswer(state)) return explainFinish(state);
  return null;
}

export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** What a finished run amounts to, in a word or three: never "Done" for a refusal. */
function endedAs(state: RunState): string {
  if (state.status === "error") return "Error";
  if (state.status === "stopped") return state.stoppedByReload ? "Stopped by reload" : "Stopped";
  if (state.blockReason) return "Prompt blocked";
  const reason = state.finishReason;
  if (reason && WITHHELD.has(reason)) return "Answer blocked";
  if (reason === "MAX_TOKENS") return "Cut off at the output limit";
  if (reason && reason !== "STOP" && reason !== "FINISH_REASON_UNSPECIFIED") return "Ended early";
  return "Done";
}

/**
 * "Done · 1.2 s": the one-line outcome in the prompt box's status line. The time is the one the
 * answer's footer calls Total (measured in this browser, `elapsedMs`); the server's own figure
 * stands in only when the browser has none. Token counts are the footer's.
 */
export function describeOutcome(state: RunState, elapsedMs?: number): string {
  if (state.status === "streaming") {
    // Said so: the person may close the tab, and should know they can.
    if (state.meta?.background) return "Running in background…";
    return state.chunks ? "Streaming…" : "Running…";
  }
  const ms = elapsedMs ?? state.meta?.timing?.totalMs;
  const label = endedAs(state);
  return ms === undefined ? label : `${label} · ${formatSeconds(ms)}`;
}
