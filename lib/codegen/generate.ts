import type { PromptDoc } from "@/lib/prompt";
import { API_LABELS, apiGaps, type RunApi, runApi } from "@/lib/wire/api";
import { isResearchAgent, modelKind } from "@/lib/wire/model-kind";
import { appsScriptCode } from "./apps-script";
import { type CodeRequest, type CodeRequestOptions, codeRequest } from "./code-request";
import { csharpCode } from "./csharp";
import { goCode } from "./go";
import { interactionsCode } from "./interactions";
import { javaCode } from "./java";
import { javascriptCode } from "./javascript";
import { DEFAULT_INLINE_BYTES } from "./media-files";
import { openaiJavascriptCode } from "./openai-javascript";
import { openaiPythonCode } from "./openai-python";
import { openaiRestCode } from "./openai-rest";
import { pythonCode } from "./python";
import { restCode } from "./rest";
import { type CodeTarget, type CodeTargetInfo, codeTarget } from "./targets";

/**
 * "Get code": a prompt document as a program that sends exactly the request Run sends. Every
 * target prints the one mapping's output (`codeRequest`), so a setting reaches the code the day
 * it reaches Run; what a target cannot say is written at the top of the code and in `notes`.
 */
export interface GenerateOptions extends CodeRequestOptions {
  stream: boolean;
  /** Local paths by sha256, where the code reads each file; otherwise the file's own name. */
  files?: Record<string, string>;
}

export interface GeneratedCode {
  code: string;
  fileName: string;
  /** The highlighter's language name. */
  language: string;
  notes: string[];
}

export function generateCode(
  doc: PromptDoc,
  target: CodeTarget,
  options: GenerateOptions,
): GeneratedCode {
  const info = codeTarget(target);
  const fileName = `${fileStem(doc.title)}.${info.extension}`;
  const base = { fileName, language: info.language };
  // OpenAI compatibility has no Files API: every file goes inline, as the only way it can.
  const request = codeRequest(doc, { ...options, inlineOnly: info.api === "openai" });
  const notes = [
    ...doorNotes(doc, info, options),
    ...request.notes,
    ...streamNotes(request, info, options.stream),
    ...fileNotes(request, info, options.inlineBytes ?? DEFAULT_INLINE_BYTES),
    ...outputNotes(request),
  ];
  return { ...base, code: GENERATORS[target](request, notes, options.stream), notes };
}

type Generator = (request: CodeRequest, notes: string[], stream: boolean) => string;

/** One generator per target, each in a file of its own. */
const GENERATORS: Record<CodeTarget, Generator> = {
  python: pythonCode,
  javascript: javascriptCode,
  go: goCode,
  java: javaCode,
  csharp: csharpCode,
  rest: restCode,
  "apps-script": appsScriptCode,
  "openai-python": openaiPythonCode,
  "openai-javascript": openaiJavascriptCode,
  "openai-rest": openaiRestCode,
  interactions: interactionsCode,
};

/**
 * The door the playground runs the prompt through, when the code goes through another; and what
 * the code's door cannot carry (`apiGaps`, the list that makes Run refuse), which its body then
 * leaves out.
 */
function doorNotes(doc: PromptDoc, info: CodeTargetInfo, options: GenerateOptions): string[] {
  const api = runApi(doc.config);
  const notes =
    api === info.api
      ? []
      : [
          `The playground runs this prompt through ${API_LABELS[api]}; this code calls the ${API_LABELS[info.api]}.`,
        ];
  const onlyInteractions = info.api === "interactions" ? [] : interactionsOnlyNotes(doc);
  if (info.api !== "interactions" && isResearchAgent(doc.model)) {
    notes.push(
      `${doc.model} is an agent: only the Interactions API runs it, so the ${API_LABELS[info.api]} refuses this request. See the Interactions tab.`,
    );
  }
  notes.push(...onlyInteractions.map((n) => n.note));
  if (info.api === "gemini") return notes;
  const kind = options.kind ?? modelKind(doc.model);
  const gaps = apiGaps({ ...doc, config: { ...doc.config, api: info.api } }, kind).filter(
    (gap) => !onlyInteractions.some((n) => n.gap === gap),
  );
  if (gaps.length) {
    notes.push(
      `${API_LABELS[info.api]} has no place for: ${gaps.join("; ")}. This code leaves them out (Run refuses the prompt through it).`,
    );
  }
  return [...notes, ...doorDrops(doc, info.api)];
}

