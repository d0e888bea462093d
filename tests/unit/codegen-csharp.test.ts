import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Node, Parser } from "@vscode/tree-sitter-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { codeRequest } from "@/lib/codegen/code-request";
import { CSHARP_FIELDS, csEnumMember, csProperty } from "@/lib/codegen/csharp-fields";
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
 * The C# tab cannot be compiled here (no .NET SDK, and NuGet is out of reach), so it is held
 * three ways: every program, for every document, streamed and not, is parsed by tree-sitter's C#
 * grammar as VS Code builds it (`@vscode/tree-sitter-wasm`: WebAssembly, no install script; any
 * ERROR or MISSING node fails, and so does a character C# ends a line at); every field of a request
 * with everything set is printed as the SDK's property; and a handful of programs are compared
 * with golden files (`UPDATE_GOLDEN=1` rewrites them).
 *
 * Names checked against the SDK's sources, googleapis/dotnet-genai: `Google.GenAI/Client.cs`
 * (the constructor's `apiKey` and `httpOptions`; it reads GOOGLE_API_KEY before GEMINI_API_KEY,
 * hence the explicit key), `Models.cs` (`GenerateContentAsync`, `GenerateContentStreamAsync`
 * with `model`, `contents` as `List<Content>`, `config`; `GenerateImagesAsync`), `Files.cs`
 * (`UploadAsync(filePath, UploadFileConfig)`, `GetAsync(name)`), and `Google.GenAI/types/`:
 * GenerateContentConfig (TopK a double, MaxOutputTokens and Seed ints, ResponseJsonSchema an
 * object, ResponseModalities a `List<string>`), Content, Part (ThoughtSignature a `byte[]`),
 * Blob (Data a `byte[]`), FileData, FunctionCall and FunctionResponse (Args and Response
 * `Dictionary<string, object>`), ExecutableCode and CodeExecutionResult (with Id), Tool
 * (CodeExecution holds a ToolCodeExecution), FunctionDeclaration (ParametersJsonSchema an
 * object), ToolConfig, FunctionCallingConfig, ThinkingConfig, SpeechConfig, VoiceConfig,
 * PrebuiltVoiceConfig, MultiSpeakerVoiceConfig, SpeakerVoiceConfig, ImageConfig, SafetySetting,
 * HttpOptions, UploadFileConfig, GenerateImagesConfig, GeneratedImage, Image; the enums
 * HarmCategory, HarmBlockThreshold, MediaResolution, ThinkingLevel, FunctionCallingConfigMode,
 * Language, Outcome and FileState are `readonly record struct`s with PascalCase members since
 * 1.0.0 (CHANGELOG.md). `JsonNode.Parse` for a JSON schema is how the SDK's own
 * `Google.GenAI.E2E.Tests/GenerateContent/GenerateContentToolsTest.cs` sets ResponseJsonSchema.
 */
// C# ends a line at U+0085 as well as at U+2028, which JSON leaves unescaped.
const hostile = 'it\'s "x"\n\\evil()\u2028\u0085.png';
const documents: [string, PromptDocInput][] = [
  ...codegenDocuments(hostile),
  [
    "awkward JSON",
    {
      ...cases.structured,
      config: {
        responseMimeType: "application/json",
        responseSchema: { type: "object", description: 'quotes "" and """ \u0085 \u2028 \\' },
      },
    },
  ],
];

let parser: Parser;
beforeAll(async () => {
  // VS Code's build of tree-sitter and its grammars: WebAssembly, nothing compiled at install.
  const require = createRequire(import.meta.url);
  const treeSitter: typeof import("@vscode/tree-sitter-wasm") = require("@vscode/tree-sitter-wasm");
  const wasm = dirname(require.resolve("@vscode/tree-sitter-wasm"));
  await treeSitter.Parser.init({ locateFile: (file) => join(wasm, file) });
  parser = new treeSitter.Parser();
  parser.setLanguage(await treeSitter.Language.load(join(wasm, "tree-sitter-c-sharp.wasm")));
});

/** Every place the C# grammar could not read, as `line:column kind`. */
function syntaxErrors(code: string): string[] {
  const tree = parser.parse(code);
  if (!tree) throw new Error("tree-sitter gave no tree");
  const errors: string[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      const at = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      errors.push(`${at} ${node.isMissing ? `missing ${node.type}` : node.text.slice(0, 40)}`);
    }
    if (node.hasError) for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return errors;
}

describe("every C# program", () => {
  it("is refused by the parser when it is broken", () => {
    const unclosed =
      "var config = new GenerateContentConfig { Temperature = 0.5\nConsole.WriteLine(1);\n";
    expect(syntaxErrors(unclosed)).not.toEqual([]);
    const unquoted = 'await foreach (var chunk in stream)\n{\n    Console.Write("a);\n}\n';
    expect(syntaxErrors(unquoted)).not.toEqual([]);
  });

  it("parses as C#, for every document, streamed and not", () => {
    const failures: Record<string, string[]> = {};
    for (const [name, doc] of documents) {
      for (const stream of [true, false]) {
        const { code, language, fileName } = generateCode(parse(doc), "csharp", { stream });
        expect(language).toBe("csharp");
        expect(fileName).toMatch(/\.cs$/);
        // The C# compiler ends a line at these too, where tree-sitter reads on.
        expect(code, name).not.toMatch(/[\u0085\u2028\u2029]/);
        const errors = syntaxErrors(code);
        if (errors.length) failures[`${name} stream=${stream}`] = errors;
      }
    }
    expect(failures).toEqual({});
  });
});

/** The person's own data, whose keys are theirs, not the SDK's. */
/** Code as one line, without the trailing commas of a block: its layout aside. */
function squash(code: string): string {
  return code.replace(/,(\s*[}\]])/g, "$1").replace(/\s+/g, " ");
}

