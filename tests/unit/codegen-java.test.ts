import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import { SDK_TYPES, toJava } from "@/lib/codegen/java-sdk";
import { JavaJson, javaString, printJava } from "@/lib/codegen/java-source";
import { planMedia } from "@/lib/codegen/media-files";
import type { PromptDocInput } from "@/lib/prompt";
import * as cases from "@/tests/contract/codegen-cases";
import {
  codegenDocuments,
  everything,
  HOSTILE_NAME,
  media,
  parseDoc as parse,
} from "./codegen-documents";

/**
 * The Java tab cannot run here (no Maven, so no google-genai jar), so it is held three ways:
 * every program, for every document, parses with javac itself (stopped after parsing, so the
 * SDK's missing classes do not count); the text the program carries (strings, JSON in text
 * blocks) is read back by a real Java program; and every field of a request with everything set
 * is written with the setter the SDK has for it.
 *
 * The setters, their types (Float for temperature, topP, topK and the penalties; Integer for
 * tokens, seed, budget and pictures; byte[] for thoughtSignature and Blob.data; String overloads
 * for every enum; Object for responseJsonSchema and parametersJsonSchema; Map for args and
 * response; varargs for lists) and the calls (Client.builder().apiKey/.httpOptions,
 * HttpOptions.apiVersion, models.generateContent/generateContentStream/generateImages,
 * ResponseStream, files.upload/get, File.state/uri, FileState.knownEnum, Part.fromText/fromBytes/
 * fromUri, GenerateContentResponse.text/functionCalls, GeneratedImage.image/raiFilteredReason,
 * Image.imageBytes) were checked against googleapis/java-genai: src/main/java/com/google/genai/
 * types/GenerateContentConfig.java, Part.java, ThinkingConfig.java, ThinkingLevel.java,
 * ResponseStream.java, the examples (GenerateContentStream, FileOperations, GenerateImages,
 * GenerateContentWithFunctionCallJson) and the published javadoc
 * (googleapis.github.io/java-genai/javadoc: Content.Builder, Client.Builder, HttpOptions.Builder,
 * SafetySetting.Builder, Tool.Builder, FunctionDeclaration.Builder, FunctionCallingConfig.Builder,
 * FunctionResponse.Builder, MultiSpeakerVoiceConfig.Builder, ExecutableCode.Builder and
 * CodeExecutionResult.Builder, which have no id, Files, GenerateContentResponse, GeneratedImage).
 */
/** Text Java reads before it parses: a Unicode escape would end a comment or a string early. */
const escapes = 'ends \\u000a evil(); \\\\u000a """ \\" \\';
const documents: [string, PromptDocInput][] = [
  ...codegenDocuments(),
  [
    "Unicode escapes in the title, the text and the person's JSON",
    {
      ...cases.functionCall,
      title: escapes,
      contents: [
        { role: "user", parts: [{ kind: "text", text: escapes }] },
        {
          role: "model",
          parts: [{ kind: "functionCall", name: "get_weather", args: { city: escapes } }],
        },
      ],
    },
  ],
];

const workdir = mkdtempSync(join(tmpdir(), "codegen-java-"));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/**
 * javac stopped once every file is parsed: a syntax error fails, a missing class (the SDK is
 * not here) is never looked for. Each program is `class Main` in a folder of its own.
 */
function parseJava(programs: string[]): { status: number | null; errors: string } {
  const files = programs.map((code, i) => {
    const folder = join(workdir, `parse-${Date.now()}-${i}`);
    mkdirSync(folder);
    writeFileSync(join(folder, "Main.java"), code);
    return join(folder, "Main.java");
  });
  const result = spawnSync(
    "javac",
    [
      "-encoding",
      "UTF-8",
      "-XDshould-stop.ifError=PARSE",
      "-XDshould-stop.ifNoError=PARSE",
      "-d",
      join(workdir, "classes"),
      ...files,
    ],
    { encoding: "utf8" },
  );
  return { status: result.status, errors: `${result.stdout}${result.stderr}` };
}

describe("every Java program", () => {
  it("parses with javac, for every document, streamed and not", () => {
    const programs = documents.flatMap(([, doc]) =>
      [true, false].map((stream) => {
        const { code, language, fileName } = generateCode(parse(doc), "java", { stream });
        expect(language).toBe("java");
        expect(fileName).toMatch(/\.java$/);
        return code;
      }),
    );
    expect(parseJava(programs)).toEqual({ status: 0, errors: "" });
    expect(programs).toHaveLength(documents.length * 2);
  });

  it("fails the parse when one does not (the check can fail)", () => {
    const { code } = generateCode(parse(cases.plain), "java", { stream: false });
    const broken = code.replace("List<Content> contents =", "List<Content> contents = =");
    const result = parseJava([code, broken]);
    expect(result.status).not.toBe(0);
    expect(result.errors).toMatch(/Main\.java:\d+: error/);
  });
});

