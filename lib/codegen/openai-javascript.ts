import type { CodeRequest } from "./code-request";
import { compatBody, fileExpression, OPENAI_BASE_URL } from "./door-body";
import { fileLines } from "./javascript";
import { commentLines, printLiteral, quoteString } from "./literals";

/**
 * JavaScript with the official `openai` package on Google's OpenAI-compatible endpoint, as
 * Google's docs write it: the key from `GEMINI_API_KEY`, the body Run sends through that door
 * (`toCompatChatRequest`). The client puts the body on the wire as it is given, so Gemini's own
 * `extra_body.google` travels as a field named `extra_body`, where the endpoint reads it. Files
 * are read from disk and sent inline: the endpoint has no other way to take them.
 */
export function openaiJavascriptCode(
  request: CodeRequest,
  notes: string[],
  stream: boolean,
): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "//");
  const body =
    request.upstream.method === "generateImages"
      ? [IMAGEN_LINE]
      : program(request, request.upstream.params, stream);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

export const IMAGEN_LINE =
  "// Imagen models answer only through the Gemini API: its tabs have the code for them.";

function program(
  request: CodeRequest,
  params: Parameters<typeof compatBody>[0],
  stream: boolean,
): string[] {
  const { files } = request.media;
  const expression = fileExpression(request.media, quoteString, (f) => f.variable);
  const call = `  const ${stream ? "stream" : "response"} = await openai.chat.completions.create(`;
  const literal = printLiteral(
    compatBody(params, stream),
    { syntax: "js", expression },
    2,
    call.length,
  );
  return [
    ...(files.length ? ['import * as fs from "node:fs";'] : []),
    'import OpenAI from "openai";',
    "",
    "// Google's OpenAI-compatible endpoint, with the key from the GEMINI_API_KEY environment variable.",
    "const openai = new OpenAI({",
    "  apiKey: process.env.GEMINI_API_KEY,",
    `  baseURL: ${quoteString(OPENAI_BASE_URL)},`,
    "});",
    "",
    "async function main() {",
    ...fileLines(files, []),
    `${call}${literal});`,
    ...(stream ? streamOutput(request.declaresFunctions) : output(request.declaresFunctions)),
    "}",
    "",
    "main();",
  ];
}

const CALLS_COMMENT = [
  "  // A function call comes back in tool_calls: run it, then send these messages again with the",
  "  // assistant's message and a tool message holding its result.",
];

function output(declared: boolean): string[] {
  return [
    "  const { message } = response.choices[0];",
    ...(declared ? CALLS_COMMENT : []),
    `  console.log(${declared ? "message.tool_calls ?? " : ""}message.content);`,
  ];
}

function streamOutput(declared: boolean): string[] {
  return [
    ...(declared ? CALLS_COMMENT : []),
    "  for await (const chunk of stream) {",
    "    const delta = chunk.choices[0]?.delta;",
    ...(declared
      ? ["    if (delta?.tool_calls) console.log(JSON.stringify(delta.tool_calls));"]
      : []),
    "    if (delta?.content) process.stdout.write(delta.content);",
    "  }",
  ];
}
