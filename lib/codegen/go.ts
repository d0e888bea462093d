import type {
  Content,
  GenerateContentParameters,
  GenerateImagesParameters,
  Part,
} from "@google/genai";
import type { CodeRequest } from "./code-request";
import { GoRequest } from "./go-request";
import { type GoValue, goExpr, goLiteral, goString, printGo } from "./go-source";
import { commentLines } from "./literals";
import type { MediaFile } from "./media-files";
import { GEMINI_API_VERSION } from "./rest-body";

/**
 * Go with the Gen AI SDK (google.golang.org/genai), written as its examples write it: a client
 * for the Gemini API that reads `GEMINI_API_KEY` itself, the conversation as `[]*genai.Content`,
 * `genai.GenerateContentConfig` with every setting under its Go name, and the Go 1.23 iterator
 * of `GenerateContentStream` for a stream. Files are read from disk: small ones as inline bytes,
 * large ones uploaded through the Files API first. The output is already as gofmt prints it.
 */
export function goCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const go = new GoRequest(request.media);
  const body =
    request.upstream.method === "generateImages"
      ? imagenProgram(go, request.upstream.params)
      : program(go, request, request.upstream.params, stream);
  const own =
    request.upstream.method === "generateContent" ? sdkNotes(request.upstream.params) : [];
  if (go.unknown.length) {
    own.push(`This Go code leaves out ${go.unknown.join(", ")}: no Go name is known for it here.`);
  }
  const header = commentLines([...(request.title ? [request.title] : []), ...notes, ...own], "//");
  return [...header, ...(header.length ? [""] : []), ...body, ""].join("\n");
}

function program(
  go: GoRequest,
  request: CodeRequest,
  params: GenerateContentParameters,
  stream: boolean,
): string[] {
  const contents = params.contents as Content[];
  const inline = request.media.files.filter((f) => !f.upload);
  const uploads = request.media.files.filter((f) => f.upload);
  const signatures = contents
    .flatMap((c) => c.parts ?? [])
    .flatMap((p) => p.thoughtSignature ?? []);
  // Gemini writes signatures in standard base64; the documented stand-in is URL-safe.
  const urlSafe = signatures.some((s) => /[-_]/.test(s));
  const config = Object.keys(params.config ?? {}).length
    ? go.struct("GenerateContentConfig", params.config, true, true)
    : undefined;
  const statements = [
    ...fileLines(inline, uploads),
    assign("contents", contentsValue(go, contents)),
    ...(config ? [assign("config", config)] : []),
    "",
    ...(stream ? streamOutput : output)(
      `ctx, ${goString(params.model)}, contents, ${config ? "config" : "nil"}`,
      request.declaresFunctions,
    ),
  ];
  const imports = [
    "context",
    ...(signatures.length ? ["encoding/base64"] : []),
    "fmt",
    "log",
    ...(inline.length ? ["os"] : []),
    ...(urlSafe ? ["strings"] : []),
    ...(uploads.length ? ["time"] : []),
  ];
  return [
    ...prologue(imports),
    ...statements,
    "}",
    ...(inline.length ? READ_FILE : []),
    ...(uploads.length ? UPLOAD_FILE : []),
    ...(signatures.length ? signatureFunction(urlSafe) : []),
  ];
}

/** `package main`, the imports, and `main` up to a client of the v1beta Gemini API. */
function prologue(imports: string[]): string[] {
  return [
    "package main",
    "",
    "import (",
    ...imports.map((path) => `\t${goString(path)}`),
    "",
    '\t"google.golang.org/genai"',
    ")",
    "",
    "func main() {",
    "\tctx := context.Background()",
    "\t// The client reads the API key from the GEMINI_API_KEY environment variable. Run calls the",
    "\t// v1beta API, where every setting is.",
    "\tclient, err := genai.NewClient(ctx, &genai.ClientConfig{",
    "\t\tBackend:     genai.BackendGeminiAPI,",
    `\t\tHTTPOptions: genai.HTTPOptions{APIVersion: "${GEMINI_API_VERSION}"},`,
    "\t})",
    ...check("\t"),
    "",
  ];
}

