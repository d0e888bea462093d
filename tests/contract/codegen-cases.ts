/**
 * The prompt documents the "Get code" contract tests send both ways: by Run, and by the code
 * generated from them. Only `*.test.ts` files are collected, so this is not a test itself.
 */
import { signatureFor } from "@/lib/emulator/native/thought-signature";
import type { MediaPart, PromptDocInput } from "@/lib/prompt";

const user = (text: string) => ({
  role: "user" as const,
  parts: [{ kind: "text" as const, text }],
});

/** Signatures the emulator issued, so Gemini 3's check on them passes as Google's would. */
const signed = (purpose: string) => signatureFor("codegen-contract", purpose);

export const plain: PromptDocInput = {
  model: "gemini-2.5-flash",
  contents: [user("Name three rivers.")],
};

/** Everything a shell, a JavaScript string or a here-document could take for its own syntax. */
export const awkwardText: PromptDocInput = {
  model: "gemini-2.5-flash",
  systemInstruction: "Answer in 'single' and \"double\" quotes; mind $HOME, `ls` and \\n.",
  contents: [
    user(
      "Line one\nLine two\twith a tab, a backslash \\ and \\\\ two, $(echo no) \u0024{PATH} `id`,\nEOF\n'EOF'\nunicode ✓ \u2028 é 😀 and </script>",
    ),
  ],
};

/**
 * Every run setting at once, with a conversation that was signed. Gemini 2.0 Flash is the one
 * model that takes penalties (and it ignores the thinking settings it has no use for).
 */
export const everySetting: PromptDocInput = {
  model: "gemini-2.0-flash",
  title: "Every setting",
  systemInstruction: "You are terse.\nNever apologise.",
  contents: [
    user("What is the tallest mountain?"),
    {
      role: "model",
      parts: [
        {
          kind: "thought",
          text: "Everest, measured from sea level.",
          thoughtSignature: signed("t"),
        },
        { kind: "text", text: "Mount Everest.", thoughtSignature: signed("a") },
        { kind: "text", text: "", thoughtSignature: signed("end") },
      ],
    },
    user("And the deepest trench?"),
  ],
  config: {
    temperature: 0.35,
    topP: 0.91,
    topK: 37,
    maxOutputTokens: 1234,
    stopSequences: ["STOP", "END OF ANSWER"],
    seed: 98765,
    presencePenalty: 0.25,
    frequencyPenalty: -0.5,
    responseMimeType: "text/plain",
    mediaResolution: "MEDIA_RESOLUTION_LOW",
    safetySettings: [
      { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" },
      { category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_LOW_AND_ABOVE" },
    ],
    thinking: { includeThoughts: true, budget: 2048 },
    responseModalities: ["TEXT"],
  },
  tools: { googleSearch: true, urlContext: true },
};

/** Gemini 3: a thinking level, and code execution in the conversation. */
export const gemini3: PromptDocInput = {
  model: "gemini-3-pro-preview",
  contents: [
    user("Sum the first ten primes."),
    {
      role: "model",
      parts: [
        {
          kind: "executableCode",
          language: "PYTHON",
          code: "print(sum([2,3,5,7,11,13,17,19,23,29]))",
        },
        { kind: "codeExecutionResult", outcome: "OUTCOME_OK", output: "129\n" },
        { kind: "text", text: "129", thoughtSignature: signed("sum") },
      ],
    },
    user("Now the first twenty."),
  ],
  config: { thinking: { level: "low", includeThoughts: false }, temperature: 1 },
  tools: { codeExecution: true },
};

export const structured: PromptDocInput = {
  model: "gemini-2.5-flash",
  contents: [user("Invent a city.")],
  config: {
    responseMimeType: "application/json",
    responseSchema: {
      type: "object",
      properties: {
        name: { type: "string", description: "The city's name" },
        population: { type: "integer", minimum: 0 },
        districts: { type: "array", items: { type: "string" }, maxItems: 4 },
      },
      required: ["name", "population"],
    },
  },
};

const weather = {
  name: "get_weather",
  description: "The weather in a city now.",
  parameters: {
    type: "object",
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["C", "F"] } },
    required: ["city"],
  },
};

/**
 * A call and its result on Gemini 3: the call was made without a signature (by hand), so Run
 * sends the documented stand-in on it, and the code must too.
 */
export const functionCall: PromptDocInput = {
  model: "gemini-3-flash-preview",
  contents: [
    user("Is it warm in Oslo?"),
    {
      role: "model",
      parts: [{ kind: "functionCall", id: "call-1", name: "get_weather", args: { city: "Oslo" } }],
    },
    {
      role: "user",
      parts: [
        {
          kind: "functionResponse",
          id: "call-1",
          name: "get_weather",
          response: { temperature: 21, unit: "C" },
        },
      ],
    },
  ],
  tools: {
    functionDeclarations: [weather, { name: "get_time" }],
    functionCallingMode: "ANY",
    allowedFunctionNames: ["get_weather"],
  },
};

/**
 * A question the model answers with a call to a declared function, on Gemini 3, which signs it:
 * the code answers the call with its stand-in's result and sends the conversation again.
 */
