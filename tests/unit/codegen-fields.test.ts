import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import { CODE_TARGETS } from "@/lib/codegen/targets";
import {
  PartSchema,
  type PromptDoc,
  PromptDocSchema,
  parsePromptDoc,
  RunConfigSchema,
  ThinkingSchema,
  ToolsConfigSchema,
} from "@/lib/prompt";

/**
 * No field of a prompt document is dropped on the way to code: a document with every field set,
 * each to a value found nowhere else, must show every value in each ready target's code or in its
 * notes. A field added to the document's schema fails here until the maximal document sets it
 * and the test knows where its value shows.
 */
const sha = "c".repeat(64);

const maximal: PromptDoc = parse({
  version: 1,
  model: "gemini-2.5-flash",
  title: "Maximal document",
  systemInstruction: "System words here",
  contents: [
    {
      role: "user",
      parts: [
        { kind: "text", text: "User text one", thoughtSignature: "sig-user-text" },
        {
          kind: "media",
          sha256: sha,
          mimeType: "image/png",
          name: "chart.png",
          bytes: 2048,
          thoughtSignature: "sig-media",
        },
      ],
    },
    {
      role: "model",
      parts: [
        { kind: "thought", text: "Model thought words", thoughtSignature: "sig-thought" },
        {
          kind: "functionCall",
          id: "call-id-7",
          name: "lookup_city",
          args: { city: "Trondheim" },
          thoughtSignature: "sig-call",
        },
        {
          kind: "executableCode",
          id: "code-id-8",
          language: "PYTHON",
          code: "print(6 * 7)",
          thoughtSignature: "sig-code",
        },
        {
          kind: "codeExecutionResult",
          id: "result-id-9",
          outcome: "OUTCOME_DEADLINE_EXCEEDED",
          output: "partial output",
          thoughtSignature: "sig-result",
        },
      ],
    },
    {
      role: "user",
      parts: [
        {
          kind: "functionResponse",
          id: "call-id-7",
          name: "lookup_city",
          response: { population: 212660 },
        },
      ],
    },
  ],
  config: {
    api: "openai",
    background: true,
    store: true,
    temperature: 0.35,
    topP: 0.91,
    topK: 37,
    maxOutputTokens: 1234,
    stopSequences: ["STOPWORD"],
    seed: 98765,
    presencePenalty: 0.25,
    frequencyPenalty: -0.5,
    responseMimeType: "application/json",
    responseSchema: { type: "object", properties: { verdict: { type: "string" } } },
    mediaResolution: "MEDIA_RESOLUTION_HIGH",
    safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
    thinking: { includeThoughts: true, budget: 4321, level: "medium" },
    responseModalities: ["TEXT", "IMAGE"],
    speech: { voices: [{ speaker: "Anna", voice: "Kore" }, { voice: "Puck" }] },
    numberOfImages: 3,
    imageAspectRatio: "21:9",
  },
  tools: {
    googleSearch: true,
    codeExecution: true,
    urlContext: true,
    functionDeclarations: [
      {
        name: "lookup_city",
        description: "Facts about a city",
        parameters: { type: "object", properties: { city: { type: "string" } } },
      },
    ],
    functionCallingMode: "ANY",
    allowedFunctionNames: ["lookup_city"],
  },
});