const check = (indent: string) => [
  `${indent}if err != nil {`,
  `${indent}\tlog.Fatal(err)`,
  `${indent}}`,
];

function assign(name: string, value: GoValue): string {
  const start = `\t${name} := `;
  return start + printGo(value, 1, 4 + start.length - 1);
}

/** One user text alone is `genai.Text`, as the SDK's examples write it; a conversation in full. */
function contentsValue(go: GoRequest, contents: Content[]): GoValue {
  const [only] = contents;
  const part: Part | undefined = only?.parts?.[0];
  const single = contents.length === 1 && only?.role === "user" && only.parts?.length === 1;
  if (single && part && Object.keys(part).join() === "text") {
    return goExpr(`genai.Text(${goString(part.text ?? "")})`);
  }
  return goLiteral(
    "[]*genai.Content",
    contents.map((content) => ({ value: go.element("Content", content, true) })),
    true,
  );
}

function fileLines(inline: MediaFile[], uploads: MediaFile[]): string[] {
  if (!inline.length && !uploads.length) return [];
  return [
    "\t// Files are read from the folder this runs in.",
    ...inline.map((f) => `\t${f.variable} := readFile(${goString(f.path)})`),
    ...uploads.map(
      (f) =>
        `\t${f.variable} := uploadFile(ctx, client, ${goString(f.path)}, ${goString(f.mimeType)})`,
    ),
    "",
  ];
}

const CALLS_COMMENT = [
  "// A function call comes back in FunctionCalls(): run it, then send this conversation again",
  "// with the model's turn and a user turn holding its result as a FunctionResponse part.",
];

/** Prints the calls the model asks for, or else the text; `print` is fmt's function for text. */
function callsOrText(indent: string, response: string, print: string): string[] {
  return [
    `${indent}if calls := ${response}.FunctionCalls(); len(calls) > 0 {`,
    `${indent}\tfor _, call := range calls {`,
    `${indent}\t\tfmt.Println(call.Name, call.Args)`,
    `${indent}\t}`,
    `${indent}} else {`,
    `${indent}\tfmt.${print}(${response}.Text())`,
    `${indent}}`,
  ];
}

function output(args: string, declared: boolean): string[] {
  return [
    `\tresponse, err := client.Models.GenerateContent(${args})`,
    ...check("\t"),
    ...(declared
      ? [...CALLS_COMMENT.map((line) => `\t${line}`), ...callsOrText("\t", "response", "Println")]
      : ["\tfmt.Println(response.Text())"]),
  ];
}

function streamOutput(args: string, declared: boolean): string[] {
  return [
    ...(declared ? CALLS_COMMENT.map((line) => `\t${line}`) : []),
    `\tfor chunk, err := range client.Models.GenerateContentStream(${args}) {`,
    ...check("\t\t"),
    ...(declared ? callsOrText("\t\t", "chunk", "Print") : ["\t\tfmt.Print(chunk.Text())"]),
    "\t}",
    "\tfmt.Println()",
  ];
}

const READ_FILE = [
  "",
  "// readFile is the bytes of a file, or the end of the program.",
  "func readFile(path string) []byte {",
  "\tdata, err := os.ReadFile(path)",
  ...check("\t"),
  "\treturn data",
  "}",
];

const UPLOAD_FILE = [
  "",
  "// uploadFile uploads a file through the Files API and waits until Gemini has processed it.",
  "func uploadFile(ctx context.Context, client *genai.Client, path, mimeType string) *genai.File {",
  "\tfile, err := client.Files.UploadFromPath(ctx, path, &genai.UploadFileConfig{MIMEType: mimeType})",
  ...check("\t"),
  "\tfor file.State == genai.FileStateProcessing {",
  "\t\ttime.Sleep(time.Second)",
  "\t\tif file, err = client.Files.Get(ctx, file.Name, nil); err != nil {",
  "\t\t\tlog.Fatal(err)",
  "\t\t}",
  "\t}",
  "\tif file.State == genai.FileStateFailed {",
  '\t\tlog.Fatalf("%s could not be processed", path)',
  "\t}",
  "\treturn file",
  "}",
];

