import type { FunctionCallPart, Part, Role, Turn } from "@/lib/prompt";
import { answerText } from "./reducer";

/**
 * Pure edits of conversation turns, as the chat's editing actions need them. Signatures and
 * non-text parts are always carried over untouched: Gemini requires thought signatures back
 * verbatim, and a hand edit of the prose must not drop a function call.
 */

/** The text a person edits and copies: the turn's text parts joined (thoughts left out). */
export function turnText(turn: Turn): string {
  return answerText(turn.parts);
}

/**
 * The turn with its prose replaced by `text`: the first non-empty text part takes the new text
 * (keeping its signature and position), other non-empty text parts go, and signature-only empty
 * parts stay where they are. A turn without prose gets a text part at the end; empty `text`
 * removes the prose.
 */
export function replaceTurnText(turn: Turn, text: string): Turn {
  let placed = false;
  const parts: Part[] = [];
  for (const part of turn.parts) {
    if (part.kind !== "text" || part.text === "") {
      parts.push(part);
      continue;
    }
    if (placed) continue;
    placed = true;
    if (text !== "") parts.push({ ...part, text });
  }
  if (!placed && text !== "") parts.push({ kind: "text", text });
  return { ...turn, parts };
}

/** A turn a person can't save: no text and nothing else in it. */
export function isEmptyTurn(turn: Turn): boolean {
  return turn.parts.every((p) => (p.kind === "text" || p.kind === "thought") && p.text === "");
}

export function otherRole(role: Role): Role {
  return role === "user" ? "model" : "user";
}

/** The calls waiting for answers: the last turn's, when it is the model's and makes calls. */
export function pendingFunctionCalls(contents: readonly Turn[]): FunctionCallPart[] {
  const last = contents.at(-1);
  if (last?.role !== "model") return [];
  return last.parts.filter((p): p is FunctionCallPart => p.kind === "functionCall");
}

export type ParsedResponse =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string };

/** What a person typed as a function's result: it must be a JSON object, as Gemini requires. */
export function parseFunctionResponse(text: string): ParsedResponse {
  if (text.trim() === "")
    return { ok: false, message: 'Enter a JSON object, e.g. {"result": 42}.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "it does not parse";
    return { ok: false, message: `Not valid JSON: ${detail}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Must be a JSON object, e.g. {"result": 42}.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * The user turn answering a model turn's calls: one functionResponse per call, in the calls'
 * order, each naming its call (and its id when the call had one) so parallel calls pair up.
 */
export function functionResponseTurn(
  calls: readonly FunctionCallPart[],
  responses: readonly Record<string, unknown>[],
): Turn {
  return {
    role: "user",
    parts: calls.map((call, i) => ({
      kind: "functionResponse" as const,
      ...(call.id ? { id: call.id } : {}),
      name: call.name,
      response: responses[i] ?? {},
    })),
  };
}
