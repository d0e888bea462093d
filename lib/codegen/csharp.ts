import type {
  Content,
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateImagesParameters,
} from "@google/genai";
import type { CodeRequest } from "./code-request";
import { CsConverter } from "./csharp-fields";
import { type CsNode, csString, printCs } from "./csharp-source";
import { commentLines } from "./literals";
import type { MediaFile } from "./media-files";
import { GEMINI_API_VERSION } from "./rest-body";

/**
 * C# with Google's Gen AI SDK for .NET (NuGet `Google.GenAI`), a top-level program as the
 * SDK's README writes it: a `Client` with the key from `GEMINI_API_KEY`, the conversation as a
 * `List<Content>`, a `GenerateContentConfig` whose every member is the SDK's typed property, and
 * `GenerateContentAsync` or, streamed, `await foreach` over `GenerateContentStreamAsync`. Files
 * are read from disk as `byte[]` or uploaded through `client.Files`. The person's own JSON
 * (schemas, function arguments and results) is parsed at run time from raw string literals, so
 * the program needs C# 11 (.NET 7) or later; the SDK itself needs .NET 8.
 */
export function csharpCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "//").map(
    // C# ends a line at U+0085 too; a comment must not.
    (line) => line.replace(/\u0085/g, " "),
  );
  const body =
    request.upstream.method === "generateImages"
      ? imagenProgram(request.upstream.params)
      : program(request, request.upstream.params, stream);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

const CLIENT = [
  "// The key is read from the GEMINI_API_KEY environment variable. Run calls the v1beta API, where",
  "// every setting is.",
  "var client = new Client(",
  '    apiKey: System.Environment.GetEnvironmentVariable("GEMINI_API_KEY"),',
  `    httpOptions: new HttpOptions { ApiVersion = "${GEMINI_API_VERSION}" });`,
];

function program(
  request: CodeRequest,
  params: GenerateContentParameters,
  stream: boolean,
): string[] {
  const { files } = request.media;
  const inline = files.filter((f) => !f.upload);
  const uploads = files.filter((f) => f.upload);
  const convert = new CsConverter(request.media);
  const contents = convert.records("Content", params.contents as Content[]);
  const settings = params.config as GenerateContentConfig | undefined;
  const config =
    settings && Object.keys(settings).length
      ? convert.record("GenerateContentConfig", settings)
      : undefined;
  const declared = request.declaresFunctions;
  const usings = [
    "System",
    "System.Collections.Generic",
    ...(convert.needs.json || declared ? ["System.Text.Json"] : []),
    ...(convert.needs.jsonNodes ? ["System.Text.Json.Nodes"] : []),
    ...(uploads.length ? ["System.Threading.Tasks"] : []),
    "Google.GenAI",
    "Google.GenAI.Types",
  ];
  const args = [
    `model: ${csString(params.model)}`,
    "contents: contents",
    ...(config ? ["config: config"] : []),
  ];
  return [
    ...usings.map((name) => `using ${name};`),
    "",
    ...CLIENT,
    "",
    ...fileLines(inline, uploads),
    ...assignment("contents", contents),
    ...(config ? assignment("config", config) : []),
    ...(stream ? streamOutput(args, declared) : output(args, declared)),
    ...(uploads.length ? ["", ...UPLOAD_FUNCTION] : []),
  ];
}

function assignment(name: string, node: CsNode): string[] {
  const opening = `var ${name} = `;
  return [`${opening}${printCs(node, 0, opening.length)};`, ""];
}

/** Declared at the end, as a top-level program's local functions may be. */
const UPLOAD_FUNCTION = [
  "// Uploads a file through the Files API and waits until Gemini has processed it.",
  "async Task<Google.GenAI.Types.File> UploadFile(string path, string mimeType)",
  "{",
  "    var file = await client.Files.UploadAsync(path, new UploadFileConfig { MimeType = mimeType });",
  "    while (file.State == FileState.Processing)",
  "    {",
  "        await Task.Delay(1000);",
  "        file = await client.Files.GetAsync(file.Name!);",
  "    }",
  '    if (file.State == FileState.Failed) throw new Exception(path + " could not be processed");',
  "    return file;",
  "}",
];