describe("the text a Java program carries", () => {
  it("is read back by Java as it was: string literals and JSON in text blocks", () => {
    const texts = [
      escapes,
      cases.awkwardText.systemInstruction ?? "",
      HOSTILE_NAME,
      "tab\tbell\u0007",
    ];
    const json = { city: escapes, nested: [{ "a\\b": 'q"""q' }, null, 1.5, "\u2028"] };
    const block = printJava(new JavaJson(json), 4, 4);
    const program = [
      "class Main {",
      "  static String json(String text) { return text; }",
      "  public static void main(String[] args) throws Exception {",
      `    String[] values = {${texts.map(javaString).join(", ")}, ${block}};`,
      "    for (String value : values) {",
      "      System.out.write(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));",
      "      System.out.write(0);",
      "    }",
      "    System.out.flush();",
      "  }",
      "}",
    ].join("\n");
    const file = join(workdir, "Carry.java");
    writeFileSync(file, program);
    const run = spawnSync("java", ["-Dfile.encoding=UTF-8", file], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const values = run.stdout.split("\u0000").slice(0, -1);
    expect(values.slice(0, texts.length)).toEqual(texts);
    expect(JSON.parse(values[texts.length] ?? "")).toEqual(json);
  });
});

describe("the Java (google-genai) code", () => {
  const { code } = generateCode(everything, "java", { stream: false });
  const others = [
    generateCode(parse(cases.gemini3), "java", { stream: false }).code,
    generateCode(
      parse({ ...cases.plain, config: { speech: { voices: [{ voice: "Kore" }] } } }),
      "java",
      {
        stream: false,
      },
    ).code,
    generateCode(parse(cases.imagen), "java", { stream: false }).code,
  ];
  const all = [code, ...others].join("\n");

  it("writes every field the SDK types are listed with, through its builder's setter", () => {
    const missing: string[] = [];
    for (const [type, fields] of Object.entries(SDK_TYPES)) {
      if (!all.includes(`${type}.builder()`)) missing.push(type);
      for (const field of Object.keys(fields)) {
        if (!all.includes(`.${field}(`)) missing.push(`${type}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("types numbers as the SDK does, enums as their names and the person's JSON as text", () => {
    expect(code).toContain(".temperature(0.3f)");
    expect(code).toContain(".topK(20f)");
    expect(code).toContain(".maxOutputTokens(99)");
    expect(code).toContain(".thinkingBudget(512)");
    expect(code).toContain('.mediaResolution("MEDIA_RESOLUTION_LOW")');
    expect(code).toContain('.category("HARM_CATEGORY_HATE_SPEECH")');
    expect(code).toContain('.mode("ANY")');
    expect(code).toContain('.language("PYTHON")');
    expect(code).toContain('.outcome("OUTCOME_OK")');
    expect(code).toContain('.stopSequences("END")');
    expect(code).toContain('{"cityName": "Oslo"}');
    expect(code).toContain('{"tempC": 3}');
    expect(others[0]).toContain('.thinkingLevel("LOW")');
    expect(others[2]).toContain(
      'GenerateImagesConfig.builder().numberOfImages(2).aspectRatio("16:9").build()',
    );
  });

  it("sends files as bytes or by their uploaded URI, and signatures as bytes", () => {
    expect(code).toContain('byte[] image1 = Files.readAllBytes(Path.of("chart.png"));');
    expect(code).toContain('File audio1 = uploadFile(client, "talk.wav", "audio/wav");');
    expect(code).toContain(
      '.inlineData(Blob.builder().mimeType("image/png").data(image1).build())',
    );
    expect(code).toContain(".fileUri(audio1.uri().get())");
    expect(code).toContain('.thoughtSignature(Base64.getDecoder().decode("c2lnLXQ="))');
    // Google's documented stand-in for a signature it never issued goes as its own text.
    const { code: called } = generateCode(parse(cases.functionCall), "java", { stream: false });
    expect(called).toContain(
      '"context_engineering_is_the_way_to_go".getBytes(StandardCharsets.UTF_8)',
    );
  });

  it("names in a note the ids of code execution steps, which its types have no field for", () => {
    expect(code).not.toContain('.id("e1")');
    const header = code.slice(0, code.indexOf("\nimport "));
    expect(header.replace(/\n\/\/ /g, " ")).toContain(
      'The Java SDK\'s ExecutableCode and CodeExecutionResult have no id: the ids of this conversation\'s code execution steps ("e1", "e1") are not sent.',
    );
  });

  it("fails loudly on a field it has no setter for, rather than leaving it out", () => {
    const request = {
      media: planMedia(parse(cases.plain)),
      unsent: [],
      imports: new Set<string>(),
    };
    expect(() => toJava("Part", { text: "a", videoMetadata: { fps: 1 } }, request)).toThrow(
      "Part.videoMetadata has no setter",
    );
  });

  it("takes the key from GEMINI_API_KEY and calls v1beta", () => {
    expect(code).toContain('.apiKey(System.getenv("GEMINI_API_KEY"))');
    expect(code).toContain('.httpOptions(HttpOptions.builder().apiVersion("v1beta").build())');
  });
});

/** A handful of whole programs, compared exactly (`vitest -u` writes them anew). */
describe("the Java programs", () => {
  const golden: [string, PromptDocInput, boolean][] = [
    ["plain", cases.plain, false],
    ["every-setting", cases.everySetting, true],
    ["function-call", cases.functionCall, false],
    [
      "files",
      cases.withFiles([
        media("a", "chart.png", "image/png", 100),
        media("b", "speech.wav", "audio/wav", 10_000_000),
      ]),
      true,
    ],
    ["imagen", cases.imagen, false],
  ];
  it.each(golden)("%s is the one on file", async (name, doc, stream) => {
    const { code } = generateCode(parse(doc), "java", { stream });
    await expect(code).toMatchFileSnapshot(`./golden/codegen/java/${name}.java`);
  });
});
