import type { GenerateContentParameters } from "@google/genai";
import type { CodeRequest } from "./code-request";
import { compatBody, fileExpression, OPENAI_BASE_URL } from "./door-body";
import { commentLines, quoteString } from "./literals";
import { pythonCall } from "./python-source";

/**
 * Python with the official `openai` package on Google's OpenAI-compatible endpoint, as Google's
 * docs write it: `OpenAI(api_key=…, base_url=…)` and `chat.completions.create` with the body Run
 * sends through that door (`toCompatChatRequest`) as keyword arguments of the same names. The
 * Python client merges its own `extra_body` argument into the top of the JSON, so Gemini's
 * `extra_body` field is passed inside it: `extra_body={"extra_body": {"google": …}}`.
 */
export function openaiPythonCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "#");
  const body =
    request.upstream.method === "generateImages"
      ? ["# Imagen models answer only through the Gemini API: its tabs have the code for them."]
      : program(request, request.upstream.params, stream);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

/** The body as the Python client's arguments: every field by its name, `extra_body` wrapped. */
export function compatArguments(body: object): [string, unknown][] {
  return Object.entries(body).map(([key, value]) =>
    key === "extra_body" ? [key, { extra_body: value }] : [key, value],
  );
}

function program(
  request: CodeRequest,
  params: GenerateContentParameters,
  stream: boolean,
): string[] {
  const { files } = request.media;
  const expression = fileExpression(request.media, quoteString, (f) => f.variable);
  const call = pythonCall(
    "client.chat.completions.create",
    compatArguments(compatBody(params, stream)),
    0,
    expression,
  );
  return [
    ...(files.length ? ["import base64"] : []),
    "import os",
    ...(files.length ? ["import pathlib"] : []),
    "",
    "from openai import OpenAI",
    "",
    "# Google's OpenAI-compatible endpoint, with the key from the GEMINI_API_KEY environment variable.",
    "client = OpenAI(",
    '    api_key=os.environ["GEMINI_API_KEY"],',
    `    base_url=${quoteString(OPENAI_BASE_URL)},`,
    ")",
    "",
    ...(files.length
      ? [
          "# Files are read from the folder this runs in, and sent inline as base64.",
          ...files.map(
            (f) =>
              `${f.variable} = base64.b64encode(pathlib.Path(${quoteString(f.path)}).read_bytes()).decode()`,
          ),
          "",
        ]
      : []),
    `${stream ? "stream" : "response"} = ${call}`,
    ...(stream ? streamOutput(request.declaresFunctions) : output(request.declaresFunctions)),
  ];
}

const CALLS_COMMENT = [
  "# A function call comes back in tool_calls: run it, then send these messages again with the",
  "# assistant's message and a tool message holding its result.",
];

function output(declared: boolean): string[] {
  return [
    "message = response.choices[0].message",
    ...(declared ? CALLS_COMMENT : []),
    `print(${declared ? "message.tool_calls or " : ""}message.content)`,
  ];
}

function streamOutput(declared: boolean): string[] {
  return [
    ...(declared ? CALLS_COMMENT : []),
    "for chunk in stream:",
    "    # The last chunk has no choices, only the usage.",
    "    delta = chunk.choices[0].delta if chunk.choices else None",
    ...(declared ? ["    if delta and delta.tool_calls:", "        print(delta.tool_calls)"] : []),
    "    if delta and delta.content:",
    '        print(delta.content, end="")',
  ];
}
