import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeRequest } from "@/lib/codegen/code-request";
import { compatBody } from "@/lib/codegen/door-body";
import { MAX_ROUNDS, STUB_RESULT } from "@/lib/codegen/function-stubs";
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
 * The Python tabs cannot run here (no PyPI, so neither `google-genai` nor `openai`), so they are
 * held two ways: every program, for every document, parses with the real Python parser; and every
 * field of a request with everything set is printed under the name the SDK documents for it.
 */
const documents = codegenDocuments();

const workdir = mkdtempSync(join(tmpdir(), "codegen-python-"));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe("every Python program", () => {
  it("parses with Python's own parser, for every document, streamed and not", () => {
    const written: string[] = [];
    for (const [name, doc] of documents) {
      for (const target of ["python", "openai-python"] as const) {
        for (const stream of [true, false]) {
          const { code, language } = generateCode(parse(doc), target, { stream });
          expect(language).toBe("python");
          const file = join(workdir, `${written.length}.py`);
          writeFileSync(file, code);
          written.push(`${file} ${target} ${name} stream=${stream}`);
        }
      }
    }
    // One interpreter for all of them; a file that does not parse is named with its error.
    const script = [
      "import ast, sys",
      "for path in sys.argv[1:]:",
      "    try:",
      "        ast.parse(open(path, encoding='utf-8').read(), path)",
      "    except SyntaxError as error:",
      "        print(path, error)",
    ].join("\n");
    const files = written.map((w) => w.split(" ")[0] ?? "");
    const failures = execFileSync("python3", ["-c", script, ...files], { encoding: "utf8" });
    expect(failures).toBe("");
    expect(written).toHaveLength(documents.length * 4);
  });
});

/**
 * google-genai's names (`google/genai/types.py`: GenerateContentConfig, Content, Part, Blob,
 * FunctionCall, FunctionResponse, Tool, ToolConfig, FunctionCallingConfig, ThinkingConfig,
 * SpeechConfig, ImageConfig…): pydantic fields in snake_case, the JavaScript SDK's camelCase
 * fields by another name. A field the mapping starts to send fails here until it is listed.
 */
const GENAI_NAMES: Readonly<Record<string, string>> = {
  systemInstruction: "system_instruction",
  temperature: "temperature",
  topP: "top_p",
  topK: "top_k",
  maxOutputTokens: "max_output_tokens",
  stopSequences: "stop_sequences",
  seed: "seed",
  presencePenalty: "presence_penalty",
  frequencyPenalty: "frequency_penalty",
  responseMimeType: "response_mime_type",
  responseJsonSchema: "response_json_schema",
  mediaResolution: "media_resolution",
  safetySettings: "safety_settings",
  category: "category",
  threshold: "threshold",
  tools: "tools",
  functionDeclarations: "function_declarations",
  name: "name",
  description: "description",
  parametersJsonSchema: "parameters_json_schema",
  googleSearch: "google_search",
  codeExecution: "code_execution",
  urlContext: "url_context",
  toolConfig: "tool_config",
  functionCallingConfig: "function_calling_config",
  mode: "mode",
  allowedFunctionNames: "allowed_function_names",
  thinkingConfig: "thinking_config",
  includeThoughts: "include_thoughts",
  thinkingBudget: "thinking_budget",
  thinkingLevel: "thinking_level",
  responseModalities: "response_modalities",
  speechConfig: "speech_config",
  multiSpeakerVoiceConfig: "multi_speaker_voice_config",
  speakerVoiceConfigs: "speaker_voice_configs",
  speaker: "speaker",
  voiceConfig: "voice_config",
  prebuiltVoiceConfig: "prebuilt_voice_config",
  voiceName: "voice_name",
  imageConfig: "image_config",
  aspectRatio: "aspect_ratio",
  role: "role",
  parts: "parts",
  text: "text",
  thought: "thought",
  thoughtSignature: "thought_signature",
  inlineData: "inline_data",
  fileData: "file_data",
  fileUri: "file_uri",
  mimeType: "mime_type",
  data: "data",
  functionCall: "function_call",
  id: "id",
  args: "args",
  functionResponse: "function_response",
  response: "response",
  executableCode: "executable_code",
  language: "language",
  code: "code",
  codeExecutionResult: "code_execution_result",
  outcome: "outcome",
  output: "output",
};

/** The keyword arguments of the `openai` package's `chat.completions.create` (its reference). */
const OPENAI_ARGUMENTS = new Set([
  "model",
  "messages",
  "stream",
  "stream_options",
  "temperature",
  "top_p",
  "max_completion_tokens",
  "stop",
  "seed",
  "presence_penalty",
  "frequency_penalty",
  "reasoning_effort",
  "response_format",
  "tools",
  "tool_choice",
  "extra_body",
]);

