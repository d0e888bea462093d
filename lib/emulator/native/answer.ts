/**
 * The deterministic answer. It exercises what a chat UI must render (heading, list, code block,
 * table) and echoes what tests need to prove the request arrived intact. The echo lines are a
 * contract for tests across the repo:
 *
 *   - Model: gemini-2.5-flash
 *   - System instruction: "Be terse." | none
 *   - Temperature: 0.2 | default
 *   - Turns: 3
 *   - Last user message: "…" | (no text)
 *
 * Between Temperature and Turns, one line per setting the request carried (echo-settings.ts):
 *   - Top P: 0.9 · - Top K: 20 · - Max output tokens: 500 · - Stop sequences: 2 (a count: the
 *     sequences themselves would stop the answer in its own echo)
 *   - Seed: 42 · - Presence penalty: 0.5 · - Frequency penalty: -0.5 · - Candidate count: 1
 *   - Response MIME type: text/plain · - Response modalities: TEXT · - Media resolution: MEDIA_RESOLUTION_LOW
 *   - Safety: HARM_CATEGORY_HATE_SPEECH=BLOCK_NONE, HARM_CATEGORY_HARASSMENT=OFF
 *   - Thinking: budget 1024, include thoughts | level HIGH
 *   - Tools: googleSearch, codeExecution, urlContext, functions(get_weather, get_time)
 *   - Function calling: ANY (get_weather)
 * After the last user message, one line per function result in that turn:
 *   - Function response: get_weather returned `{"temp":21}`
 * then one line per inlineData/fileData part of that turn, numbered from 1 in part order
 * (media/media-facts.ts; size from PNG/JPEG/GIF/WEBP headers, length from WAV or raw PCM):
 *   - Media 1: image/png, 2048 bytes, sha256 0a1b2c3d4e5f, 64×48 px
 *   - Media 2: audio/wav, 32044 bytes, sha256 9f8e7d6c5b4a, 1.00 s, file files/abc123
 *
 * Quotes are whitespace-collapsed and cut at 200 characters; `#emulator` lines are never echoed.
 * Tool answers put their own sections (`lead`) between the intro and the echo list, and
 * `hostile=1` / `math=1` sections (`sections`) follow the list.
 */

import { fnv1a, hex8 } from "@/lib/emulator/hash";
import { contentText, excerpt, lastUserContent } from "@/lib/emulator/text";
import type { GenerateRequest } from "@/lib/emulator/types";
import { stripDirectives } from "./directives";
import { settingLines } from "./echo-settings";
import { functionResponseLines } from "./function-calls";

export const ECHO_CHARS = 200;

export interface RequestEcho {
  model: string;
  systemInstruction: string | null;
  temperature: number | null;
  turns: number;
  lastUserMessage: string;
  promptTokens: number;
  fingerprint: string;
  /** Echo lines for the settings present (echo-settings.ts). */
  settings: string[];
  /** Echo lines for functionResponse parts in the last user turn. */
  functionResponses: string[];
  /** Echo lines for the media of the last user turn (media/media-inputs.ts). */
  media: string[];
}

export interface AnswerExtras {
  /** Markdown blocks after the intro: tool results, grounded sentences. */
  lead?: string[];
  /** Markdown blocks after the echo list: rendering checks. */
  sections?: string[];
}

/** The fingerprint covers everything that shapes the answer, so equal requests agree. */
export function describeRequest(
  request: GenerateRequest,
  promptTokens: number,
  media: string[] = [],
): RequestEcho {
  const system = contentText(request.systemInstruction).trim();
  const temperature = request.generationConfig.temperature;
  const lastUser = lastUserContent(request.contents);
  return {
    model: request.model,
    systemInstruction: system === "" ? null : excerpt(system, ECHO_CHARS),
    temperature: typeof temperature === "number" ? temperature : null,
    turns: request.contents.length,
    lastUserMessage: excerpt(stripDirectives(contentText(lastUser)), ECHO_CHARS),
    promptTokens,
    settings: settingLines(request),
    functionResponses: functionResponseLines(lastUser),
    media,
    fingerprint: hex8(
      fnv1a(
        JSON.stringify([
          request.model,
          request.systemInstruction ?? null,
          request.contents,
          request.generationConfig,
          request.tools ?? null,
          request.toolConfig ?? null,
          request.safetySettings ?? null,
        ]),
      ),
    ),
  };
}

function quoted(text: string | null, empty: string): string {
  return text === null || text === "" ? empty : `"${text}"`;
}

/** The echo list itself: the lines tests match. */
function echoList(echo: RequestEcho): string[] {
  return [
    `- Model: ${echo.model}`,
    `- System instruction: ${quoted(echo.systemInstruction, "none")}`,
    `- Temperature: ${echo.temperature ?? "default"}`,
    ...echo.settings,
    `- Turns: ${echo.turns}`,
    `- Last user message: ${quoted(echo.lastUserMessage, "(no text)")}`,
    ...echo.functionResponses,
    ...echo.media,
  ];
}

/** Image models say one sentence about the picture, then the same echo list. */
export function composeImageAnswer(echo: RequestEcho, width: number, height: number): string {
  return [
    `Here is an emulated ${width}×${height} picture; no model drew it.`,
    "",
    ...echoList(echo),
    "",
  ].join("\n");
}

export function composeMarkdownAnswer(echo: RequestEcho, extras: AnswerExtras = {}): string {
  const fence = "```";
  const blocks = (list: string[] | undefined) => (list ?? []).flatMap((block) => [block, ""]);
  return [
    `## Emulated answer from ${echo.model}`,
    "",
    "The built-in Gemini emulator wrote this reply; no model was called. It repeats what it received so a test can check the request.",
    "",
    ...blocks(extras.lead),
    ...echoList(echo),
    "",
    ...blocks(extras.sections),
    `${fence}ts`,
    `// Request fingerprint ${echo.fingerprint}: equal requests get equal answers.`,
    "export function summarize(turns: number, tokens: number): string {",
    `  return [turns, "turn(s),", tokens, "prompt token(s)"].join(" ");`,
    "}",
    fence,
    "",
    "| Setting | Value |",
    "| --- | --- |",
    `| Model | \`${echo.model}\` |`,
    `| Turns | ${echo.turns} |`,
    `| Prompt tokens | ${echo.promptTokens} |`,
    `| Temperature | ${echo.temperature ?? "default"} |`,
    `| Fingerprint | \`${echo.fingerprint}\` |`,
    "",
  ].join("\n");
}

/** For `responseMimeType: application/json`: the same echo as a JSON object. */
export function composeJsonAnswer(echo: RequestEcho, paragraphs: string[] = []): string {
  const value: Record<string, unknown> = {
    model: echo.model,
    systemInstruction: echo.systemInstruction,
    temperature: echo.temperature,
    turns: echo.turns,
    lastUserMessage: echo.lastUserMessage,
    fingerprint: echo.fingerprint,
  };
  if (paragraphs.length > 0) value.paragraphs = paragraphs;
  return JSON.stringify(value, null, 2);
}
