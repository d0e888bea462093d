/**
 * `POST interactions` with an `agent`. The Deep Research agents the catalogue lists
 * (`deep-research-preview-04-2026`, `deep-research-max-preview-04-2026`,
 * `deep-research-pro-preview-12-2025`) run as deep-research.ts describes, with Google's rules:
 * they need `background: true` ("Agents are required to use background=true", quoted by
 * enricoros/big-AGI from a live 400), take no `system_instruction` (big-AGI, 2026-04-23: "not
 * supported for the deep-research-* agent") and no `generation_config` (their knobs are in
 * `agent_config`, type "deep-research"), and use only search, URL context and code execution among
 * the tools emulated here. Other agents the SDK names (Antigravity) are not emulated: 501.
 */
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { interactionsOnly } from "@/lib/emulator/catalogue/model-rules";
import { fnv1a, hex8 } from "@/lib/emulator/hash";
import { inspectMedia } from "@/lib/emulator/media/media-inputs";
import { parseDirectives, stripDirectives } from "@/lib/emulator/native/directives";
import { countPromptTokens } from "@/lib/emulator/native/tokens";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import type { WireContent } from "@/lib/emulator/types";
import { injectedError } from "@/lib/emulator/validation/errors";
import { previousConversation } from "./conversation";
import { answerCreate } from "./create-answer";
import { deepResearchScript } from "./deep-research";
import type { ResearchTools } from "./deep-research-report";
import type { InteractionsContext } from "./interaction-context";
import { badRequest, InteractionsError, notFound, toInteractionsError } from "./interaction-errors";
import { newInteractionId } from "./interaction-ids";
import { callsIn, inputSteps, stepsToContents } from "./interaction-input";
import { InteractionRecord } from "./interaction-record";
import type { CreateRequest } from "./interaction-request";
import { InteractionRun } from "./interaction-run";

const RESEARCH_TOOLS = new Set(["google_search", "url_context", "code_execution"]);

function checkAgent(agent: string): void {
  const listed = findModel(agent);
  if (listed && interactionsOnly(listed)) return;
  if (agent.startsWith("antigravity-")) {
    throw new InteractionsError(
      501,
      `The Gemini emulator does not emulate the ${agent} agent yet.`,
    );
  }
  throw notFound(`Agent ${agent} is not found.`);
}

function checkRequest(agent: string, request: CreateRequest): ResearchTools {
  if (!request.background) throw badRequest("Agents are required to use background=true");
  if (request.systemInstruction !== undefined) {
    throw badRequest(`system_instruction is not supported for the ${agent} agent.`);
  }
  if (Object.keys(request.generationConfig).length > 0) {
    throw badRequest("generation_config is not supported for agents; use agent_config.");
  }
  const type = request.agentConfig?.type;
  if (type !== undefined && type !== "deep-research") {
    throw badRequest(
      `agent_config of type "${String(type)}" does not apply to the ${agent} agent.`,
    );
  }
  if (request.continuationToken !== undefined) {
    throw badRequest("continuation_token does not apply to agents: they continue server-side.");
  }
  if (request.tools.length === 0) return { search: true, read: true, code: true };
  for (const tool of request.tools) {
    if (!RESEARCH_TOOLS.has(String(tool.type))) {
      throw badRequest(`The ${String(tool.type)} tool is not supported for the ${agent} agent.`);
    }
  }
  const has = (type: string) => request.tools.some((tool) => tool.type === type);
  return { search: has("google_search"), read: has("url_context"), code: has("code_execution") };
}

/** The research question: the conversation's first request (a plan approval refers back to it). */
function questionOf(contents: WireContent[]): string {
  const texts = contents
    .filter((content) => content.role !== "model")
    .map((content) => stripDirectives(contentText(content)).trim())
    .filter((text) => text !== "");
  return texts[0] ?? "";
}

export async function createAgentInteraction(
  context: InteractionsContext,
  request: CreateRequest,
): Promise<Response> {
  const agent = String(request.agent);
  checkAgent(agent);
  const tools = checkRequest(agent, request);
  const history = previousConversation(context, request.previousInteractionId);
  const steps = inputSteps(request.input);
  const turn = stepsToContents(steps, callsIn(history));
  const contents = [...history, ...turn];
  const userText = contentText(lastUserContent(contents));
  context.log.setPrompt(userText);
  const directives = parseDirectives(userText, context.caps, agent);
  const media = await inspectMedia(contents, context.files);
  const prompt = countPromptTokens({ contents }, context.files.tokenFacts);

  let error: { code: string; message: string } | undefined;
  if (directives.error !== undefined) {
    const injected = injectedError(
      directives.error,
      { model: agent, method: "CreateInteraction", version: context.version },
      directives,
    );
    const converted = toInteractionsError(injected);
    if (converted) error = { code: converted.code, message: converted.message };
  }
  const config = request.agentConfig ?? {};
  const script = deepResearchScript({
    question: questionOf(contents),
    fingerprint: hex8(fnv1a(JSON.stringify([agent, contents]))),
    tools,
    summaries: config.thinking_summaries === "auto",
    planOnly: config.collaborative_planning === true,
    directives,
    media: media.lines,
    inputTokens: prompt.total,
    inputByModality: prompt.details.map((detail) => ({
      modality: detail.modality.toLowerCase(),
      tokens: detail.tokenCount,
    })),
    ...(context.caps?.streamMs !== undefined && { streamMs: context.caps.streamMs }),
    ...(error && { error }),
  });

  const record = new InteractionRecord({
    id: newInteractionId(),
    agent,
    ...(request.previousInteractionId && { previousInteractionId: request.previousInteractionId }),
    background: true,
    stored: true,
    inputSteps: steps,
    history,
    turn,
  });
  context.store.add(record);
  const run = new InteractionRun(record, script);
  run.start();
  return answerCreate(context, {
    record,
    run,
    stream: request.stream,
    ...(directives.disconnect !== undefined && { disconnectAfter: directives.disconnect }),
    ...(directives.capped && { capped: directives.capped }),
  });
}
