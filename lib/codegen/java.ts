import type { Content, GenerateContentParameters, GenerateImagesParameters } from "@google/genai";
import type { CodeRequest } from "./code-request";
import { type JavaRequest, toJava } from "./java-sdk";
import {
  JavaCall,
  type JavaValue,
  javaComments,
  javaString,
  printJava,
  typesIn,
} from "./java-source";
import type { MediaFile } from "./media-files";
import { GEMINI_API_VERSION } from "./rest-body";

/**
 * Java with the Gen AI SDK (com.google.genai:google-genai), written as its examples write it:
 * one class with a `main`, a `Client` built with the key from `GEMINI_API_KEY`, the conversation
 * as `Content` and `Part` builders and every setting as a `GenerateContentConfig` setter. The SDK
 * takes bytes where the JavaScript SDK takes base64 text (files, thought signatures), and the
 * person's own JSON as maps, parsed here from text blocks (Java 15 and later) with the Jackson
 * the SDK depends on.
 */
export function javaCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const java: JavaRequest = { media: request.media, unsent: [], imports: new Set() };
  const body =
    request.upstream.method === "generateImages"
      ? imagenProgram(request.upstream.params, java)
      : program(request, request.upstream.params, stream, java);
  const header = javaComments([
    ...(request.title ? [request.title] : []),
    ...notes,
    ...unsentNotes(java.unsent),
  ]);
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

/** What the Java SDK's types have no field for, named with its values. */
function unsentNotes(unsent: JavaRequest["unsent"]): string[] {
  if (!unsent.length) return [];
  const values = unsent.map((u) => JSON.stringify(u.value)).join(", ");
  return [
    `The Java SDK's ExecutableCode and CodeExecutionResult have no id: the ids of this conversation's code execution steps (${values}) are not sent.`,
  ];
}

const PACKAGES: Readonly<Record<string, string>> = {
  Client: "com.google.genai",
  ResponseStream: "com.google.genai",
  ObjectMapper: "com.fasterxml.jackson.databind",
  Base64: "java.util",
  List: "java.util",
  StandardCharsets: "java.nio.charset",
  Files: "java.nio.file",
  Path: "java.nio.file",
};