describe("the C# (Google.GenAI) code", () => {
  const request = codeRequest(everything);
  if (request.upstream.method !== "generateContent") throw new Error("not generateContent");
  const { params } = request.upstream;
  const { code } = generateCode(everything, "csharp", { stream: false });
  const flat = squash(code);
  // A thinking level comes from a Gemini 3 document, an upload from a large file, and Imagen's
  // settings from an Imagen document.
  const leveled = codeRequest(parse(cases.gemini3)).upstream.params as typeof params;
  const upload = parse(cases.withFiles([media("b", "speech.wav", "audio/wav", 10_000_000)]));
  const uploaded = codeRequest(upload).upstream.params as typeof params;
  const imagen = codeRequest(parse(cases.imagen)).upstream.params;

  it("has a C# property for every field the request sends", () => {
    const keys = [
      ...sdkKeys(
        { ...params.config, contents: params.contents },
        sdkKeys([leveled.config, uploaded.contents, "config" in imagen ? imagen.config : {}]),
      ),
    ].filter((k) => k !== "contents");
    expect(keys.filter((k) => !(k in CSHARP_FIELDS))).toEqual([]);
    // The table is not larger than what is tested.
    expect(keys.sort()).toEqual(Object.keys(CSHARP_FIELDS).sort());
  });

  it("sets every field as the SDK's property, in PascalCase", () => {
    const keys = [...sdkKeys({ ...params.config, contents: params.contents })];
    for (const key of keys.filter((k) => k !== "contents")) {
      expect(code, key).toContain(`${csProperty(key)} = `);
    }
    expect(code).toContain("var config = new GenerateContentConfig\n{\n");
    expect(code).toContain("    TopK = 20,\n");
    expect(flat).toContain('StopSequences = new List<string> { "END" },');
    expect(flat).toContain("new ThinkingConfig { IncludeThoughts = true, ThinkingBudget = 512 }");
    expect(flat).toContain("new Tool { GoogleSearch = new GoogleSearch() }");
    expect(flat).toContain("new Tool { CodeExecution = new ToolCodeExecution() }");
    expect(flat).toContain("new Tool { UrlContext = new UrlContext() }");
    expect(flat).toContain('new ImageConfig { AspectRatio = "4:3" }');
    expect(flat).toContain(
      'new SpeakerVoiceConfig { Speaker = "Ann", VoiceConfig = new VoiceConfig { PrebuiltVoiceConfig = new PrebuiltVoiceConfig { VoiceName = "Kore" } } }',
    );
  });

  it("names the SDK's enum members as its sources spell them", () => {
    expect(flat).toContain("Category = HarmCategory.HarmCategoryHateSpeech");
    expect(flat).toContain("Threshold = HarmBlockThreshold.BlockNone");
    expect(flat).toContain("MediaResolution = MediaResolution.MediaResolutionLow");
    expect(flat).toContain("Mode = FunctionCallingConfigMode.Any");
    expect(flat).toContain("Language = Language.Python");
    expect(flat).toContain("Outcome = Outcome.OutcomeOk");
    const gemini3 = generateCode(parse(cases.gemini3), "csharp", { stream: false }).code;
    expect(squash(gemini3)).toContain(
      "new ThinkingConfig { IncludeThoughts = false, ThinkingLevel = ThinkingLevel.Low }",
    );
    expect(csEnumMember("OUTCOME_DEADLINE_EXCEEDED")).toBe("OutcomeDeadlineExceeded");
    expect(csEnumMember("BLOCK_LOW_AND_ABOVE")).toBe("BlockLowAndAbove");
  });

  it("gives the person's JSON as JSON text, bytes as byte[], files from disk", () => {
    // Too wide for one line there, the raw string takes a block.
    expect(flat).toContain(
      'Args = JsonSerializer.Deserialize<Dictionary<string, object>>(""" {"cityName": "Oslo"} """)',
    );
    expect(flat).toContain(
      'Response = JsonSerializer.Deserialize<Dictionary<string, object>>(""" {"tempC": 3} """)',
    );
    expect(code).toContain(
      [
        '    ResponseJsonSchema = JsonNode.Parse("""',
        '        {"type": "object", "properties": {"someField": {"type": "string"}}}',
        '        """),',
      ].join("\n"),
    );
    expect(flat).toContain('ParametersJsonSchema = JsonNode.Parse("""{"type": "object"}""")');
    expect(flat).toContain('ThoughtSignature = Convert.FromBase64String("c2lnLXQ=")');
    expect(code).toContain('var image1 = System.IO.File.ReadAllBytes("chart.png");');
    expect(flat).toContain(
      'new Part { InlineData = new Blob { MimeType = "image/png", Data = image1 }, ThoughtSignature = ',
    );
    expect(code).toContain("using System.Text.Json;\nusing System.Text.Json.Nodes;\n");
  });

  it("reads the key from GEMINI_API_KEY and pins v1beta", () => {
    expect(code).toContain('apiKey: System.Environment.GetEnvironmentVariable("GEMINI_API_KEY"),');
    expect(code).toContain('httpOptions: new HttpOptions { ApiVersion = "v1beta" });');
    expect(code).not.toMatch(/AIza/);
  });

  it("sends the documented stand-in signature in the alphabet Convert reads", () => {
    const { code: called } = generateCode(parse(cases.functionCall), "csharp", { stream: false });
    expect(called).toContain(
      "Convert.FromBase64String(\"context_engineering_is_the_way_to_go\".Replace('-', '+').Replace('_', '/'))",
    );
    expect(Buffer.from("context_engineering_is_the_way_to_go", "base64url")).toEqual(
      Buffer.from("context/engineering/is/the/way/to/go", "base64"),
    );
  });

  it("uploads a large file and sends it by URI, streaming with await foreach", () => {
    const { code: streamed } = generateCode(upload, "csharp", { stream: true });
    expect(streamed).toContain('var audio1 = await UploadFile("speech.wav", "audio/wav");');
    expect(streamed).toContain('new FileData { FileUri = audio1.Uri, MimeType = "audio/wav" }');
    expect(streamed).toContain(
      "await foreach (var chunk in client.Models.GenerateContentStreamAsync(",
    );
    expect(streamed).toContain(
      "client.Files.UploadAsync(path, new UploadFileConfig { MimeType = mimeType })",
    );
    expect(code).toContain("var response = await client.Models.GenerateContentAsync(");
  });
});

/** Golden programs: what a person copies, exactly. */
const GOLDEN: [file: string, doc: PromptDocInput, stream: boolean][] = [
  ["plain.cs", cases.plain, false],
  ["every-setting.cs", cases.everySetting, true],
  ["function-call.cs", cases.functionCall, false],
  [
    "files.cs",
    cases.withFiles([
      media("a", "chart.png", "image/png", 100),
      media("b", "speech.wav", "audio/wav", 10_000_000),
    ]),
    true,
  ],
  ["imagen.cs", cases.imagen, false],
];

describe("golden C# programs", () => {
  const folder = join(import.meta.dirname, "golden", "codegen", "csharp");
  it.each(GOLDEN)("%s is the program the document gives", (file, doc, stream) => {
    const { code } = generateCode(parse(doc), "csharp", { stream });
    const path = join(folder, file);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, code);
    expect(code).toBe(readFileSync(path, "utf8"));
    expect(syntaxErrors(code)).toEqual([]);
  });
});
