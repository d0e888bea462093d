import { type PromptDoc, type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import * as cases from "@/tests/contract/codegen-cases";

/**
 * What every language's Get code test holds its programs to: the documents each must stay valid
 * for, and the walk over a request's SDK field names.
 */
export function parseDoc(input: PromptDocInput): PromptDoc {
  const parsed = parsePromptDoc(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

export const media = (
  c: string,
  name: string,
  mimeType: string,
  bytes: number,
  signature?: string,
) => ({
  kind: "media" as const,
  sha256: c.repeat(64),
  mimeType,
  name,
  bytes,
  ...(signature && { thoughtSignature: signature }),
});

/** A file name that breaks out of a naive string or comment in any language. */
export const HOSTILE_NAME = 'it\'s "x"\n\\evil()\u2028.png';

/** Every shape of prompt a program must stay valid for, in every language. */
export function codegenDocuments(hostile = HOSTILE_NAME): [string, PromptDocInput][] {
  return [
    ["plain", cases.plain],
    ["awkward text", cases.awkwardText],
    ["every setting", cases.everySetting],
    ["gemini 3", cases.gemini3],
    ["structured", cases.structured],
    ["function call", cases.functionCall],
    ["function loop", cases.functionLoop],
    ["parallel calls", cases.parallelCalls],
    ["awkward function names", cases.awkwardFunctions],
    ["compat settings", cases.compatSettings],
    ["compat level", cases.compatLevel],
    ["imagen", cases.imagen],
    [
      "files inline and uploaded, with a hostile name",
      cases.withFiles([
        media("a", hostile, "image/png", 100),
        media("b", "speech.wav", "audio/wav", 10_000_000),
      ]),
    ],
  ];
}

/** The person's own data, whose keys are theirs, not the SDK's. */
const DATA = new Set(["args", "response", "responseJsonSchema", "parametersJsonSchema"]);

/** Every SDK field name a request holds, the person's own data left out. */
export function sdkKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) sdkKeys(item, keys);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      keys.add(key);
      if (!DATA.has(key)) sdkKeys(item, keys);
    }
  }
  return keys;
}

/** A request with every setting the Gemini API takes, and every kind of part. */
export const everything = parseDoc({
  model: "gemini-2.5-flash-preview-tts",
  systemInstruction: "Be brief",
  contents: [
    {
      role: "user",
      parts: [
        { kind: "text", text: "Hi", thoughtSignature: "c2lnLXU=" },
        { ...media("a", "chart.png", "image/png", 100), thoughtSignature: "c2lnLWk=" },
        { ...media("b", "talk.wav", "audio/wav", 10_000_000), thoughtSignature: "c2lnLWY=" },
        media("c", "photo.jpg", "image/jpeg", 100),
      ],
    },
    {
      role: "model",
      parts: [
        { kind: "thought", text: "Pondering", thoughtSignature: "c2lnLXQ=" },
        { kind: "functionCall", id: "c1", name: "lookup", args: { cityName: "Oslo" } },
        { kind: "executableCode", id: "e1", language: "PYTHON", code: "print(1)" },
        { kind: "codeExecutionResult", id: "e1", outcome: "OUTCOME_OK", output: "1" },
      ],
    },
    {
      role: "user",
      parts: [{ kind: "functionResponse", id: "c1", name: "lookup", response: { tempC: 3 } }],
    },
  ],
  config: {
    temperature: 0.3,
    topP: 0.9,
    topK: 20,
    maxOutputTokens: 99,
    stopSequences: ["END"],
    seed: 7,
    presencePenalty: 0.1,
    frequencyPenalty: 0.2,
    responseMimeType: "application/json",
    responseSchema: { type: "object", properties: { someField: { type: "string" } } },
    mediaResolution: "MEDIA_RESOLUTION_LOW",
    safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
    thinking: { includeThoughts: true, budget: 512 },
    speech: {
      voices: [
        { speaker: "Ann", voice: "Kore" },
        { speaker: "Bo", voice: "Puck" },
      ],
    },
    imageAspectRatio: "4:3",
  },
  tools: {
    googleSearch: true,
    codeExecution: true,
    urlContext: true,
    functionDeclarations: [
      { name: "lookup", description: "Look up", parameters: { type: "object" } },
    ],
    functionCallingMode: "ANY",
    allowedFunctionNames: ["lookup"],
  },
});