/** The settings only the Interactions API carries, said once by every other door's code. */
function interactionsOnlyNotes(doc: PromptDoc): { gap: string; note: string }[] {
  const { background, store } = doc.config;
  return [
    ...(background
      ? [
          {
            gap: "Run in background",
            note: `Run in background (${background}) is not sent: only the Interactions API runs a prompt in the background.`,
          },
        ]
      : []),
    ...(store
      ? [
          {
            gap: "Keep history at Google",
            note: `Keep history at Google (${store}) is not sent: only the Interactions API keeps a conversation.`,
          },
        ]
      : []),
  ];
}

/**
 * What the door's body leaves out without refusing the run: thoughts and thought signatures it
 * has no field for. The request stays the one Run sends; the code says what is not in it.
 */
function doorDrops(doc: PromptDoc, api: RunApi): string[] {
  let dropped = 0;
  for (const turn of doc.contents) {
    // The model's own signatures that travel: on its calls; through OpenAI compatibility also
    // the first signed text of a turn (on the message), through Interactions on its thoughts.
    let textSigned = false;
    for (const part of turn.parts) {
      if (!("thoughtSignature" in part) || !part.thoughtSignature) continue;
      if (part.kind === "executableCode" || part.kind === "codeExecutionResult") continue;
      const model = turn.role === "model";
      if (model && part.kind === "functionCall") continue;
      if (model && api === "interactions" && part.kind === "thought") continue;
      if (model && api === "openai" && part.kind === "text" && !textSigned) {
        textSigned = true;
        continue;
      }
      dropped++;
    }
  }
  const notes: string[] = [];
  const thoughts = doc.contents.some((t) => t.parts.some((p) => p.kind === "thought" && p.text));
  if (api === "openai" && thoughts) {
    notes.push(
      "OpenAI compatibility has no place for the thoughts in the model's turns: their text is not sent.",
    );
  }
  if (dropped) {
    notes.push(
      `${API_LABELS[api]} has no place for ${dropped === 1 ? "one thought signature" : `${dropped} thought signatures`} of this conversation: not sent.`,
    );
  }
  return notes;
}

function streamNotes(request: CodeRequest, info: CodeTargetInfo, stream: boolean): string[] {
  if (!stream) return [];
  if (request.upstream.method === "generateImages") {
    return ["Imagen answers with all its pictures at once: there is no streaming."];
  }
  if (info.id === "apps-script") {
    return [
      "Apps Script cannot read a response as it streams: this code calls generateContent and gets the whole answer at once.",
    ];
  }
  return [];
}

function fileNotes(request: CodeRequest, info: CodeTargetInfo, inlineBytes: number): string[] {
  const { files } = request.media;
  if (!files.length) return [];
  const paths = files.map((f) => f.path).join(", ");
  const notes = [
    info.id === "apps-script"
      ? `Reads ${paths} from Google Drive: put each file's id in place of its DRIVE_FILE_ID.`
      : `Reads ${paths} from the folder it runs in.`,
  ];
  for (const file of files) {
    if (info.api === "openai" && file.bytes !== undefined && file.bytes > inlineBytes) {
      notes.push(
        `${file.path} (${size(file.bytes)}) is sent inline: OpenAI compatibility has no Files API, and Run refuses files over ${size(inlineBytes)} through it.`,
      );
    }
    if (file.upload && file.bytes !== undefined) {
      notes.push(
        `${file.path} (${size(file.bytes)}) goes through the Files API, as Run sends files over ${size(inlineBytes)}.`,
      );
    }
    if (file.bytes === undefined) {
      notes.push(`The size of ${file.path} is not known: it is sent inline, as a small file is.`);
    }
  }
  if (info.id === "rest" && files.some((f) => f.upload)) notes.push("The upload needs jq.");
  return notes;
}

function outputNotes(request: CodeRequest): string[] {
  if (request.upstream.method !== "generateContent") return [];
  const modalities = request.upstream.params.config?.responseModalities ?? [];
  if (!modalities.some((m) => m !== "TEXT")) return [];
  return [
    "The answer's pictures and speech come as base64 inlineData parts: this code prints only its text.",
  ];
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
}

/** The title as a file name (`weather-bot`), or `prompt`. */
function fileStem(title: string | undefined): string {
  const stem = (title ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
  return stem || "prompt";
}
