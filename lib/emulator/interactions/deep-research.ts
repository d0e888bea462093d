/**
 * The Deep Research agent's run as steps over time, in the order the live agent streams them
 * (enricoros/big-AGI's capture of `deep-research-preview-04-2026`, 2026-06-02: a `thought` step of
 * `thought_summary` deltas with an empty `thought_signature`, tool steps, then the report as
 * `model_output`):
 *
 *   thought (plan)       only with `agent_config.thinking_summaries: "auto"`, as live
 *   google_search_call / google_search_result   three rounds, one query each
 *   url_context_call / url_context_result       the pages found, and URLs in the question
 *   code_execution_call / code_execution_result a short analysis of the question
 *   thought (synthesis)  with summaries on
 *   model_output         the report, streamed in pieces, its citations last
 *
 * Research steps are STEP_MS apart (about two seconds in all; `delay=` waits before the first,
 * `rate=N/s` paces the report, `tokens=N` lengthens it, `chunk=N` sizes its pieces). `tools`
 * narrows what it may use (by default: search, URL context, code execution). With
 * `collaborative_planning: true` it answers with a research plan instead.
 */
import { chunkTokensFor, splitText } from "@/lib/emulator/native/chunking";
import { capPacing, type Directives } from "@/lib/emulator/native/directives";
import { textTokens } from "@/lib/emulator/native/tokens";
import type { JsonObject } from "@/lib/emulator/types";
import { planResearch, type ResearchTools, writePlan, writeReport } from "./deep-research-report";
import { newCallId } from "./interaction-ids";
import type { Script } from "./interaction-run";
import { usageJson } from "./interaction-usage";
import { StepScript } from "./step-script";

export const STEP_MS = 250;
/** Tokens the emulated agent bills for thinking it does not show. */
const HIDDEN_THOUGHT_TOKENS = 2048;

export interface ResearchInput {
  question: string;
  fingerprint: string;
  tools: ResearchTools;
  summaries: boolean;
  planOnly: boolean;
  directives: Directives;
  media: string[];
  inputTokens: number;
  inputByModality: { modality: string; tokens: number }[];
  streamMs?: number;
  /** `error=` (with `after=N`: after N events) ends the run with this error. */
  error?: JsonObject;
}

export function deepResearchScript(input: ResearchInput): Script {
  const { directives } = input;
  const research = planResearch(input.question, input.fingerprint, input.tools);
  const out = new StepScript();
  let t = directives.delayMs ?? 0;
  let toolUse = 0;

  const thought = (sections: string[]) => {
    if (!input.summaries) return;
    out.start(t, { type: "thought" });
    for (const text of sections) {
      out.delta(t, { type: "thought_summary", content: { type: "text", text } });
      t += STEP_MS / 2;
    }
    out.delta(t, { type: "thought_signature", signature: "" });
    out.stop(t);
  };
  const tool = (call: JsonObject, args: JsonObject, result: JsonObject) => {
    const id = newCallId();
    out.start(t, { type: String(call.type), id });
    out.delta(t, { type: String(call.type), arguments: args });
    t += STEP_MS;
    out.start(t, { type: String(result.type), call_id: id });
    out.delta(t, result);
    out.stop(t);
    t += STEP_MS / 2;
  };

  thought(research.planning);
  let text: string;
  let annotations: JsonObject[] = [];
  if (input.planOnly) {
    text = writePlan(research);
  } else {
    research.searches.forEach((query, round) => {
      const entry = research.search?.section ?? "";
      tool(
        { type: "google_search_call" },
        { queries: [query] },
        {
          type: "google_search_result",
          result: [
            {
              search_suggestions: `<div class="emulator-search">${round + 1}: ${escapeHtml(query)}</div>`,
            },
          ],
        },
      );
      toolUse += 96 + textTokens(query) + (round === 0 ? textTokens(entry) : 0);
    });
    if (research.pages.length > 0) {
      tool(
        { type: "url_context_call" },
        { urls: research.pages.map((page) => page.url) },
        {
          type: "url_context_result",
          result: research.pages.map((page) => ({
            url: page.url,
            status: page.ok ? "success" : "error",
          })),
        },
      );
      toolUse += research.pages.reduce((sum, page) => sum + 32 + (page.ok ? 640 : 0), 0);
    }
    const code = research.code;
    if (code) {
      const source = code.executable.executableCode;
      const result = code.result.codeExecutionResult;
      tool(
        { type: "code_execution_call" },
        { code: source?.code ?? "", language: "python" },
        { type: "code_execution_result", result: result?.output ?? "" },
      );
      toolUse += code.toolUseTokens;
    }
    thought(research.synthesis);
    const written = writeReport(research, {
      media: input.media,
      ...(directives.tokens && { minChars: directives.tokens * 4 }),
      seed: Number.parseInt(input.fingerprint, 16),
    });
    text = written.report;
    annotations = written.annotations;
  }

  const pieces = splitText(text, chunkTokensFor(directives));
  const rate = directives.rate;
  let written = 0;
  pieces.forEach((piece, index) => {
    written += textTokens(piece);
    const at = t + (rate ? (written / rate) * 1000 : index * 30);
    if (index === 0)
      out.start(
        at,
        { type: "model_output", content: [{ type: "text", text: piece }] },
        textTokens(piece),
      );
    else out.delta(at, { type: "text", text: piece }, textTokens(piece));
  });
  if (annotations.length > 0)
    out.delta(out.lastAtMs, { type: "text_annotation_delta", annotations });
  out.stop(out.lastAtMs);

  const times = capPacing(
    out.events.map((event) => event.atMs),
    directives,
    input.streamMs,
  );
  out.events.forEach((event, index) => {
    event.atMs = times[index] ?? event.atMs;
  });
  const endAt = out.events.at(-1)?.atMs ?? t;
  const thoughtTokens =
    HIDDEN_THOUGHT_TOKENS +
    (input.summaries
      ? [...research.planning, ...research.synthesis].reduce((sum, s) => sum + textTokens(s), 0)
      : 0);
  const usage = (output: number) =>
    usageJson({
      input: input.inputTokens,
      inputByModality: input.inputByModality,
      output,
      thought: thoughtTokens,
      toolUse,
    });
  const script: Script = {
    events: out.events,
    end: { atMs: endAt, status: "completed", usage: usage(textTokens(text)) },
    usageAt: (tokens) => usage(Math.round(tokens)),
  };
  if (input.error) {
    const after = directives.after ?? 0;
    script.events = out.events.slice(0, after);
    const at = script.events.at(-1)?.atMs ?? directives.delayMs ?? 0;
    script.end = { atMs: at, status: "failed", error: input.error };
  }
  return script;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