function parse(input: unknown): PromptDoc {
  const parsed = parsePromptDoc(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

type Syntax = "js" | "json" | "python" | "java" | "csharp" | "go";

/**
 * Where a value shows when it is not printed as itself: a transformed value, a note, or nothing
 * (with the reason). Paths have their array indices as `*`.
 */
const SHOWN_AS: Record<string, (value: unknown, syntax: Syntax) => string | string[] | null> = {
  version: () => null, // the document's format, not part of any request
  "contents.*.parts.*.kind": () => null, // the shape of a part, not a value in it
  "contents.*.parts.*.sha256": () => "chart.png", // a file is read from its path
  "contents.*.parts.*.bytes": () => null, // decides inline or upload; nothing sends it
  title: (value) => String(value),
  model: (value) => [JSON.stringify(value), `/models/${value}:`], // a parameter, or in the URL
  "contents.*.parts.*.name": (value) => String(value), // a path, quoted for each language
  "config.api": () => "OpenAI compatibility",
  // Noted by the targets that cannot carry it, sent by the Interactions one.
  "config.background": (value) => [`Run in background (${value})`, `background: ${value}`],
  "config.store": (value) => [`Keep history at Google (${value})`, `store: ${value}`],
  "config.numberOfImages": (value) => `Pictures per run (${value})`,
  "config.thinking.level": (value) => JSON.stringify(String(value).toUpperCase()),
  "config.thinking.includeThoughts": (value, syntax) => member("includeThoughts", value, syntax),
  "tools.googleSearch": (_, syntax) => member("googleSearch", {}, syntax),
  "tools.codeExecution": (_, syntax) => member("codeExecution", {}, syntax),
  "tools.urlContext": (_, syntax) => member("urlContext", {}, syntax),
};

function member(key: string, value: unknown, syntax: Syntax): string {
  // C# sets each field as its record's property: `IncludeThoughts = true`, `GoogleSearch = new …`.
  if (syntax === "csharp") {
    const property = key.charAt(0).toUpperCase() + key.slice(1);
    return `${property} = ${typeof value === "object" ? "new " : JSON.stringify(value)}`;
  }
  // Java sets each field through its builder's setter: `.includeThoughts(true)`, `.googleSearch(…)`.
  if (syntax === "java") {
    return typeof value === "object" ? `.${key}(` : `.${key}(${JSON.stringify(value)})`;
  }
  if (syntax === "python") {
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return `"${snake}": ${value === true ? "True" : JSON.stringify(value)}`;
  }
  return syntax === "js"
    ? `${key}: ${JSON.stringify(value)}`
    : `"${key}": ${JSON.stringify(value)}`;
}

type Shown = (value: unknown, syntax: Syntax) => string | string[] | null;
const label =
  (text: string): Shown =>
  () =>
    text;
const CODE_STEPS = label("Code execution steps in the conversation");
const OUTPUT = label("Image and speech output");

/**
 * Through the other doors a value shows in that door's own words (`"assistant"`, a `data:` URL,
 * `thinking_level`), or in the note that names what the door has no place for (`apiGaps`, and the
 * thoughts and signatures its body leaves out).
 */
const DOOR_SHOWN: Record<"openai" | "interactions", Record<string, Shown>> = {
  openai: {
    "contents.*.role": () => null, // a message's role, "user" or "assistant"
    "contents.*.parts.*.thoughtSignature": (value) => [printed(value), "thought signature"],
    "contents.*.parts.*.mimeType": (value) => `data:${value}`,
    "contents.*.parts.*.text": (value) => [printed(value), "thoughts in the model's turns"],
    "contents.*.parts.*.args.city": (value) => String(value), // inside the call's JSON arguments
    "contents.*.parts.*.id": (value) => [printed(value), "Code execution steps"],
    "contents.*.parts.*.language": CODE_STEPS,
    "contents.*.parts.*.code": CODE_STEPS,
    "contents.*.parts.*.outcome": CODE_STEPS,
    "contents.*.parts.*.output": CODE_STEPS,
    "config.topK": label("Top K"),
    "config.responseMimeType": () => "json_schema",
    "config.mediaResolution": label("Media resolution"),
    "config.safetySettings.*.category": label("Safety settings"),
    "config.safetySettings.*.threshold": label("Safety settings"),
    "config.thinking.includeThoughts": (value, syntax) => member("include_thoughts", value, syntax),
    "config.thinking.level": (value) => JSON.stringify(value),
    "config.responseModalities.*": OUTPUT,
    "config.speech.voices.*.speaker": OUTPUT,
    "config.speech.voices.*.voice": OUTPUT,
    "config.imageAspectRatio": OUTPUT,
    "tools.googleSearch": label("Grounding with Google Search"),
    "tools.codeExecution": label("Code execution"),
    "tools.urlContext": label("URL context"),
    "tools.functionCallingMode": () => "tool_choice",
  },
  interactions: {
    "contents.*.role": () => null, // a step's type, "user_input" or "model_output"
    "contents.*.parts.*.thoughtSignature": (value) => [printed(value), "thought signature"],
    "contents.*.parts.*.id": (value) => [printed(value), "Code execution steps"],
    "contents.*.parts.*.language": CODE_STEPS,
    "contents.*.parts.*.code": CODE_STEPS,
    "contents.*.parts.*.outcome": CODE_STEPS,
    "contents.*.parts.*.output": CODE_STEPS,
    "config.topK": label("Top K"),
    "config.presencePenalty": label("Presence penalty"),
    "config.frequencyPenalty": label("Frequency penalty"),
    "config.mediaResolution": label("Media resolution"),
    "config.thinking.budget": label("Thinking budget"),
    "config.thinking.includeThoughts": () => "thinking_summaries",
    "config.thinking.level": (value) => JSON.stringify(value),
    "config.responseModalities.*": OUTPUT,
    "config.speech.voices.*.speaker": OUTPUT,
    "config.speech.voices.*.voice": OUTPUT,
    "config.imageAspectRatio": OUTPUT,
    "tools.googleSearch": () => '"google_search"',
    "tools.codeExecution": () => '"code_execution"',
    "tools.urlContext": () => '"url_context"',
    "tools.functionCallingMode": (value) => JSON.stringify(String(value).toLowerCase()),
    // The Interactions API names them in lower case, without the prefix.
    "config.safetySettings.*.category": (value) =>
      JSON.stringify(
        String(value)
          .replace(/^HARM_CATEGORY_/, "")
          .toLowerCase(),
      ),
    "config.safetySettings.*.threshold": (value) => JSON.stringify(String(value).toLowerCase()),
  },
};

/** C# names the SDK's string enums by their PascalCase members: `HarmCategory.HarmCategoryHateSpeech`. */
const csharpEnum =
  (type: string): Shown =>
  (value) =>
    `${type}.${String(value)
      .toLowerCase()
      .replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase())}`;
const CSHARP_SHOWN: Record<string, Shown> = {
  "contents.*.parts.*.language": csharpEnum("Language"),
  "contents.*.parts.*.outcome": csharpEnum("Outcome"),
  "config.mediaResolution": csharpEnum("MediaResolution"),
  "config.safetySettings.*.category": csharpEnum("HarmCategory"),
  "config.safetySettings.*.threshold": csharpEnum("HarmBlockThreshold"),
  "config.thinking.level": csharpEnum("ThinkingLevel"),
  "tools.functionCallingMode": csharpEnum("FunctionCallingConfigMode"),
};

/** Go names enum values by the SDK's constants (go-genai types.go) and fields by exported names. */
const goConstant =
  (type: string, prefix = ""): Shown =>
  (value) =>
    `genai.${type}${String(value)
      .replace(prefix, "")
      .toLowerCase()
      .replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase())}`;
const GO_SHOWN: Record<string, Shown> = {
  "contents.*.role": goConstant("Role"),
  "contents.*.parts.*.language": goConstant("Language"),
  "contents.*.parts.*.outcome": goConstant("Outcome", "OUTCOME_"),
  "config.mediaResolution": goConstant("MediaResolution", "MEDIA_RESOLUTION_"),
  "config.safetySettings.*.category": goConstant("HarmCategory", "HARM_CATEGORY_"),
  "config.safetySettings.*.threshold": goConstant("HarmBlockThreshold"),
  "config.thinking.level": goConstant("ThinkingLevel"),
  "config.thinking.includeThoughts": (value) => `IncludeThoughts: ${value}`,
  "tools.functionCallingMode": goConstant("FunctionCallingConfigMode"),
  "tools.googleSearch": () => "GoogleSearch: &genai.GoogleSearch{}",
  "tools.codeExecution": () => "CodeExecution: &genai.ToolCodeExecution{}",
  "tools.urlContext": () => "URLContext: &genai.URLContext{}",
};

function leaves(value: unknown, path: string[] = []): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item) => leaves(item, [...path, "*"]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [[path.join("."), value]];
}

const SYNTAX: Record<string, Syntax> = {
  python: "python",
  javascript: "js",
  rest: "json",
  "apps-script": "js",
  "openai-python": "python",
  "openai-javascript": "js",
  "openai-rest": "json",
  interactions: "js",
  csharp: "csharp",
  java: "java",
  go: "go",
};
const ready = CODE_TARGETS;

describe("the maximal document", () => {
  it("sets every field the document's schema has", () => {
    const keys = (shape: object) => Object.keys(shape).sort();
    expect(keys(maximal)).toEqual(keys(PromptDocSchema.shape));
    expect(keys(maximal.config)).toEqual(keys(RunConfigSchema.shape));
    expect(keys(maximal.config.thinking ?? {})).toEqual(keys(ThinkingSchema.shape));
    expect(keys(maximal.tools)).toEqual(keys(ToolsConfigSchema.shape));
    const parts = maximal.contents.flatMap((turn) => turn.parts);
    for (const schema of PartSchema.options) {
      const kind = schema.shape.kind.value;
      const part = parts.find((p) => p.kind === kind);
      expect(part, kind).toBeDefined();
      expect(keys(part ?? {}), kind).toEqual(keys(schema.shape));
    }
  });
});

describe.each(ready)("$label code", ({ id, api }) => {
  const syntax = SYNTAX[id] ?? "js";
  const shownAs = {
    ...(api === "gemini" ? SHOWN_AS : { ...SHOWN_AS, ...DOOR_SHOWN[api] }),
    ...(syntax === "csharp" && CSHARP_SHOWN),
    ...(syntax === "go" && GO_SHOWN),
  };
  it.each([true, false])("shows every value of the maximal document (stream: %s)", (stream) => {
    const { code, notes } = generateCode(maximal, id, { stream });
    const missing = leaves(maximal).filter(([path, value]) => {
      const shown = path in shownAs ? shownAs[path]?.(value, syntax) : printed(value);
      if (shown === null || shown === undefined) return false;
      const forms = Array.isArray(shown) ? shown : [shown];
      return !forms.some((form) => code.includes(form) || notes.some((n) => n.includes(form)));
    });
    expect(missing).toEqual([]);
  });
});

function printed(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
