import type { GenerateContentParameters, GenerateImagesParameters } from "@google/genai";
import type { CodeRequest } from "./code-request";
import { declaredFunctions } from "./function-stubs";
import { callLoop, functionDefinitions } from "./javascript-functions";
import { commentLines, printLiteral, quoteString } from "./literals";
import type { MediaFile } from "./media-files";
import { GEMINI_API_VERSION, predictUrl, toPredictBody } from "./rest-body";

/**
 * JavaScript with the Gen AI SDK (`@google/genai`), written as Google's docs write it: a client
 * that reads `GEMINI_API_KEY` (and `GOOGLE_GEMINI_BASE_URL`, when set) from the environment on
 * its own, and the very parameters Run passes to `generateContent`. Files are read from disk:
 * small ones as base64 `inlineData`, large ones uploaded through the Files API first.
 */
export function javascriptCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "//");
  const body =
    request.upstream.method === "generateImages"
      ? imagenProgram(request.upstream.params)
      : generateContentProgram(request, request.upstream.params, stream);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

function generateContentProgram(
  request: CodeRequest,
  params: GenerateContentParameters,
  stream: boolean,
): string[] {
  const { files, placeholder } = request.media;
  const inline = files.filter((f) => !f.upload);
  const uploads = files.filter((f) => f.upload);
  const expression = (value: unknown): string | undefined => {
    const file = placeholder(value);
    if (file) return file.upload ? `${file.variable}.uri` : file.variable;
    const uri = fileDataPart(value);
    const uploaded = uri && placeholder(uri.fileUri);
    if (uri && uploaded) {
      return `createPartFromUri(${uploaded.variable}.uri, ${quoteString(String(uri.mimeType))})`;
    }
    return undefined;
  };
  const call = `  const response = await ai.models.${stream ? "generateContentStream" : "generateContent"}(`;
  const functions = request.declaresFunctions ? declaredFunctions(params) : [];
  return [
    ...(inline.length ? ['import * as fs from "node:fs";'] : []),
    `import { ${uploads.length ? "createPartFromUri, " : ""}GoogleGenAI } from "@google/genai";`,
    "",
    "// The client reads the API key from the GEMINI_API_KEY environment variable. Run calls the",
    "// v1beta API, where every setting is; the SDK's default is v1.",
    `const ai = new GoogleGenAI({ apiVersion: "${GEMINI_API_VERSION}" });`,
    "",
    ...(uploads.length ? [...UPLOAD_FUNCTION, ""] : []),
    ...(functions.length ? [...functionDefinitions(functions, stream), ""] : []),
    "async function main() {",
    ...fileLines(inline, uploads),
    ...(functions.length
      ? callLoop(params, stream, expression)
      : [
          `${call}${printLiteral(params, { syntax: "js", expression }, 2, call.length)});`,
          ...(stream ? STREAM_OUTPUT : ["  console.log(response.text);"]),
        ]),
    "}",
    "",
    "main();",
  ];
}

const STREAM_OUTPUT = [
  "  for await (const chunk of response) {",
  "    if (chunk.text) process.stdout.write(chunk.text);",
  "  }",
];

/** `{ fileData: { fileUri, mimeType } }` and nothing else: what `createPartFromUri` makes. */
function fileDataPart(value: unknown): { fileUri: unknown; mimeType: unknown } | undefined {
  if (value === null || typeof value !== "object" || Object.keys(value).join() !== "fileData") {
    return undefined;
  }
  return (value as { fileData: { fileUri: unknown; mimeType: unknown } }).fileData;
}

export const UPLOAD_FUNCTION = [
  "// Uploads a file through the Files API and waits until Gemini has processed it.",
  "async function uploadFile(path, mimeType) {",
  "  let file = await ai.files.upload({ file: path, config: { mimeType } });",
  '  while (file.state === "PROCESSING") {',
  "    await new Promise((resolve) => setTimeout(resolve, 1000));",
  "    file = await ai.files.get({ name: file.name });",
  "  }",
  '  if (file.state === "FAILED") throw new Error(path + " could not be processed");',
  "  return file;",
  "}",
];

export function fileLines(inline: MediaFile[], uploads: MediaFile[]): string[] {
  if (!inline.length && !uploads.length) return [];
  return [
    "  // Files are read from the folder this runs in.",
    ...inline.map(
      (f) =>
        `  const ${f.variable} = fs.readFileSync(${quoteString(f.path)}, { encoding: "base64" });`,
    ),
    ...uploads.map(
      (f) =>
        `  const ${f.variable} = await uploadFile(${quoteString(f.path)}, ${quoteString(f.mimeType)});`,
    ),
    "",
  ];
}

/** Imagen answers `predict` over REST: the SDK's generateImages reaches it only on Vertex AI. */
function imagenProgram(params: GenerateImagesParameters): string[] {
  const opening = "    body: JSON.stringify(";
  const body = printLiteral(toPredictBody(params), { syntax: "js" }, 4, opening.length);
  return [
    'import * as fs from "node:fs";',
    "",
    "// Imagen is the Gemini API's REST method predict: the SDK's generateImages calls it only on",
    "// Vertex AI.",
    "const response = await fetch(",
    `  ${JSON.stringify(predictUrl(params.model))},`,
    "  {",
    '    method: "POST",',
    '    headers: { "x-goog-api-key": process.env.GEMINI_API_KEY, "Content-Type": "application/json" },',
    `${opening}${body}),`,
    "  },",
    ");",
    "if (!response.ok) throw new Error(await response.text());",
    "const { predictions = [] } = await response.json();",
    "predictions.forEach((prediction, i) => {",
    "  // A picture held back by the safety filters comes with raiFilteredReason and no bytes.",
    "  if (!prediction.bytesBase64Encoded) return console.log(prediction.raiFilteredReason);",
    '  const file = "image-" + (i + 1) + (prediction.mimeType === "image/jpeg" ? ".jpg" : ".png");',
    '  fs.writeFileSync(file, Buffer.from(prediction.bytesBase64Encoded, "base64"));',
    "  console.log(file);",
    "});",
  ];
}
