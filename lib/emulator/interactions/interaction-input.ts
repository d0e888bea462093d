/**
 * `input` in its four shapes (a string, one content block, a list of content blocks, a list of
 * steps) as the turn's steps, and steps as the native contents generateContent would have been
 * sent. `user_input` and `function_result` steps speak for the user; `model_output`, `thought`,
 * `function_call` and the server-side tool steps are the model's turn, merged into one content as
 * Gemini keeps them. A thought's signature rides on the next part it belongs to (the first call,
 * or the text), where generateContent carries it, so Gemini 3's signature rules see the same
 * conversation through both doors. Search, URL-context and other server-side tool steps have no
 * part in generateContent's Content and leave no trace in the native history.
 */
import { decodeBase64 } from "@/lib/emulator/base64";
import { readImageHeader } from "@/lib/emulator/media/image-header";
import type { JsonObject, JsonValue, WireContent, WirePart } from "@/lib/emulator/types";
import { badRequest } from "./interaction-errors";
import { CONTENT_TYPES } from "./interaction-fields";
import { isObject } from "./schema-walk";

/** The input as this turn's steps (after the body was validated). */
export function inputSteps(input: JsonValue | undefined): JsonObject[] {
  if (input === undefined || input === null) return [];
  if (typeof input === "string") {
    return [{ type: "user_input", content: [{ type: "text", text: input }] }];
  }
  if (isObject(input)) return [{ type: "user_input", content: [input] }];
  if (!Array.isArray(input)) return [];
  const items = input.filter(isObject);
  return isContentList(items) ? [{ type: "user_input", content: items }] : items;
}

/** Whether a list is a list of content blocks (else it is a list of steps). */
export function isContentList(items: JsonValue[]): boolean {
  const first = items[0];
  return isObject(first) && CONTENT_TYPES.includes(String(first.type));
}

function sniffedMime(data: string): string | undefined {
  const head = decodeBase64(data, 64);
  const header = head && readImageHeader(head);
  return header ? `image/${header.format}` : undefined;
}

function mediaPart(block: JsonObject, path: string): WirePart {
  const type = String(block.type);
  const mimeType = typeof block.mime_type === "string" ? block.mime_type : undefined;
  if (typeof block.data === "string") {
    const mime = mimeType ?? (type === "image" ? sniffedMime(block.data) : undefined);
    if (!mime) throw badRequest(`Missing required field "mime_type" at '${path}'.`);
    return { inlineData: { mimeType: mime, data: block.data } };
  }
  if (typeof block.uri === "string") {
    return { fileData: { ...(mimeType && { mimeType }), fileUri: block.uri } };
  }
  throw badRequest(`Invalid value at '${path}': a ${type} block needs "data" or "uri".`);
}

/** Content blocks as native parts. */
export function contentParts(blocks: JsonValue | undefined, path: string): WirePart[] {
  if (!Array.isArray(blocks)) return [];
  const parts: WirePart[] = [];
  blocks.forEach((block, index) => {
    if (!isObject(block)) return;
    const at = `${path}[${index}]`;
    if (block.type === "text") parts.push({ text: String(block.text ?? "") });
    else parts.push(mediaPart(block, at));
  });
  return parts;
}

function textOf(blocks: JsonValue[]): string {
  return blocks
    .filter(isObject)
    .filter((block) => block.type === "text")
    .map((block) => String(block.text ?? ""))
    .join("\n");
}

/** A function result as `functionResponse.response`, which must be an object. */
function responseOf(step: JsonObject): JsonObject {
  const result = step.result;
  const value: JsonValue = Array.isArray(result) ? textOf(result) : (result ?? "");
  if (step.is_error === true) return { error: value };
  return isObject(value) ? value : { result: value };
}

/** Function names by call id, as the model called them in `contents`. */
export function callsIn(contents: WireContent[]): Map<string, string> {
  const calls = new Map<string, string>();
  for (const content of contents) {
    for (const part of content.parts) {
      const call = part.functionCall;
      if (call?.id) calls.set(call.id, call.name ?? "");
    }
  }
  return calls;
}

class ContentBuilder {
  readonly contents: WireContent[] = [];
  private current: WireContent | undefined;
  private signature: string | undefined;

  part(role: "user" | "model", part: WirePart): void {
    if (this.current?.role !== role) this.turn(role);
    if (role === "model" && this.signature && !part.thought) {
      part.thoughtSignature = this.signature;
      this.signature = undefined;
    }
    this.current?.parts.push(part);
  }

  sign(signature: string): void {
    if (this.current?.role !== "model") this.turn("model");
    this.signature = signature;
  }

  turn(role: "user" | "model"): void {
    this.close();
    this.current = { parts: [], role };
  }

  close(): void {
    if (this.current && this.current.parts.length > 0) this.contents.push(this.current);
    this.current = undefined;
    this.signature = undefined;
  }
}

/**
 * Steps as native contents. `calls` holds the function calls known so far (id → name) and learns
 * the ones these steps make; a `function_result` naming no known call is Google's 400.
 */
export function stepsToContents(
  steps: JsonObject[],
  calls: Map<string, string>,
  path = "input",
): WireContent[] {
  const out = new ContentBuilder();
  steps.forEach((step, index) => {
    const at = `${path}[${index}]`;
    const type = String(step.type);
    if (type === "user_input") {
      out.turn("user");
      for (const part of contentParts(step.content, `${at}.content`)) out.part("user", part);
      out.close();
      return;
    }
    if (type === "function_result") {
      const callId = String(step.call_id);
      const name = calls.get(callId);
      if (name === undefined) {
        throw badRequest(
          `No function_call with id "${callId}" precedes the function_result at '${at}'.`,
        );
      }
      const response = responseOf(step);
      out.part("user", {
        functionResponse: { id: callId, name: String(step.name ?? name), response },
      });
      return;
    }
    modelStep(out, step, calls, at);
  });
  out.close();
  return out.contents;
}

function modelStep(
  out: ContentBuilder,
  step: JsonObject,
  calls: Map<string, string>,
  at: string,
): void {
  const signature = typeof step.signature === "string" ? step.signature : undefined;
  switch (step.type) {
    case "thought": {
      for (const item of Array.isArray(step.summary) ? step.summary : []) {
        if (isObject(item) && item.type === "text") {
          out.part("model", { text: String(item.text ?? ""), thought: true });
        }
      }
      if (signature) out.sign(signature);
      return;
    }
    case "model_output":
      for (const part of contentParts(step.content, `${at}.content`)) out.part("model", part);
      return;
    case "function_call": {
      const id = String(step.id);
      const name = String(step.name);
      calls.set(id, name);
      const args = isObject(step.arguments) ? step.arguments : {};
      out.part("model", { functionCall: { id, name, args } });
      return;
    }
    case "code_execution_call": {
      const args = isObject(step.arguments) ? step.arguments : {};
      const part: WirePart = {
        executableCode: {
          language: String(args.language ?? "python").toUpperCase(),
          code: String(args.code ?? ""),
          id: String(step.id),
        },
      };
      if (signature) out.sign(signature);
      out.part("model", part);
      return;
    }
    case "code_execution_result": {
      const result = Array.isArray(step.result) ? textOf(step.result) : String(step.result ?? "");
      out.part("model", {
        codeExecutionResult: {
          outcome: step.is_error === true ? "OUTCOME_FAILED" : "OUTCOME_OK",
          output: result,
          id: String(step.call_id),
        },
      });
      return;
    }
    default:
    // Server-side tool context (search, URL context, maps, file search, MCP, …): kept by the
    // service for its own use; generateContent's Content has no part for it.
  }
}