describe("the Python (google-genai) code", () => {
  const request = codeRequest(everything);
  if (request.upstream.method !== "generateContent") throw new Error("not generateContent");
  const { params } = request.upstream;
  const { code } = generateCode(everything, "python", { stream: false });
  const config = code.slice(code.indexOf("types.GenerateContentConfig("));
  // A thinking level goes without a budget: it comes from a Gemini 3 document of its own.
  const leveled = codeRequest(parse(cases.gemini3));
  const levelParams = leveled.upstream.params as typeof params;

  it("has a documented Python name for every field the request sends", () => {
    const keys = [
      ...sdkKeys({ ...params.config, contents: params.contents }, sdkKeys(levelParams.config)),
    ];
    const unknown = keys.filter((k) => k !== "contents" && !(k in GENAI_NAMES));
    expect(unknown).toEqual([]);
    // The request holds every setting: the table is not larger than what is tested.
    expect(keys.filter((k) => k in GENAI_NAMES).sort()).toEqual(Object.keys(GENAI_NAMES).sort());
  });

  it("passes each setting as a GenerateContentConfig argument under its Python name", () => {
    // The document declares a function, so the config is a variable the loop sends each time.
    expect(code).toContain("\nconfig = types.GenerateContentConfig(\n");
    for (const key of Object.keys(params.config ?? {})) {
      expect(config, key).toContain(`\n    ${GENAI_NAMES[key]}=`);
    }
    const plain = generateCode(parse(cases.structured), "python", { stream: false }).code;
    expect(plain).toContain(
      "\n    config=types.GenerateContentConfig(\n        response_mime_type=",
    );
  });

  it("writes every nested field as a dict key under its Python name, the person's data as it is", () => {
    const nested = [...sdkKeys({ ...params.config, contents: params.contents })].filter(
      (k) => !(k in (params.config ?? {})) && k !== "contents",
    );
    for (const key of nested) expect(code, key).toContain(`"${GENAI_NAMES[key]}": `);
    expect(code).toContain('"cityName": "Oslo"');
    expect(code).toContain('"tempC": 3');
    expect(code).toContain('"someField": {"type": "string"}');
    expect(code).toContain('"include_thoughts": True');
    expect(generateCode(parse(cases.gemini3), "python", { stream: false }).code).toContain(
      'thinking_config={"include_thoughts": False, "thinking_level": "LOW"}',
    );
    // The Python SDK takes bytes where the JavaScript SDK takes base64 text.
    expect(code).toContain('"thought_signature": base64.b64decode("c2lnLXQ=", altchars="-_")');
    expect(code).toContain('"inline_data": {"mime_type": "image/png", "data": image1}');
    expect(code).toContain('image1 = pathlib.Path("chart.png").read_bytes()');
  });

  it("uploads a large file and sends it by URI", () => {
    const doc = parse(cases.withFiles([media("b", "speech.wav", "audio/wav", 10_000_000)]));
    const { code: uploading } = generateCode(doc, "python", { stream: true });
    expect(uploading).toContain('audio1 = upload_file("speech.wav", "audio/wav")');
    expect(uploading).toContain('"file_data": {"file_uri": audio1.uri, "mime_type": "audio/wav"}');
    expect(uploading).toContain("stream = client.models.generate_content_stream(");
  });
});

/**
 * What Python's own parser sees in a program with declared functions: its top-level functions
 * (name, parameters, what they return), the `FUNCTIONS` table, the top-level loop (what it
 * iterates over, the requests it sends, whether it has an `else`), what is appended to the
 * conversation and the function responses built.
 */
interface Shape {
  defs: { name: string; params: string[]; returns: unknown[] }[];
  table: Record<string, string>;
  loops: { over: string; sends: Record<string, string>[]; orelse: boolean }[];
  appends: string[];
  responses: Record<string, string>[];
}

const SHAPE_SCRIPT = `
import ast, json, sys

def value(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return ast.unparse(node)

def params(args):
    names = [a.arg for a in args.args]
    first_default = len(names) - len(args.defaults)
    out = [n if i < first_default else n + "=" + ast.unparse(args.defaults[i - first_default])
           for i, n in enumerate(names)]
    return out + (["**" + args.kwarg.arg] if args.kwarg else [])

def calls(tree, callee):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == callee]

def shape(path):
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    defs, table, loops = [], {}, []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            returns = [value(n.value) for n in ast.walk(node) if isinstance(n, ast.Return)]
            defs.append({"name": node.name, "params": params(node.args), "returns": returns})
        elif isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "FUNCTIONS":
            table = {k.value: ast.unparse(v) for k, v in zip(node.value.keys, node.value.values)}
        elif isinstance(node, ast.For):
            sends = [{k.arg: ast.unparse(k.value) for k in c.keywords}
                     for c in ast.walk(node) if isinstance(c, ast.Call)
                     and ast.unparse(c.func).startswith("client.models.generate_content")]
            loops.append({"over": ast.unparse(node.iter), "sends": sends, "orelse": bool(node.orelse)})
    return {
        "defs": defs,
        "table": table,
        "loops": loops,
        "appends": [ast.unparse(c.args[0]) for c in calls(tree, "contents.append")],
        "responses": [{k.arg: ast.unparse(k.value) for k in c.keywords}
                      for c in calls(tree, "types.FunctionResponse")],
    }

print(json.dumps([shape(path) for path in sys.argv[1:]]))
`;

