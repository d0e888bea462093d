/**
 * Chat messages as native contents, the way the compat layer hands them to generateContent:
 *   system, developer   → systemInstruction parts, in order (`{role: "user", parts}`, the shape
 *                          @google/genai sends for a system instruction, so the same conversation
 *                          gets the same answer through both doors)
 *   user                → a `user` content: text parts; `image_url` data: URLs and `input_audio`
 *                          ({data, format: wav|mp3}) as inlineData (`audio/wav`, `audio/mp3`)
 *   assistant           → a `model` content: its text, then one functionCall part per tool call
 *                          (`arguments` parsed as a JSON object), carrying the
 *                          `extra_content.google.thought_signature` it came with as
 *                          thoughtSignature (the message's own signature goes on its text)
 *   tool                → a functionResponse part named after the call `tool_call_id` points to;
 *                          consecutive tool messages share one `user` content, as Gemini wants the
 *                          responses to parallel calls together. Content that is a JSON object is
 *                          the response itself; anything else is wrapped as `{"content": …}`.
 * Problems come back as `* ChatCompletionRequest.messages[i]…` bullets (our wording; Google's for
 * these cases is not public).
 */
import type { JsonObject, JsonValue, WireContent, WirePart } from "@/lib/emulator/types";
import { isObject } from "@/lib/emulator/validation/request-body";
import type { ChatMessage } from "./chat-schema";

const ROLES = ["system", "developer", "user", "assistant", "tool"];
const AUDIO_FORMATS = ["wav", "mp3"];
const DATA_URL = /^data:([^;,]+)((?:;[^;,]*)*?);base64,(.*)$/s;

export interface TranslatedMessages {
  contents: WireContent[];
  systemInstruction?: WireContent;
}

class MessageReader {
  readonly problems: string[] = [];
  private readonly callNames = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  problem(path: string, text: string): void {
    this.problems.push(`* ${this.prefix}.${path}: ${text}\n`);
  }

  /** Text of a system, developer or tool message: a string or text parts. */
  text(content: unknown, path: string): string {
    if (typeof content === "string") return content;
    if (!Array.isArray(content)) {
      this.problem(`${path}.content`, "content must be a string or an array of content parts");
      return "";
    }
    return content
      .map((part, index) => {
        if (isObject(part) && part.type === "text" && typeof part.text === "string") {
          return part.text;
        }
        this.problem(`${path}.content[${index}]`, 'only parts of type "text" are allowed here');
        return "";
      })
      .join("\n");
  }

  userParts(content: unknown, path: string): WirePart[] {
    if (typeof content === "string") return [{ text: content }];
    if (!Array.isArray(content)) {
      this.problem(`${path}.content`, "content must be a string or an array of content parts");
      return [];
    }
    return content.flatMap((part, index) => this.userPart(part, `${path}.content[${index}]`));
  }

  private userPart(part: unknown, path: string): WirePart[] {
    if (!isObject(part)) {
      this.problem(path, "a content part must be an object");
      return [];
    }
    if (part.type === "text") {
      if (typeof part.text === "string") return [{ text: part.text }];
      this.problem(`${path}.text`, "text is not specified");
      return [];
    }
    if (part.type === "image_url") return this.image(part.image_url, `${path}.image_url`);
    if (part.type === "input_audio") return this.audio(part.input_audio, `${path}.input_audio`);
    this.problem(
      `${path}.type`,
      `unsupported content part type ${JSON.stringify(part.type ?? null)}; use text, image_url or input_audio`,
    );
    return [];
  }

  private image(value: JsonValue | undefined, path: string): WirePart[] {
    const url = isObject(value) ? value.url : undefined;
    if (typeof url !== "string" || url === "") {
      this.problem(`${path}.url`, "url is not specified");
      return [];
    }
    const match = DATA_URL.exec(url);
    if (!match) {
      this.problem(
        `${path}.url`,
        "the Gemini emulator reads images from data: URLs with base64 content only; it does not fetch URLs",
      );
      return [];
    }
    return [{ inlineData: { mimeType: match[1] ?? "", data: match[3] ?? "" } }];
  }

