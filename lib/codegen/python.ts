import type {
  Content,
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateImagesParameters,
} from "@google/genai";
import type { CodeRequest } from "./code-request";
import { fileExpression } from "./door-body";
import { declaredFunctions } from "./function-stubs";
import { commentLines, quoteString } from "./literals";
import type { MediaFile } from "./media-files";
import { callLoop, functionDefinitions } from "./python-functions";
import { type PythonArgs, PythonSource, pythonCall, snakeCase } from "./python-source";
import { GEMINI_API_VERSION } from "./rest-body";

/**
 * Python with the Gen AI SDK (`google-genai`), written as Google's docs write it: `genai.Client()`
 * reading `GEMINI_API_KEY`, `types.GenerateContentConfig` with the snake_case name of each of the
 * request's settings, the conversation as dicts under the same names. Where the JavaScript SDK
 * takes base64 text (file bytes, thought signatures) the Python SDK takes `bytes`.
 *
 * Declared functions are answered by a loop of the program's own (`python-functions.ts`), the
 * manual loop of Google's docs, not by the SDK's automatic function calling: that one takes
 * Python functions as tools and declares them from their signatures and docstrings, so the
 * request it sends would not be Run's (nor the prompt's declarations).
 */
export function pythonCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "#");
  const body =
    request.upstream.method === "generateImages"
      ? imagenProgram(request.upstream.params)
      : program(request, request.upstream.params, stream);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

/** Values that are the person's own data, whose keys are not the SDK's fields. */
const DATA_KEYS = new Set(["args", "response", "responseJsonSchema", "parametersJsonSchema"]);
/** Fields the Python SDK types as `bytes`, given here as base64 text. */
const BYTES_KEYS = new Set(["thoughtSignature"]);

/** The SDK's fields by their Python names, the person's data as it is. */
export function toPythonNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPythonNames);
  if (value === null || typeof value !== "object" || value instanceof PythonSource) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (DATA_KEYS.has(key)) return [snakeCase(key), item];
      if (BYTES_KEYS.has(key) && typeof item === "string") {
        // Either alphabet: Gemini 3's stand-in signature is URL-safe ("…_is_the_way_to_go").
        const bytes = `base64.b64decode(${quoteString(item)}, altchars="-_")`;
        return [snakeCase(key), new PythonSource(bytes)];
      }
      return [snakeCase(key), toPythonNames(item)];
    }),
  );
}

function program(
  request: CodeRequest,
  params: GenerateContentParameters,
  stream: boolean,
): string[] {
  const { files } = request.media;
  const inline = files.filter((f) => !f.upload);
  const uploads = files.filter((f) => f.upload);
  const expression = fileExpression(request.media, quoteString, (f) =>
    f.upload ? `${f.variable}.uri` : f.variable,
  );
  const config = params.config ?? {};
  const contents = toPythonNames(params.contents as Content[]);
  const signed = JSON.stringify(params.contents).includes('"thoughtSignature"');
  const settings: PythonArgs = Object.entries(config as GenerateContentConfig).map(
    ([key, value]) => [snakeCase(key), DATA_KEYS.has(key) ? value : toPythonNames(value)],
  );
  const configCall = (indent: number) =>
    settings.length
      ? new PythonSource(pythonCall("types.GenerateContentConfig", settings, indent, expression))
      : undefined;
  const method = `client.models.${stream ? "generate_content_stream" : "generate_content"}`;
  const functions = request.declaresFunctions ? declaredFunctions(params) : [];
  const taken = new Set(files.map((f) => f.variable));
  return [
    ...(signed ? ["import base64"] : []),
    ...(inline.length ? ["import pathlib"] : []),
    ...(uploads.length ? ["import time"] : []),
    ...(signed || inline.length || uploads.length ? [""] : []),
    "from google import genai",
    "from google.genai import types",
    "",
    "# The client reads the API key from the GEMINI_API_KEY environment variable. Run calls the",
    "# v1beta API, where every setting is.",
    `client = genai.Client(http_options=types.HttpOptions(api_version="${GEMINI_API_VERSION}"))`,
    "",
    // Two blank lines around a function, as PEP 8 has them.
    ...(uploads.length ? [...UPLOAD_FUNCTION, "", ""] : functions.length ? [""] : []),
    ...(functions.length ? functionDefinitions(functions, taken, stream) : []),
    ...fileLines(inline, uploads),
    ...(functions.length
      ? callLoop(method, params.model, contents, configCall(0), stream, expression)
      : [
          `${stream ? "stream" : "response"} = ${pythonCall(
            method,
            [
              ["model", params.model],
              ["contents", contents],
              ["config", configCall(4)],
            ],
            0,
            expression,
          )}`,
          ...(stream
            ? ["for chunk in stream:", "    if chunk.text:", '        print(chunk.text, end="")']
            : ["print(response.text)"]),
        ]),
  ];
}

const UPLOAD_FUNCTION = [
  "def upload_file(path, mime_type):",
  '    """Uploads a file through the Files API and waits until Gemini has processed it."""',
  '    file = client.files.upload(file=path, config={"mime_type": mime_type})',
  '    while file.state.name == "PROCESSING":',
  "        time.sleep(1)",
  "        file = client.files.get(name=file.name)",
  '    if file.state.name == "FAILED":',
  '        raise RuntimeError(path + " could not be processed")',
  "    return file",
];

function fileLines(inline: MediaFile[], uploads: MediaFile[]): string[] {
  if (!inline.length && !uploads.length) return [];
  return [
    "# Files are read from the folder this runs in.",
    ...inline.map((f) => `${f.variable} = pathlib.Path(${quoteString(f.path)}).read_bytes()`),
    ...uploads.map(
      (f) => `${f.variable} = upload_file(${quoteString(f.path)}, ${quoteString(f.mimeType)})`,
    ),
    "",
  ];
}

/** Imagen through the SDK's generate_images, as Google's Imagen docs for Python write it. */
function imagenProgram(params: GenerateImagesParameters): string[] {
  const config = Object.entries(params.config ?? {}).map(
    ([key, value]) => [snakeCase(key), value] as [string, unknown],
  );
  const call = pythonCall(
    "client.models.generate_images",
    [
      ["model", params.model],
      ["prompt", params.prompt],
      [
        "config",
        config.length
          ? new PythonSource(pythonCall("types.GenerateImagesConfig", config, 4))
          : undefined,
      ],
    ],
    0,
  );
  return [
    "from google import genai",
    "from google.genai import types",
    "",
    "# The client reads the API key from the GEMINI_API_KEY environment variable.",
    "client = genai.Client()",
    "",
    `response = ${call}`,
    "for i, generated in enumerate(response.generated_images or []):",
    '    file = f"image-{i + 1}.png"',
    "    generated.image.save(file)",
    "    print(file)",
  ];
}
