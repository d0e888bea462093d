/**
 * Decides what a generation will say and how it ends, before any byte is sent: the unary and the
 * streamed form are two renderings of one plan, which is why their contents are always equal.
 */

import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import { fnv1a, hex8, randomId } from "@/lib/emulator/hash";
import { isSchemaObject } from "@/lib/emulator/schema/schema-node";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import type { GenerateRequest, JsonObject, TokenCount, WirePart } from "@/lib/emulator/types";
import { describeRequest } from "./answer";
import { chunkTokensFor, splitText } from "./chunking";
import { type CodePlan, planCode } from "./code-execution";
import { type Directives, stripDirectives } from "./directives";
import {
  callingMode,
  declaredFunctions,
  functionCallParts,
  functionResponses,
} from "./function-calls";
import { planSearch } from "./grounding";
import { groundingMetadata } from "./grounding-metadata";
import { planMaps } from "./maps-grounding";
import { type PlanContext, type PlanOutput, planMedia } from "./plan-media";
import { applyLimits, composeText } from "./plan-text";
import { HOSTILE_MARKDOWN, MATH_MARKDOWN } from "./rich-markdown";
import { responseSchemaOf } from "./structured";
import { signatureFor } from "./thought-signature";
import { planThoughts, signsAlways, type ThoughtPlan } from "./thoughts";
import { countPromptTokens } from "./tokens";
import { planUrlContext } from "./url-context";

export type { PlanContext, PlanOutput } from "./plan-media";

export const FUNCTION_CALL_MESSAGE = "Model generated function call(s).";

export interface GenerationPlan {
  modelVersion: string;
  responseId: string;
  prompt: TokenCount;
  /** A blocked prompt: no candidate at all, only promptFeedback. */
  blockReason?: string;
  /** finish=SAFETY and friends: a candidate with empty content and a blocking rating. */
  safetyBlocked: boolean;
  thoughts?: ThoughtPlan;
  /** Gemini 3 streams end with a chunk whose only part is `{"text": ""}` (plus the signature). */
  emptyLastPart: boolean;
  answer: string;
  finishReason: string;
  /** Gemini 3's note on function-call answers; unary only, as in Google's captured streams. */
  finishMessage?: string;
  /** Function calls; when present there is no answer text. */
  calls?: WirePart[];
  code?: Pick<CodePlan, "executable" | "result">;
  /** The signature on the answer text (first piece, or Gemini 3's empty last part). */
  textSignature?: string;
  groundingMetadata?: JsonObject;
  urlContextMetadata?: JsonObject;
  /** toolUsePromptTokenCount: on every chunk for search and URL context, else the last only. */
  toolUse?: { tokens: number; everyChunk: boolean };
  /** safetyAfter=N: the answer is what N chunks carry, then a SAFETY chunk with ratings. */
  safetyStop: boolean;
  /** Speech models, and image models asked for IMAGE alone, send no text part at all. */
  noText?: boolean;
  /** Gemini 3 image models sign the image part too. */
  mediaSignature?: string;
  /** Generated image or speech (media/media-output.ts), attached after planning. */
  output?: PlanOutput;
}

function hasTool(request: GenerateRequest, name: string): boolean {
  return (request.tools ?? []).some((tool) => isSchemaObject(tool) && name in tool);
}