/** Each program's shape, by Python's own parser. */
function shapes(...programs: string[]): Shape[] {
  const files = programs.map((code, i) => {
    const file = join(workdir, `shape-${i}.py`);
    writeFileSync(file, code);
    return file;
  });
  return JSON.parse(execFileSync("python3", ["-c", SHAPE_SCRIPT, ...files], { encoding: "utf8" }));
}

describe("the Python loop that answers the model's function calls", () => {
  const python = (doc: PromptDocInput, stream: boolean) =>
    generateCode(parse(doc), "python", { stream }).code;
  const [unary, streamed, awkward, plain] = shapes(
    python(cases.functionLoop, false),
    python(cases.functionLoop, true),
    python(cases.awkwardFunctions, false),
    python(cases.plain, false),
  );
  const stub = (name: string, params: string[]) => ({ name, params, returns: [STUB_RESULT] });
  const RESPONSE = {
    id: "call.id",
    name: "call.name",
    // `**(call.args or {})` as ast.unparse prints it: `**` takes the whole expression.
    response: "FUNCTIONS[call.name](**call.args or {})",
  };

  it("declares a stand-in per function, named after it and taking its arguments", () => {
    expect(unary?.defs.slice(0, 2)).toEqual([
      stub("get_weather", ["city", "unit=None"]),
      stub("get_time", []),
    ]);
    expect(unary?.table).toEqual({ get_weather: "get_weather", get_time: "get_time" });
  });

  it("sends the request, then the model's content as it came and a turn of function responses", () => {
    expect(unary?.loops).toEqual([
      {
        over: `range(${MAX_ROUNDS})`,
        sends: [{ model: "'gemini-3-flash-preview'", contents: "contents", config: "config" }],
        orelse: true,
      },
    ]);
    expect(unary?.appends).toEqual([
      "response.candidates[0].content",
      "function_responses(response.function_calls)",
    ]);
    expect(unary?.responses).toEqual([RESPONSE]);
    expect(unary?.defs.map((d) => d.name)).toEqual([
      "get_weather",
      "get_time",
      "function_responses",
    ]);
  });

  it("gathers a streamed answer's pieces into the model's turn, which goes back whole", () => {
    expect(streamed?.loops[0]?.sends).toEqual([
      { model: "'gemini-3-flash-preview'", contents: "contents", config: "config" },
    ]);
    expect(streamed?.appends).toEqual([
      "types.Content(role='model', parts=parts)",
      "function_responses(calls)",
    ]);
    expect(streamed?.responses).toEqual([RESPONSE]);
    expect(streamed?.defs.map((d) => d.name)).toEqual([
      "get_weather",
      "get_time",
      "function_responses",
      "add_part",
    ]);
  });

  it("binds each function where Python can, and finds it by the name the model calls", () => {
    expect(awkward?.defs.slice(0, 4)).toEqual([
      // `from-date` and `class` cannot be parameters: they come in `**args_` (`args` is one).
      stub("trip_book_now", ["city", "args=None", "**args_"]),
      stub("trip_book_now_", []),
      // The program calls print and has a FUNCTIONS table of its own.
      stub("print_", ["**args"]),
      stub("FUNCTIONS_", []),
    ]);
    expect(awkward?.table).toEqual({
      "trip.book-now": "trip_book_now",
      trip_book_now: "trip_book_now_",
      print: "print_",
      FUNCTIONS: "FUNCTIONS_",
    });
  });

  it("is not there when the prompt declares no function", () => {
    expect(plain).toEqual({ defs: [], table: {}, loops: [], appends: [], responses: [] });
  });
});

describe("the OpenAI (Python) code", () => {
  const doc = parse(cases.compatSettings);
  const request = codeRequest(doc);
  if (request.upstream.method !== "generateContent") throw new Error("not generateContent");
  const body = compatBody(request.upstream.params, true) as Record<string, unknown>;
  const { code } = generateCode(doc, "openai-python", { stream: true });

  it("passes every field of Run's body as the client's keyword argument of that name", () => {
    const fields = Object.keys(body);
    expect(fields.filter((f) => !OPENAI_ARGUMENTS.has(f))).toEqual([]);
    for (const field of fields) expect(code, field).toContain(`\n    ${field}=`);
  });

  it("wraps Gemini's extra_body in the client's, which merges into the top of the JSON", () => {
    expect(code).toContain(
      [
        "    extra_body={",
        '        "extra_body": {',
        '            "google": {"thinking_config": {"thinking_budget": 2048, "include_thoughts": True}},',
        "        },",
        "    },",
      ].join("\n"),
    );
    expect(code).toContain('stream_options={"include_usage": True}');
    expect(code).toContain('api_key=os.environ["GEMINI_API_KEY"]');
    expect(code).toContain('base_url="https://generativelanguage.googleapis.com/v1beta/openai/"');
  });

  it("asks for no stream in the unary call", () => {
    const unary = generateCode(doc, "openai-python", { stream: false }).code;
    expect(unary).not.toContain("stream=");
    expect(unary).not.toContain("stream_options=");
    expect(unary).toContain("response = client.chat.completions.create(");
  });
});