function fileLines(inline: MediaFile[], uploads: MediaFile[]): string[] {
  if (!inline.length && !uploads.length) return [];
  return [
    "// Files are read from the folder this runs in.",
    ...inline.map((f) => `var ${f.variable} = System.IO.File.ReadAllBytes(${csString(f.path)});`),
    ...uploads.map(
      (f) => `var ${f.variable} = await UploadFile(${csString(f.path)}, ${csString(f.mimeType)});`,
    ),
    "",
  ];
}

const CALLS_COMMENT = [
  "// A function call comes back in FunctionCalls: run it, then send this conversation again with",
  "// the model's turn and a user turn holding its result as a FunctionResponse part.",
];

const PRINT_CALL = 'Console.WriteLine($"{call.Name}({JsonSerializer.Serialize(call.Args)})");';

/** A call of `client.Models`, its named arguments on one line or one a line. */
function call(method: string, args: string[], prefix: string, suffix: string): string {
  const flat = `${prefix}client.Models.${method}(${args.join(", ")})${suffix}`;
  if (flat.length <= 100) return flat;
  return `${prefix}client.Models.${method}(\n    ${args.join(",\n    ")})${suffix}`;
}

function output(args: string[], declared: boolean): string[] {
  const request = call("GenerateContentAsync", args, "var response = await ", ";");
  if (!declared) return [request, "Console.WriteLine(response.Text);"];
  return [
    request,
    "",
    ...CALLS_COMMENT,
    "if (response.FunctionCalls is { } calls)",
    "{",
    "    foreach (var call in calls)",
    "    {",
    `        ${PRINT_CALL}`,
    "    }",
    "}",
    "Console.WriteLine(response.Text);",
  ];
}

function streamOutput(args: string[], declared: boolean): string[] {
  return [
    ...(declared ? CALLS_COMMENT : []),
    call("GenerateContentStreamAsync", args, "await foreach (var chunk in ", ")"),
    "{",
    ...(declared
      ? [
          "    if (chunk.FunctionCalls is { } calls)",
          "    {",
          "        foreach (var call in calls)",
          "        {",
          `            ${PRINT_CALL}`,
          "        }",
          "    }",
        ]
      : []),
    "    Console.Write(chunk.Text);",
    "}",
  ];
}

/** Imagen through the SDK's GenerateImagesAsync, which the Gemini API answers with `predict`. */
function imagenProgram(params: GenerateImagesParameters): string[] {
  const convert = new CsConverter({
    files: [],
    lookup: () => ({}),
    placeholder: () => undefined,
    embedded: () => undefined,
  });
  const settings = params.config ?? {};
  const config = Object.keys(settings).length
    ? convert.record("GenerateImagesConfig", settings)
    : undefined;
  const args = [
    `model: ${csString(params.model)}`,
    `prompt: ${csString(params.prompt)}`,
    ...(config ? ["config: config"] : []),
  ];
  return [
    "using System;",
    "using System.Collections.Generic;",
    "using Google.GenAI;",
    "using Google.GenAI.Types;",
    "",
    ...CLIENT,
    "",
    ...(config ? assignment("config", config) : []),
    call("GenerateImagesAsync", args, "var response = await ", ";"),
    "var number = 0;",
    "foreach (var generated in response.GeneratedImages ?? new List<GeneratedImage>())",
    "{",
    "    number++;",
    "    // A picture held back by the safety filters comes with RaiFilteredReason and no bytes.",
    "    if (generated.Image?.ImageBytes is not { } bytes)",
    "    {",
    "        Console.WriteLine(generated.RaiFilteredReason);",
    "        continue;",
    "    }",
    '    var file = $"image-{number}" + (generated.Image.MimeType == "image/jpeg" ? ".jpg" : ".png");',
    "    System.IO.File.WriteAllBytes(file, bytes);",
    "    Console.WriteLine(file);",
    "}",
  ];
}