/** The SDK takes a thought signature as its bytes; the API writes them as base64. */
function signatureFunction(urlSafe: boolean): string[] {
  const text = urlSafe ? 'strings.NewReplacer("-", "+", "_", "/").Replace(text)' : "text";
  return [
    "",
    urlSafe
      ? "// signature is a thought signature's bytes, which the API writes as base64 (URL-safe or not)."
      : "// signature is a thought signature's bytes, which the API writes as base64.",
    "func signature(text string) []byte {",
    `\tdata, err := base64.StdEncoding.DecodeString(${text})`,
    ...check("\t"),
    "\treturn data",
    "}",
  ];
}

/**
 * What the Go SDK sends otherwise than Run: it drops an empty text (`Text` is a plain string it
 * leaves out when empty), and it passes the request through `map[string]any` on its way to JSON,
 * so every object goes with its keys sorted, which reorders a response schema's properties.
 */
function sdkNotes(params: GenerateContentParameters): string[] {
  const notes: string[] = [];
  const parts = (params.contents as Content[]).flatMap((c) => c.parts ?? []);
  if (parts.some((p) => p.text === "")) {
    notes.push(
      "The Go SDK leaves an empty Text field out of the request: the part of this conversation whose text is empty goes without it, with its thought signature alone.",
    );
  }
  if (reordered(params.config?.responseJsonSchema)) {
    notes.push(
      "The Go SDK sends JSON objects with their keys in alphabetical order: the response schema's properties reach Gemini in that order, not in the schema's.",
    );
  }
  return notes;
}

/** Whether any `properties` object in a schema has its keys out of Go's sorted order. */
function reordered(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(reordered);
  if (schema === null || typeof schema !== "object") return false;
  return Object.entries(schema).some(([key, value]) => {
    if (key === "properties" && value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      if (keys.some((k, i) => i > 0 && (keys[i - 1] ?? "") > k)) return true;
    }
    return reordered(value);
  });
}

/** Imagen through the SDK's GenerateImages, which calls the Gemini API's `predict`. */
function imagenProgram(go: GoRequest, params: GenerateImagesParameters): string[] {
  const hasConfig = Object.keys(params.config ?? {}).length > 0;
  return [
    ...prologue(["context", "fmt", "log", "os"]),
    `\tprompt := ${goString(params.prompt)}`,
    ...(hasConfig
      ? [assign("config", go.struct("GenerateImagesConfig", params.config, true, true))]
      : []),
    `\tresponse, err := client.Models.GenerateImages(ctx, ${goString(params.model)}, prompt, ${hasConfig ? "config" : "nil"})`,
    ...check("\t"),
    "\tfor i, generated := range response.GeneratedImages {",
    "\t\t// A picture held back by the safety filters comes with RAIFilteredReason and no bytes.",
    "\t\tif generated.Image == nil {",
    "\t\t\tfmt.Println(generated.RAIFilteredReason)",
    "\t\t\tcontinue",
    "\t\t}",
    '\t\textension := ".png"',
    '\t\tif generated.Image.MIMEType == "image/jpeg" {',
    '\t\t\textension = ".jpg"',
    "\t\t}",
    '\t\tfile := fmt.Sprintf("image-%d%s", i+1, extension)',
    "\t\tif err := os.WriteFile(file, generated.Image.ImageBytes, 0o644); err != nil {",
    "\t\t\tlog.Fatal(err)",
    "\t\t}",
    "\t\tfmt.Println(file)",
    "\t}",
    "}",
  ];
}
