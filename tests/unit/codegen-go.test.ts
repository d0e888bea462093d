import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeRequest } from "@/lib/codegen/code-request";
import { generateCode } from "@/lib/codegen/generate";
import type { PromptDocInput } from "@/lib/prompt";
import * as cases from "@/tests/contract/codegen-cases";
import {
  codegenDocuments,
  everything,
  media,
  parseDoc as parse,
  sdkKeys,
} from "./codegen-documents";

/**
 * The Go tab cannot run here (no Go module proxy, so no google.golang.org/genai), so it is held
 * three ways: every program, for every document, is parsed by gofmt and must already be exactly as
 * gofmt prints it; a handful are compared with golden files; and every field of a request with
 * everything set is written under the SDK's Go name.
 *
 * The names were checked against googleapis/go-genai: types.go (Content, Part, Blob, FileData,
 * FunctionCall, FunctionResponse, ExecutableCode, CodeExecutionResult, GenerateContentConfig,
 * SafetySetting, Tool, GoogleSearch, URLContext, ToolCodeExecution, FunctionDeclaration,
 * ToolConfig, FunctionCallingConfig, ThinkingConfig, SpeechConfig, VoiceConfig,
 * PrebuiltVoiceConfig, MultiSpeakerVoiceConfig, SpeakerVoiceConfig, ImageConfig,
 * GenerateImagesConfig, GeneratedImage, Image, File, UploadFileConfig, the enums' constants, the
 * untyped RoleUser/RoleModel, NewPartFromBytes, NewPartFromURI, the response's Text and
 * FunctionCalls); models.go (GenerateContent, GenerateContentStream as an iter.Seq2,
 * GenerateImages through `predict` on the Gemini API, the `id` of ExecutableCode and
 * CodeExecutionResult); files.go (UploadFromPath, Get); client.go (ClientConfig, BackendGeminiAPI,
 * the key read from GEMINI_API_KEY); common.go (Ptr, and deepMarshal's trip through
 * map[string]any that sorts a request's JSON keys); examples/models/generate_content/text_stream.go.
 */
/** Keys short and long, and values on one line and on many: each of gofmt's alignment rules. */
const alignment: PromptDocInput = {
  ...cases.structured,
  config: {
    responseMimeType: "application/json",
    responseSchema: {
      type: "object",
      properties: {
        a: { type: "string" },
        "ünïcode ✓": { type: "string" },
        "a property name of more than forty bytes": { type: "number" },
        "and a second one of more than forty bytes": { type: "number" },
        b: { type: "string", description: "a description long enough to take lines of its own" },
        "one more property name, over forty bytes": { type: "integer" },
        d: { type: "boolean" },
        c: { type: "array", items: { type: "object", properties: { x: { type: "null" } } } },
      },
    },
  },
};

const documents: [string, PromptDocInput][] = [...codegenDocuments(), ["alignment", alignment]];

const workdir = mkdtempSync(join(tmpdir(), "codegen-go-"));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** gofmt over all the files at once: what it could not parse, and what it would print otherwise. */
function gofmt(files: string[]) {
  const result = spawnSync("gofmt", ["-l", "-e", ...files], { encoding: "utf8" });
  if (result.error) throw result.error;
  const unformatted = result.stdout.split("\n").filter(Boolean);
  const diffs = unformatted.map(
    (file) => spawnSync("gofmt", ["-d", file], { encoding: "utf8" }).stdout,
  );
  return { status: result.status, errors: result.stderr, diffs };
}

describe("every Go program", () => {
  it("parses with gofmt and is already as gofmt prints it, for every document, streamed and not", () => {
    const files: string[] = [];
    for (const [, doc] of documents) {
      for (const stream of [true, false]) {
        const { code, language, fileName } = generateCode(parse(doc), "go", { stream });
        expect(language).toBe("go");
        expect(fileName).toMatch(/\.go$/);
        expect(code).not.toContain("no Go name is known");
        const file = join(workdir, `${files.length}.go`);
        writeFileSync(file, code);
        files.push(file);
      }
    }
    const { status, errors, diffs } = gofmt(files);
    expect(errors).toBe("");
    expect(diffs).toEqual([]);
    expect(status).toBe(0);
    expect(files).toHaveLength(documents.length * 2);
  });
});

const GOLDEN = join(process.cwd(), "tests/unit/golden/codegen/go");
const goldens: [file: string, doc: PromptDocInput, stream: boolean][] = [
  ["plain.go", cases.plain, true],
  ["every-setting.go", cases.everySetting, false],
  ["function-call.go", cases.functionCall, true],
  [
    "files.go",
    cases.withFiles([
      media("a", "chart.png", "image/png", 100),
      media("b", "speech.wav", "audio/wav", 10_000_000),
    ]),
    false,
  ],
  ["imagen.go", cases.imagen, false],
];