  private audio(value: JsonValue | undefined, path: string): WirePart[] {
    if (!isObject(value) || typeof value.data !== "string") {
      this.problem(`${path}.data`, "data is not specified");
      return [];
    }
    const format = value.format;
    if (typeof format !== "string" || !AUDIO_FORMATS.includes(format)) {
      this.problem(`${path}.format`, `format must be one of ${AUDIO_FORMATS.join(", ")}`);
      return [];
    }
    return [{ inlineData: { mimeType: `audio/${format}`, data: value.data } }];
  }

  assistantParts(message: ChatMessage, path: string): WirePart[] {
    const parts: WirePart[] = [];
    const content = message.content;
    if (content !== undefined && content !== null) {
      const text = this.text(content, path);
      if (text !== "") {
        const part: WirePart = { text };
        const signature = message.extra_content?.google?.thought_signature;
        if (signature) part.thoughtSignature = signature;
        parts.push(part);
      }
    }
    (message.tool_calls ?? []).forEach((call, index) => {
      const at = `${path}.tool_calls[${index}]`;
      const name = call.function?.name;
      if (!name) {
        this.problem(`${at}.function.name`, "name is not specified");
        return;
      }
      const args = this.arguments(call.function?.arguments, `${at}.function.arguments`);
      if (call.id) this.callNames.set(call.id, name);
      const part: WirePart = { functionCall: { name, args } };
      const signature = call.extra_content?.google?.thought_signature;
      if (signature) part.thoughtSignature = signature;
      parts.push(part);
    });
    return parts;
  }

  private arguments(raw: string | undefined, path: string): JsonObject {
    if (raw === undefined || raw.trim() === "") return {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isObject(parsed)) return parsed;
    } catch {
      // Reported below.
    }
    this.problem(path, "arguments must be a JSON object");
    return {};
  }

  toolResponse(message: ChatMessage, path: string): WirePart | undefined {
    const id = message.tool_call_id;
    const name = (id && this.callNames.get(id)) || message.name;
    if (!name) {
      this.problem(
        `${path}.tool_call_id`,
        id ? `no earlier assistant tool call has the id ${JSON.stringify(id)}` : "is not specified",
      );
      return undefined;
    }
    const text = this.text(message.content, path);
    return { functionResponse: { name, response: toolResult(text) } };
  }
}

function toolResult(text: string): JsonObject {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
  } catch {
    // Not JSON: wrapped below.
  }
  return { content: text };
}

export function translateMessages(messages: ChatMessage[], prefix: string) {
  const reader = new MessageReader(prefix);
  const contents: WireContent[] = [];
  const system: WirePart[] = [];
  let toolTurn: WireContent | undefined;
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    const role = message.role;
    if (role === undefined || !ROLES.includes(role)) {
      reader.problem(
        `${path}.role`,
        `invalid role ${JSON.stringify(role ?? "")}; use one of ${ROLES.join(", ")}`,
      );
      return;
    }
    if (role !== "tool") toolTurn = undefined;
    if (role === "system" || role === "developer") {
      system.push({ text: reader.text(message.content, path) });
    } else if (role === "user") {
      contents.push({ role: "user", parts: reader.userParts(message.content, path) });
    } else if (role === "assistant") {
      contents.push({ role: "model", parts: reader.assistantParts(message, path) });
    } else {
      const part = reader.toolResponse(message, path);
      if (!part) return;
      if (toolTurn) toolTurn.parts.push(part);
      else {
        toolTurn = { role: "user", parts: [part] };
        contents.push(toolTurn);
      }
    }
  });
  const result: TranslatedMessages = { contents };
  if (system.length > 0) result.systemInstruction = { role: "user", parts: system };
  return { result, problems: reader.problems };
}