function imports(types: Iterable<string>): string[] {
  const lines = [...new Set(types)].map(
    (type) => `import ${PACKAGES[type] ?? "com.google.genai.types"}.${type};`,
  );
  return lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const CLIENT = [
  "    // The key comes from the GEMINI_API_KEY environment variable. Run calls the v1beta API,",
  "    // where every setting is.",
  "    Client client = Client.builder()",
  '        .apiKey(System.getenv("GEMINI_API_KEY"))',
  `        .httpOptions(HttpOptions.builder().apiVersion("${GEMINI_API_VERSION}").build())`,
  "        .build();",
];

function program(
  request: CodeRequest,
  params: GenerateContentParameters,
  stream: boolean,
  java: JavaRequest,
): string[] {
  const { files } = request.media;
  const inline = files.filter((f) => !f.upload);
  const uploads = files.filter((f) => f.upload);
  const turns = (params.contents as Content[]).map((turn) => toJava("Content", turn, java));
  const contents = new JavaCall("List.of", turns);
  const settings = Object.keys(params.config ?? {}).length
    ? toJava("GenerateContentConfig", params.config ?? {}, java)
    : undefined;
  const body = [
    ...fileLines(inline, uploads),
    statement("List<Content> contents", contents),
    ...(settings ? ["", statement("GenerateContentConfig config", settings)] : []),
    "",
    ...(stream
      ? streamOutput(params.model, !!settings, request.declaresFunctions)
      : output(params.model, !!settings, request.declaresFunctions)),
  ];
  const types = new Set([
    "Client",
    "HttpOptions",
    "List",
    "GenerateContentResponse",
    ...typesIn(contents),
    ...(settings ? typesIn(settings) : []),
    ...(stream ? ["ResponseStream"] : []),
    ...(request.declaresFunctions ? ["FunctionCall"] : []),
    ...(inline.length ? ["Files", "Path"] : []),
    ...(uploads.length ? ["File", "FileState", "UploadFileConfig"] : []),
    ...java.imports,
  ]);
  return [
    ...imports(types),
    "",
    "// Needs Java 17 or later and the Gen AI SDK (Maven: com.google.genai:google-genai).",
    "class Main {",
    "  public static void main(String[] args) throws Exception {",
    ...CLIENT,
    "",
    ...body,
    "  }",
    ...(uploads.length ? ["", ...UPLOAD_FUNCTION] : []),
    ...(types.has("ObjectMapper") ? ["", ...JSON_FUNCTION] : []),
    "}",
  ];
}

/** `Type name = value;` at the method's indent, the value after the `=` when it fits. */
function statement(declaration: string, value: JavaValue): string {
  const head = `    ${declaration} = `;
  return `${head}${printJava(value, 4, head.length)};`;
}

function fileLines(inline: MediaFile[], uploads: MediaFile[]): string[] {
  if (!inline.length && !uploads.length) return [];
  return [
    "    // Files are read from the folder this runs in.",
    ...inline.map(
      (f) => `    byte[] ${f.variable} = Files.readAllBytes(Path.of(${javaString(f.path)}));`,
    ),
    ...uploads.map(
      (f) =>
        `    File ${f.variable} = uploadFile(client, ${javaString(f.path)}, ${javaString(f.mimeType)});`,
    ),
    "",
  ];
}

function call(method: string, model: string, settings: boolean): string {
  return `client.models.${method}(${javaString(model)}, contents, ${settings ? "config" : "null"})`;
}

const CALLS_COMMENT = [
  "    // A function call comes back in functionCalls(): run it, then send this conversation again",
  "    // with the model's turn and a user turn holding its result as a functionResponse part.",
];

function output(model: string, settings: boolean, declared: boolean): string[] {
  const head = "    GenerateContentResponse response = ";
  const request = call("generateContent", model, settings);
  return [
    ...(head.length + request.length < 100
      ? [`${head}${request};`]
      : [`${head.trimEnd()}`, `        ${request};`]),
    ...(declared
      ? [
          ...CALLS_COMMENT,
          "    List<FunctionCall> calls = response.functionCalls();",
          "    System.out.println(calls != null && !calls.isEmpty() ? calls : response.text());",
        ]
      : ["    System.out.println(response.text());"]),
  ];
}

function streamOutput(model: string, settings: boolean, declared: boolean): string[] {
  return [
    ...(declared ? CALLS_COMMENT : []),
    "    try (ResponseStream<GenerateContentResponse> stream =",
    `        ${call("generateContentStream", model, settings)}) {`,
    "      for (GenerateContentResponse chunk : stream) {",
    ...(declared
      ? [
          "        List<FunctionCall> calls = chunk.functionCalls();",
          "        if (calls != null && !calls.isEmpty()) {",
          "          System.out.println(calls);",
          "        } else if (chunk.text() != null) {",
          "          System.out.print(chunk.text());",
          "        }",
        ]
      : [
          "        if (chunk.text() != null) {",
          "          System.out.print(chunk.text());",
          "        }",
        ]),
    "      }",
    "    }",
    "    System.out.println();",
  ];
}

const UPLOAD_FUNCTION = [
  "  /** Uploads a file through the Files API and waits until Gemini has processed it. */",
  "  static File uploadFile(Client client, String path, String mimeType) throws Exception {",
  "    File file = client.files.upload(path, UploadFileConfig.builder().mimeType(mimeType).build());",
  "    while (file.state().map(FileState::knownEnum).orElse(null) == FileState.Known.PROCESSING) {",
  "      Thread.sleep(1000);",
  "      file = client.files.get(file.name().get(), null);",
  "    }",
  "    if (file.state().map(FileState::knownEnum).orElse(null) == FileState.Known.FAILED) {",
  '      throw new IllegalStateException(path + " could not be processed");',
  "    }",
  "    return file;",
  "  }",
];

const JSON_FUNCTION = [
  "  private static final ObjectMapper JSON = new ObjectMapper();",
  "",
  "  /** JSON (schemas, arguments, results) as the maps and lists the SDK takes, keys in order. */",
  '  @SuppressWarnings("unchecked")',
  "  static <T> T json(String text) throws Exception {",
  "    return (T) JSON.readValue(text, Object.class);",
  "  }",
];

/** Imagen through the SDK's generateImages, which calls the Gemini API's `predict`. */
function imagenProgram(params: GenerateImagesParameters, java: JavaRequest): string[] {
  const config = Object.keys(params.config ?? {}).length
    ? toJava("GenerateImagesConfig", params.config ?? {}, java)
    : undefined;
  const head = "    GenerateImagesResponse response = client.models.generateImages(";
  const args = [
    `        ${javaString(params.model)},`,
    `        ${javaString(params.prompt)},`,
    `        ${config ? printJava(config, 8, 8) : "null"});`,
  ];
  return [
    ...imports([
      "Client",
      "HttpOptions",
      "GenerateImagesResponse",
      "GeneratedImage",
      "Files",
      "Path",
      "List",
      ...(config ? typesIn(config) : []),
    ]),
    "",
    "// Needs Java 17 or later and the Gen AI SDK (Maven: com.google.genai:google-genai).",
    "class Main {",
    "  public static void main(String[] args) throws Exception {",
    ...CLIENT,
    "",
    head,
    ...args,
    "    List<GeneratedImage> images = response.generatedImages().orElse(List.of());",
    "    for (int i = 0; i < images.size(); i++) {",
    "      GeneratedImage generated = images.get(i);",
    "      // A picture held back by the safety filters comes with raiFilteredReason and no bytes.",
    "      if (generated.image().flatMap(image -> image.imageBytes()).isEmpty()) {",
    '        System.out.println(generated.raiFilteredReason().orElse("no picture"));',
    "        continue;",
    "      }",
    '      String type = generated.image().get().mimeType().orElse("image/png");',
    '      String file = "image-" + (i + 1) + (type.equals("image/jpeg") ? ".jpg" : ".png");',
    "      Files.write(Path.of(file), generated.image().get().imageBytes().get());",
    "      System.out.println(file);",
    "    }",
    "  }",
    "}",
  ];
}