describe("the Go programs Get code prints", () => {
  it.each(goldens)("%s is the golden file, to the byte", (file, doc, stream) => {
    const { code } = generateCode(parse(doc), "go", { stream });
    // UPDATE_GOLDEN=1 writes them anew, to be read before they are committed.
    if (process.env.UPDATE_GOLDEN) writeFileSync(join(GOLDEN, file), code);
    expect(code).toBe(readFileSync(join(GOLDEN, file), "utf8"));
  });
});

/**
 * go-genai's field names (types.go), by the JavaScript SDK's name for each field: Go's exported
 * names, with Go's initialisms (`MIMEType`, `FileURI`, `ID`, `URLContext`) but the SDK's own
 * `ResponseJsonSchema` and `ParametersJsonSchema`. A field the mapping starts to send fails here
 * until it is listed.
 */
const GO_NAMES: Readonly<Record<string, string>> = {
  systemInstruction: "SystemInstruction",
  temperature: "Temperature",
  topP: "TopP",
  topK: "TopK",
  maxOutputTokens: "MaxOutputTokens",
  stopSequences: "StopSequences",
  seed: "Seed",
  presencePenalty: "PresencePenalty",
  frequencyPenalty: "FrequencyPenalty",
  responseMimeType: "ResponseMIMEType",
  responseJsonSchema: "ResponseJsonSchema",
  mediaResolution: "MediaResolution",
  safetySettings: "SafetySettings",
  category: "Category",
  threshold: "Threshold",
  tools: "Tools",
  functionDeclarations: "FunctionDeclarations",
  name: "Name",
  description: "Description",
  parametersJsonSchema: "ParametersJsonSchema",
  googleSearch: "GoogleSearch",
  codeExecution: "CodeExecution",
  urlContext: "URLContext",
  toolConfig: "ToolConfig",
  functionCallingConfig: "FunctionCallingConfig",
  mode: "Mode",
  allowedFunctionNames: "AllowedFunctionNames",
  thinkingConfig: "ThinkingConfig",
  includeThoughts: "IncludeThoughts",
  thinkingBudget: "ThinkingBudget",
  thinkingLevel: "ThinkingLevel",
  responseModalities: "ResponseModalities",
  speechConfig: "SpeechConfig",
  multiSpeakerVoiceConfig: "MultiSpeakerVoiceConfig",
  speakerVoiceConfigs: "SpeakerVoiceConfigs",
  speaker: "Speaker",
  voiceConfig: "VoiceConfig",
  prebuiltVoiceConfig: "PrebuiltVoiceConfig",
  voiceName: "VoiceName",
  imageConfig: "ImageConfig",
  aspectRatio: "AspectRatio",
  role: "Role",
  parts: "Parts",
  text: "Text",
  thought: "Thought",
  thoughtSignature: "ThoughtSignature",
  inlineData: "InlineData",
  fileData: "FileData",
  fileUri: "FileURI",
  mimeType: "MIMEType",
  data: "Data",
  functionCall: "FunctionCall",
  id: "ID",
  args: "Args",
  functionResponse: "FunctionResponse",
  response: "Response",
  executableCode: "ExecutableCode",
  language: "Language",
  code: "Code",
  codeExecutionResult: "CodeExecutionResult",
  outcome: "Outcome",
  output: "Output",
};