export function planGeneration(
  request: GenerateRequest,
  model: CatalogueModel,
  directives: Directives,
  context: PlanContext = {},
): GenerationPlan {
  const prompt = countPromptTokens(request, context.files);
  const echo = describeRequest(request, prompt.total, context.media);
  // candidateCount > 1: each further candidate is another take, so its fingerprint (and with it
  // the code block, the table, schema values and signatures) differs from the first one's.
  if (context.candidate) echo.fingerprint = hex8(fnv1a(`${echo.fingerprint}/${context.candidate}`));
  const seed = Number.parseInt(echo.fingerprint, 16);
  const gemini3 = signsAlways(model);
  const base: Omit<GenerationPlan, "answer" | "finishReason"> = {
    modelVersion: request.model,
    responseId: randomId(),
    prompt,
    safetyBlocked: false,
    emptyLastPart: gemini3,
    safetyStop: false,
  };
  if (directives.block) {
    return { ...base, blockReason: directives.block, answer: "", finishReason: "" };
  }
  if (directives.finish === "SAFETY") {
    return { ...base, safetyBlocked: true, answer: "", finishReason: "SAFETY" };
  }

  const config = request.generationConfig;
  const media = planMedia(base, echo, model, config, directives, context);
  if (media) return media;
  const lastUser = lastUserContent(request.contents);
  const userText = stripDirectives(contentText(lastUser));
  const decls = declaredFunctions(request.tools);
  const calling =
    decls.length > 0 &&
    callingMode(request).mode !== "NONE" &&
    functionResponses(lastUser).length === 0;
  const task = calling
    ? `call ${decls[0]?.name ?? "a function"} with arguments taken from the message`
    : describeTask(request, functionResponses(lastUser).length > 0);
  const cap = outputCap(config);
  const thoughts = planThoughts(echo, model, config, {
    directive: directives.thoughts,
    seed,
    task,
    ...(cap !== undefined && { cap }),
  });
  const withThoughts = thoughts ? { ...base, thoughts } : base;
  const thought = thoughts?.tokens ?? 0;
  if (cap !== undefined && thought > 0 && thought >= cap) {
    // Thoughts count toward maxOutputTokens (googleapis/python-genai#782 and #2062,
    // vectorize-io/hindsight#3365: thought and answer counts add up to the cap); thinking that
    // uses it all leaves no answer part at all (valentinfrlch/ha-llmvision#609,
    // stanford-crfm/helm#3804), only MAX_TOKENS.
    return {
      ...withThoughts,
      emptyLastPart: false,
      noText: true,
      answer: "",
      finishReason: "MAX_TOKENS",
    };
  }

  if (calling) {
    // Gemini 3 signs every function call it makes, even at the lowest thinking setting
    // (thought-signatures doc: "Gemini 3 returns thought signatures for all model responses ...
    // with a function call"); 2.5 only when it thought.
    const signature =
      thoughts || gemini3
        ? (thoughts?.signature ?? signatureFor(echo.fingerprint, "call"))
        : undefined;
    const calls = functionCallParts(request, userText, {
      count: directives.calls ?? 1,
      invalid: directives.invalid === true,
      ...(signature && { signature }),
    });
    const finishMessage = gemini3 ? { finishMessage: FUNCTION_CALL_MESSAGE } : {};
    return {
      ...withThoughts,
      ...finishMessage,
      calls,
      answer: "",
      finishReason: directives.finish ?? "STOP",
    };
  }

  const code = hasTool(request, "codeExecution")
    ? planCode(userText, directives.codefail === true, gemini3, echo.fingerprint)
    : undefined;
  const search = hasTool(request, "googleSearch")
    ? planSearch(userText, echo.fingerprint)
    : undefined;
  const urls = hasTool(request, "urlContext") ? planUrlContext(userText) : undefined;
  const maps = hasTool(request, "googleMaps")
    ? planMaps(userText, echo.fingerprint, request)
    : undefined;
  const lead = [code?.explanation, search?.section, urls?.section, maps?.section].filter(
    (b): b is string => !!b,
  );
  const sections = [directives.hostile && HOSTILE_MARKDOWN, directives.math && MATH_MARKDOWN];
  const composed = composeText(config, echo, directives, {
    userText,
    seed,
    extras: { lead, sections: sections.filter((b): b is string => !!b) },
  });
  const limited = applyLimits(composed, {
    ...config,
    ...(cap !== undefined && { maxOutputTokens: cap - thought }),
  });
  let answer = limited.answer;
  let finishReason = limited.truncated ? "MAX_TOKENS" : (directives.finish ?? "STOP");
  let safetyStop = false;
  if (directives.safetyAfter !== undefined) {
    answer = splitText(answer, chunkTokensFor(directives))
      .slice(0, directives.safetyAfter)
      .join("");
    finishReason = "SAFETY";
    safetyStop = true;
  }

  const signature = thoughts?.signature;
  const codeSigned =
    code && signature ? { ...code.executable, thoughtSignature: signature } : code?.executable;
  // Gemini 3 signs the text again after signed code; 2.5 signs only the first part it returns.
  const textSignature =
    code && signature
      ? gemini3
        ? signatureFor(echo.fingerprint, "answer")
        : undefined
      : signature;
  // A safety stop ends the stream before the final chunk that would have carried the metadata.
  const grounding = safetyStop
    ? undefined
    : groundingMetadata(answer, search, urls, model.name.startsWith("models/gemini-2.0"), maps);
  const toolTokens =
    (code?.toolUseTokens ?? 0) +
    (search?.toolUseTokens ?? 0) +
    (urls?.toolUseTokens ?? 0) +
    (maps?.toolUseTokens ?? 0);
  return {
    ...withThoughts,
    answer,
    finishReason,
    safetyStop,
    ...(code && codeSigned && { code: { executable: codeSigned, result: code.result } }),
    ...(textSignature && { textSignature }),
    ...(grounding && { groundingMetadata: grounding }),
    ...(urls && { urlContextMetadata: urls.metadata }),
    ...(toolTokens > 0 && {
      toolUse: { tokens: toolTokens, everyChunk: !!(search || urls || maps) },
    }),
  };
}

/** maxOutputTokens when it limits anything; 0 means unset to proto3, as generate.ts notes. */
function outputCap(config: GenerateRequest["generationConfig"]): number | undefined {
  const max = config.maxOutputTokens;
  return typeof max === "number" && max > 0 ? max : undefined;
}

/** What the thought summary says the answer will do. */
function describeTask(request: GenerateRequest, afterFunction: boolean): string {
  if (afterFunction) return "use the function results to answer";
  if (responseSchemaOf(request.generationConfig) !== undefined) {
    return "answer with output that fits the requested schema";
  }
  if (hasTool(request, "codeExecution")) return "write and run a short Python program first";
  if (hasTool(request, "googleSearch")) return "search the web and cite what I find";
  if (hasTool(request, "urlContext")) return "read the linked pages before answering";
  if (hasTool(request, "googleMaps")) return "look up places nearby on the map";
  return "answer with a heading, a short list, a code block and a table";
}
