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
 * Quotes are whitespace-collapsed and cut at 200 characters; `#emulator` lines are never echoed.
 */
import { stripDirectives } from "./directives";
import { fnv1a, hex8 } from "./hash";
import { contentText, excerpt, lastUserContent } from "./text";
import type { GenerateRequest } from "./types";

export const ECHO_CHARS = 200;

export interface RequestEcho {
  model: string;
  systemInstruction: string | null;
  temperature: number | null;
  turns: number;
  lastUserMessage: string;
  promptTokens: number;
  fingerprint: string;
}

/** The fingerprint covers everything that shapes the answer, so equal requests agree. */
export function describeRequest(request: GenerateRequest, promptTokens: number): RequestEcho {
  const system = contentText(request.systemInstruction).trim();
  const temperature = request.generationConfig.temperature;
  return {
    model: request.model,
    systemInstruction: system === "" ? null : excerpt(system, ECHO_CHARS),
    temperature: typeof temperature === "number" ? temperature : null,
    turns: request.contents.length,
    lastUserMessage: excerpt(
      stripDirectives(contentText(lastUserContent(request.contents))),
      ECHO_CHARS,
    ),
    promptTokens,
    fingerprint: hex8(
      fnv1a(
        JSON.stringify([
          request.model,
          request.systemInstruction ?? null,
          request.contents,
          request.generationConfig,
        ]),
      ),
    ),
  };
}

function quoted(text: string | null, empty: string): string {
  return text === null || text === "" ? empty : `"${text}"`;
}

export function composeMarkdownAnswer(echo: RequestEcho): string {
  const fence = "```";
  return [
    `## Emulated answer from ${echo.model}`,
    "",
    "The built-in Gemini emulator wrote this reply; no model was called. It repeats what it received so a test can check the request.",
    "",
    `- Model: ${echo.model}`,
    `- System instruction: ${quoted(echo.systemInstruction, "none")}`,
    `- Temperature: ${echo.temperature ?? "default"}`,
    `- Turns: ${echo.turns}`,
    `- Last user message: ${quoted(echo.lastUserMessage, "(no text)")}`,
    "",
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
