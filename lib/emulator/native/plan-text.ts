/**
 * The text of an answer: schema-shaped JSON or an enum value when structured output is asked for,
 * else the markdown echo with tool sections and rendering checks, padded to `tokens=N`, then cut
 * where a stop sequence or maxOutputTokens says a real model would have stopped.
 */

import { sliceSafe } from "@/lib/emulator/text";
import type { WireGenerationConfig } from "@/lib/emulator/types";
import {
  type AnswerExtras,
  composeJsonAnswer,
  composeMarkdownAnswer,
  type RequestEcho,
} from "./answer";
import { corpusText } from "./corpus";
import type { Directives } from "./directives";
import { fillerSentences, padMarkdown } from "./filler";
import { sampleSeedFor } from "./prompt-words";
import { structuredAnswer } from "./structured";
import { CHARS_PER_TOKEN, textTokens } from "./tokens";

export function composeText(
  config: WireGenerationConfig,
  echo: RequestEcho,
  directives: Directives,
  context: { userText: string; seed: number; extras: AnswerExtras },
): string {
  const structured = structuredAnswer(
    config,
    sampleSeedFor(context.userText, echo.fingerprint),
    directives.invalid === true,
  );
  if (structured !== undefined) return structured;
  if (directives.corpus) return corpusText(directives.corpus);
  const json = config.responseMimeType === "application/json";
  let answer = json ? composeJsonAnswer(echo) : composeMarkdownAnswer(echo, context.extras);
  if (directives.tokens !== undefined) {
    answer = sizeAnswer(answer, directives.tokens * CHARS_PER_TOKEN, json, echo, context.seed);
  }
  // Without a schema there is nothing to violate, so invalid=1 sends JSON that does not parse.
  if (json && directives.invalid) answer = answer.slice(0, answer.lastIndexOf("}"));
  return answer;
}

/** Exactly `chars` characters (so exactly N tokens) of markdown; JSON is padded but never cut. */
function sizeAnswer(
  answer: string,
  chars: number,
  json: boolean,
  echo: RequestEcho,
  seed: number,
): string {
  if (!json) return sliceSafe(padMarkdown(answer, chars, seed), chars);
  if (answer.length >= chars) return answer;
  return composeJsonAnswer(echo, fillerSentences(Math.ceil((chars - answer.length) / 70), seed));
}

/** Cuts at the first stop sequence, then at maxOutputTokens. */
export function applyLimits(
  answer: string,
  config: WireGenerationConfig,
): { answer: string; truncated: boolean } {
  let earliest: number | undefined;
  for (const stop of config.stopSequences ?? []) {
    if (typeof stop !== "string" || stop === "") continue;
    const at = answer.indexOf(stop);
    if (at >= 0 && (earliest === undefined || at < earliest)) earliest = at;
  }
  let text = earliest === undefined ? answer : answer.slice(0, earliest);
  const limit = config.maxOutputTokens;
  if (limit !== undefined && limit > 0 && textTokens(text) > limit) {
    text = sliceSafe(text, limit * CHARS_PER_TOKEN);
    return { answer: text, truncated: true };
  }
  return { answer: text, truncated: false };
}
