import type { PromptDoc } from "@/lib/prompt";
import { API_LABELS, runApi } from "@/lib/wire/api";
import { appsScriptCode } from "./apps-script";
import { type CodeRequest, type CodeRequestOptions, codeRequest } from "./code-request";
import { javascriptCode } from "./javascript";
import { DEFAULT_INLINE_BYTES } from "./media-files";
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
  const generator = GENERATORS[target];
  if (!generator) {
    const note = `${info.label} code is not available yet.`;
    return { ...base, code: `${info.language === "python" ? "#" : "//"} ${note}\n`, notes: [note] };
  }
  const request = codeRequest(doc, options);
  const notes = [
    ...doorNotes(doc, info),
    ...request.notes,
    ...streamNotes(request, info, options.stream),
    ...fileNotes(request, info, options.inlineBytes ?? DEFAULT_INLINE_BYTES),
    ...outputNotes(request),
  ];
  return { ...base, code: generator(request, notes, options.stream), notes };
}

type Generator = (request: CodeRequest, notes: string[], stream: boolean) => string;

/** One generator per target, each in a file of its own; a target without one is not ready. */
const GENERATORS: Partial<Record<CodeTarget, Generator>> = {
  javascript: javascriptCode,
  rest: restCode,
  "apps-script": appsScriptCode,
};

export function isReady(target: CodeTarget): boolean {
  return GENERATORS[target] !== undefined;
}

function doorNotes(doc: PromptDoc, info: CodeTargetInfo): string[] {
  const api = runApi(doc.config);
  if (api === info.api) return [];
  return [
    `The playground runs this prompt through ${API_LABELS[api]}; this code calls the ${API_LABELS[info.api]}.`,
  ];
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
