import type { CodeRequest } from "./code-request";
import { compatBody, fileExpression, OPENAI_BASE_URL } from "./door-body";
import { commentLines, hereDocJson, printLiteral, quoteString, shellWord } from "./literals";

/**
 * curl on Google's OpenAI-compatible endpoint, as Google's docs write it: the key as a bearer
 * token from `$GEMINI_API_KEY`, the body Run sends through that door (`toCompatChatRequest`) on
 * standard input from a here-document. Files are base64-encoded into the body where the script
 * runs: the endpoint takes them inline only.
 */
export function openaiRestCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "#");
  if (request.upstream.method === "generateImages") {
    return ["#!/usr/bin/env bash", ...header, IMAGEN_LINE, ""].join("\n");
  }
  const { files } = request.media;
  const body = compatBody(request.upstream.params, stream);
  const variable = (file: { variable: string }) => file.variable.toUpperCase();
  // Inside a JSON string: the rest of the string is escaped for the here-document around it.
  const substitution = (file: { variable: string }) =>
    `$(base64 < "$${variable(file)}" | tr -d '\\n')`;
  const quote = (text: string) => hereDocJson(quoteString(text));
  const expression = fileExpression(request.media, quote, (f) => `"${substitution(f)}"`);
  // A data: URL is one JSON string, so its pieces are joined inside the quotes, not with `+`.
  const inString = (value: unknown): string | undefined => {
    const inside = request.media.embedded(value);
    if (!inside || request.media.placeholder(value)) return expression(value);
    return `${quote(inside.before).slice(0, -1)}${substitution(inside.file)}${quote(inside.after).slice(1)}`;
  };
  const json = files.length
    ? printLiteral(body, { syntax: "json", expression: inString, escape: hereDocJson })
    : printLiteral(body, { syntax: "json" });
  return [
    "#!/usr/bin/env bash",
    ...header,
    "set -euo pipefail",
    "",
    ...(files.length
      ? [
          "# Files are read from the folder this runs in.",
          ...files.map((f) => `${variable(f)}=${shellWord(f.path)}`),
          "",
        ]
      : []),
    `curl ${shellWord(`${OPENAI_BASE_URL}chat/completions`)} \\`,
    '  -H "Authorization: Bearer $GEMINI_API_KEY" \\',
    '  -H "Content-Type: application/json" \\',
    ...(stream ? ["  --no-buffer \\"] : []),
    `  --data-binary @- <<${files.length ? "EOF" : "'EOF'"}`,
    json,
    "EOF",
    "",
  ].join("\n");
}

const IMAGEN_LINE =
  "# Imagen models answer only through the Gemini API: its tabs have the code for them.";