export const functionLoop: PromptDocInput = {
  model: "gemini-3-flash-preview",
  contents: [user("Is it warm in Oslo?")],
  tools: { functionDeclarations: [weather, { name: "get_time", description: "The time now." }] },
};

/**
 * Two calls at once after a streamed thought summary, on Gemini 2.5: only the first call is
 * signed, and the thought's pieces go back as one part.
 */
export const parallelCalls: PromptDocInput = {
  model: "gemini-2.5-flash",
  contents: [
    user("Is it warm in Oslo, and what time is it there?\n#emulator calls=2 thoughts=400"),
  ],
  config: { thinking: { includeThoughts: true, budget: 1024 } },
  tools: { functionDeclarations: [weather, { name: "get_time", description: "The time now." }] },
};

/**
 * Functions the languages cannot all bind by their own names: a name with `.` and `-` (and
 * another that becomes the same), names a program or a builtin already has, arguments named by a
 * keyword or with a `-`, a schema that names no arguments, and a description that would end a
 * comment or a docstring.
 */
export const awkwardFunctions: PromptDocInput = {
  model: "gemini-2.5-flash",
  contents: [user("Book the trip to Oslo.")],
  tools: {
    functionDeclarations: [
      {
        name: "trip.book-now",
        description: 'Books a trip. */ """ ends\u2028here\nor not',
        parameters: {
          type: "object",
          properties: {
            city: { type: "string" },
            "from-date": { type: "string", format: "date" },
            class: { type: "string", enum: ["economy", "business"] },
            args: { type: "integer", minimum: 1 },
          },
          required: ["city", "from-date", "class"],
        },
      },
      { name: "trip_book_now" },
      { name: "print", parameters: { type: "object" } },
      { name: "FUNCTIONS" },
    ],
  },
};

export const withFiles = (files: MediaPart[], text = "Describe these."): PromptDocInput => ({
  model: "gemini-2.5-flash",
  contents: [{ role: "user", parts: [...files, { kind: "text", text }] }],
});

export const imagen: PromptDocInput = {
  model: "imagen-4.0-fast-generate-001",
  contents: [user("A red kite over a green hill")],
  config: { numberOfImages: 2, imageAspectRatio: "16:9" },
};

/** The document run through another door: `api` is the one setting that differs. */
export const through = (api: "openai" | "interactions", doc: PromptDocInput): PromptDocInput => ({
  ...doc,
  config: { ...doc.config, api },
});

/**
 * Every setting OpenAI compatibility carries, with a signed conversation: penalties (Gemini 2.0
 * Flash takes them), a thinking budget with thought summaries (`extra_body.google`).
 */
export const compatSettings: PromptDocInput = {
  model: "gemini-2.0-flash",
  title: "Every compatible setting",
  systemInstruction: "You are terse.\nNever apologise.",
  contents: everySetting.contents,
  config: {
    api: "openai",
    temperature: 0.35,
    topP: 0.91,
    maxOutputTokens: 1234,
    stopSequences: ["STOP", "END OF ANSWER"],
    seed: 98765,
    presencePenalty: 0.25,
    frequencyPenalty: -0.5,
    thinking: { includeThoughts: true, budget: 2048 },
  },
};

/** Gemini 3 with a thinking level alone: `reasoning_effort` on the compatible endpoint. */
export const compatLevel: PromptDocInput = {
  model: "gemini-3-flash-preview",
  contents: [user("Sum the first ten primes.")],
  config: { api: "openai", thinking: { level: "low" }, temperature: 1 },
};

/**
 * Every setting the Interactions API carries, built-in tools included. Safety settings are left
 * out: the emulator refuses the names `toInteractionBody` gives them, through Run as well.
 */
export const interactionSettings: PromptDocInput = {
  model: "gemini-3-pro-preview",
  title: "Every interaction setting",
  systemInstruction: "You are terse.\nNever apologise.",
  contents: gemini3.contents.slice(0, 1),
  config: {
    api: "interactions",
    temperature: 0.35,
    topP: 0.91,
    maxOutputTokens: 1234,
    stopSequences: ["STOP", "END OF ANSWER"],
    seed: 98765,
    thinking: { level: "low", includeThoughts: true },
  },
  tools: { googleSearch: true, urlContext: true, codeExecution: true },
};

/** A function call and its result, with the one function the compatible endpoint may force. */
export const functionCallAuto: PromptDocInput = {
  ...functionCall,
  tools: { ...functionCall.tools, functionCallingMode: "AUTO", allowedFunctionNames: undefined },
};

/** The prompts every Gemini API tab (the SDKs, REST, Apps Script) is run with, by what they hold. */
export const geminiApiCases: readonly (readonly [string, PromptDocInput])[] = [
  ["a plain prompt", plain],
  ["text full of quotes, dollars and backslashes", awkwardText],
  ["every setting, thought signatures and built-in tools", everySetting],
  ["Gemini 3 with a thinking level and code execution", gemini3],
  ["structured output with a schema", structured],
  ["declared functions with a call and its result", functionCall],
];