describe("the Go (google.golang.org/genai) code", () => {
  const request = codeRequest(everything);
  if (request.upstream.method !== "generateContent") throw new Error("not generateContent");
  const { params } = request.upstream;
  const { code } = generateCode(everything, "go", { stream: false });
  const config = code.slice(code.indexOf("config := &genai.GenerateContentConfig{"));
  const leveled = codeRequest(parse(cases.gemini3));
  const levelParams = leveled.upstream.params as typeof params;

  it("has a Go name for every field the request sends", () => {
    const keys = [
      ...sdkKeys({ ...params.config, contents: params.contents }, sdkKeys(levelParams.config)),
    ];
    expect(keys.filter((k) => k !== "contents" && !(k in GO_NAMES))).toEqual([]);
    // The request holds every setting: the table is not larger than what is tested.
    expect(keys.filter((k) => k in GO_NAMES).sort()).toEqual(Object.keys(GO_NAMES).sort());
  });

  it("sets each setting as a GenerateContentConfig field under its Go name", () => {
    for (const key of Object.keys(params.config ?? {})) {
      expect(config, key).toMatch(new RegExp(`\\n\\t\\t${GO_NAMES[key]}: `));
    }
  });

  it("writes every nested field under its Go name, the person's data as Go maps", () => {
    const nested = [...sdkKeys({ ...params.config, contents: params.contents })].filter(
      (k) => !(k in (params.config ?? {})) && k !== "contents",
    );
    for (const key of nested) expect(code, key).toMatch(new RegExp(`\\b${GO_NAMES[key]}: `));
    expect(code).toContain('Args: map[string]any{"cityName": "Oslo"}');
    expect(code).toContain('Response: map[string]any{"tempC": 3}');
    expect(code).toContain('"someField": map[string]any{"type": "string"}');
    expect(code).toContain('ParametersJsonSchema: map[string]any{"type": "object"}');
    // The SDK takes a signature as bytes: the base64 text the API writes is decoded.
    expect(code).toContain(
      '{Text: "Pondering", Thought: true, ThoughtSignature: signature("c2lnLXQ=")},',
    );
    expect(code).toContain("base64.StdEncoding.DecodeString(text)");
    expect(code).toContain('image1 := readFile("chart.png")');
    expect(code).toContain('InlineData:       &genai.Blob{MIMEType: "image/png", Data: image1},');
    expect(code).toContain(
      'FileData:         &genai.FileData{FileURI: audio1.URI, MIMEType: "audio/wav"},',
    );
    // A file with nothing else in its part is made by the SDK's own constructor.
    expect(code).toContain('genai.NewPartFromBytes(image2, "image/jpeg"),');
  });

  it("uses the SDK's pointers for optional numbers and its named constants for enum values", () => {
    // gofmt's alignment of values is held by the gofmt test above; here a colon takes one space.
    const squeezed = code.replace(/: +/g, ": ");
    for (const expected of [
      "Temperature: genai.Ptr[float32](0.3),",
      "TopK: genai.Ptr[float32](20),",
      "MaxOutputTokens: 99,",
      "Seed: genai.Ptr[int32](7),",
      "ThinkingBudget: genai.Ptr[int32](512),",
      "MediaResolution: genai.MediaResolutionLow,",
      "{Category: genai.HarmCategoryHateSpeech, Threshold: genai.HarmBlockThresholdBlockNone},",
      "Mode: genai.FunctionCallingConfigModeAny,",
      "Language: genai.LanguagePython,",
      "Outcome: genai.OutcomeOK,",
      "Role: genai.RoleUser,",
      "Role: genai.RoleModel,",
      'ResponseModalities: []string{"AUDIO"},',
      "{GoogleSearch: &genai.GoogleSearch{}},",
      "{CodeExecution: &genai.ToolCodeExecution{}},",
      "{URLContext: &genai.URLContext{}},",
    ]) {
      expect(squeezed, expected).toContain(expected);
    }
    const leveled = generateCode(parse(cases.gemini3), "go", { stream: false }).code;
    expect(leveled.replace(/: +/g, ": ")).toContain(
      "ThinkingConfig: &genai.ThinkingConfig{\n\t\t\tIncludeThoughts: false,\n\t\t\tThinkingLevel: genai.ThinkingLevelLow,",
    );
  });

  it("uploads a large file and sends it by URI", () => {
    expect(code).toContain('audio1 := uploadFile(ctx, client, "talk.wav", "audio/wav")');
    expect(code).toContain(
      "client.Files.UploadFromPath(ctx, path, &genai.UploadFileConfig{MIMEType: mimeType})",
    );
    const doc = parse(cases.withFiles([media("b", "speech.wav", "audio/wav", 10_000_000)]));
    const streamed = generateCode(doc, "go", { stream: true }).code;
    expect(streamed).toContain('genai.NewPartFromURI(audio1.URI, "audio/wav"),');
    expect(streamed).toContain(
      'for chunk, err := range client.Models.GenerateContentStream(ctx, "gemini-2.5-flash", contents, nil) {',
    );
  });

  it("decodes the stand-in signature, which is URL-safe base64, to the bytes Run's text stands for", () => {
    const { code: called } = generateCode(parse(cases.functionCall), "go", { stream: false });
    expect(called).toContain(
      'ThoughtSignature: signature("context_engineering_is_the_way_to_go"),',
    );
    expect(called).toContain('strings.NewReplacer("-", "+", "_", "/").Replace(text)');
  });
});

describe("the person's JSON as Go values", () => {
  it("writes an integer too large for Go's int with an exponent, as a float64 constant", () => {
    const huge = {
      ...cases.structured,
      config: {
        responseMimeType: "application/json" as const,
        responseSchema: { type: "integer", maximum: 2 ** 64, minimum: -(2 ** 53) },
      },
    };
    const { code } = generateCode(parse(huge), "go", { stream: false });
    expect(code).toContain('"maximum": 1.8446744073709552e+19,');
    expect(code).toContain('"minimum": -9007199254740992,');
  });
});

describe("what the Go SDK sends otherwise than Run", () => {
  it("says an empty signed text goes without its text, and only then", () => {
    const note = "The Go SDK leaves an empty Text field out";
    expect(generateCode(parse(cases.everySetting), "go", { stream: true }).code).toContain(note);
    expect(generateCode(parse(cases.gemini3), "go", { stream: true }).code).not.toContain(note);
  });

  it("says a response schema's properties reach Gemini sorted, when they were not", () => {
    const note = "JSON objects with their keys in alphabetical order";
    expect(generateCode(parse(cases.structured), "go", { stream: true }).code).toContain(note);
    const sorted = {
      ...cases.structured,
      config: { responseMimeType: "application/json" as const, responseSchema: { type: "object" } },
    };
    expect(generateCode(parse(sorted), "go", { stream: true }).code).not.toContain(note);
  });
});
