import type { CodeRequest } from "./code-request";
import { fileExpression, interactionBody } from "./door-body";
import { fileLines, UPLOAD_FUNCTION } from "./javascript";
import { commentLines, printLiteral, quoteString } from "./literals";
import { IMAGEN_LINE } from "./openai-javascript";
import { GEMINI_API_VERSION } from "./rest-body";

/**
 * JavaScript with the Gen AI SDK's Interactions client (`ai.interactions.create`), the body Run
 * sends through that door (`toInteractionBody`): the whole conversation as steps, nothing stored
 * on Google's side. Files are read from disk: small ones as base64 `data`, large ones uploaded
 * through the Files API first and sent by `uri`.
 */
export function interactionsCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "//");
  const body =
    request.upstream.method === "generateImages"
      ? [IMAGEN_LINE]
      : program(request, request.upstream.params, stream);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

function program(
  request: CodeRequest,
  params: Parameters<typeof interactionBody>[0],
  stream: boolean,
): string[] {
  const { files } = request.media;
  const inline = files.filter((f) => !f.upload);
  const uploads = files.filter((f) => f.upload);
  const expression = fileExpression(request.media, quoteString, (f) =>
    f.upload ? `${f.variable}.uri` : f.variable,
  );
  const { background } = request;
  const name = background ? "created" : stream ? "stream" : "interaction";
  const call = `  const ${name} = await ai.interactions.create(`;
  const literal = printLiteral(
    interactionBody(params, stream, request),
    { syntax: "js", expression },
    2,
    call.length,
  );
  return [
    ...(inline.length ? ['import * as fs from "node:fs";'] : []),
    'import { GoogleGenAI } from "@google/genai";',
    "",
    "// The client reads the API key from the GEMINI_API_KEY environment variable.",
    `const ai = new GoogleGenAI({ apiVersion: "${GEMINI_API_VERSION}" });`,
    "",
    ...(uploads.length ? [...UPLOAD_FUNCTION, ""] : []),
    "async function main() {",
    ...fileLines(inline, uploads),
    `${call}${literal});`,
    ...(background ? (stream ? BACKGROUND_STREAM : BACKGROUND_WAIT) : []),
    ...(stream ? streamOutput(request.declaresFunctions) : output(request.declaresFunctions)),
    "}",
    "",
    "main();",
  ];
}

/**
 * A background interaction answers at once with its id and goes on at Google: its events are
 * read from it (a broken stream is resumed with `last_event_id`), or it is asked until it ends.
 */
const BACKGROUND_STREAM = [
  "  // It runs at Google whether or not this program stays: read its events as they come.",
  "  const stream = await ai.interactions.get(created.id, { stream: true });",
];

const BACKGROUND_WAIT = [
  "  // It runs at Google whether or not this program stays: ask until it has ended.",
  "  let interaction = created;",
  '  while (interaction.status === "in_progress") {',
  "    await new Promise((resolve) => setTimeout(resolve, 5000));",
  "    interaction = await ai.interactions.get(created.id);",
  "  }",
];

function output(declared: boolean): string[] {
  return [
    "  for (const step of interaction.steps ?? []) {",
    '    if (step.type === "model_output") {',
    "      for (const content of step.content ?? []) {",
    '        if (content.type === "text") console.log(content.text);',
    "      }",
    "    }",
    ...(declared
      ? [
          "    // A function call is a step: run it, then send these steps again with it and a",
          "    // function_result step holding its result.",
          '    if (step.type === "function_call") console.log(step.name, step.arguments);',
        ]
      : []),
    "  }",
  ];
}

function streamOutput(declared: boolean): string[] {
  return [
    "  for await (const event of stream) {",
    "    // An answer's step may open with text already in it, and grows by text deltas.",
    '    if (event.event_type === "step.start" && event.step?.type === "model_output") {',
    "      for (const content of event.step.content ?? []) {",
    "        if (content.text) process.stdout.write(content.text);",
    "      }",
    "    }",
    '    if (event.event_type === "step.delta" && event.delta?.type === "text") {',
    "      process.stdout.write(event.delta.text);",
    "    }",
    ...(declared
      ? [
          "    // A function call is a step: run it, then send these steps again with it and a",
          "    // function_result step holding its result.",
          '    if (event.event_type === "step.start" && event.step?.type === "function_call") {',
          '      console.log("function call:", event.step.name);',
          "    }",
        ]
      : []),
    "  }",
  ];
}
