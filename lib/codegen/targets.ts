import type { RunApi } from "@/lib/wire/api";

/**
 * Every tab of "Get code", in the order the tabs show. A target is one language through one of
 * the three doors (`lib/wire/api.ts`): the Gemini API's targets print the request
 * `toGenerateContentParameters` gives, the other doors' targets that request in their body
 * (`openai-request.ts`, `interactions-request.ts`); each has its generator in `generate.ts`.
 */
export const CODE_TARGETS = [
  target("python", "Python", "python", "py", "gemini"),
  target("javascript", "JavaScript", "javascript", "mjs", "gemini"),
  target("go", "Go", "go", "go", "gemini"),
  target("java", "Java", "java", "java", "gemini"),
  target("csharp", "C#", "csharp", "cs", "gemini"),
  target("rest", "REST", "bash", "sh", "gemini"),
  target("apps-script", "Apps Script", "javascript", "gs", "gemini"),
  target("openai-python", "OpenAI (Python)", "python", "py", "openai"),
  target("openai-javascript", "OpenAI (JavaScript)", "javascript", "mjs", "openai"),
  target("openai-rest", "OpenAI (REST)", "bash", "sh", "openai"),
  target("interactions", "Interactions", "javascript", "mjs", "interactions"),
] as const;

export type CodeTarget = (typeof CODE_TARGETS)[number]["id"];

export interface CodeTargetInfo<Id extends string = string> {
  id: Id;
  /** The tab's label. */
  label: string;
  /** The highlighter's language name (Shiki's). */
  language: string;
  /** Without the dot. */
  extension: string;
  /** The door the code goes through. */
  api: RunApi;
}

function target<const Id extends string>(
  id: Id,
  label: string,
  language: string,
  extension: string,
  api: RunApi,
): CodeTargetInfo<Id> {
  return { id, label, language, extension, api };
}

export function codeTarget(id: CodeTarget): CodeTargetInfo<CodeTarget> {
  const found = CODE_TARGETS.find((t) => t.id === id);
  if (!found) throw new Error(`unknown code target ${id}`);
  return found;
}

/** The tab a prompt's code opens on: the first that goes through the door its runs take. */
export function targetFor(api: RunApi): CodeTarget {
  return (CODE_TARGETS.find((t) => t.api === api) ?? CODE_TARGETS[0]).id;
}
