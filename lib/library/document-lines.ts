import { type CompareDoc, columnRequest } from "@/lib/compare/document";
import type { PromptDoc, Turn } from "@/lib/prompt";

/**
 * A saved document as lines a person reads — settings, instructions, each turn — so two
 * revisions can be compared line by line instead of as raw JSON.
 */
export function documentLines(kind: "chat" | "compare", document: unknown): string[] {
  if (kind === "chat") return promptLines(document as PromptDoc);
  const doc = document as CompareDoc;
  return [
    ...promptLines(doc.shared).map((line) => `Shared · ${line}`),
    ...doc.columns.flatMap((column, i) => {
      const own = columnRequest(doc, column, []);
      return [
        `Column ${i + 1} · Model: ${column.model}`,
        ...settingLines(own).map((l) => `Column ${i + 1} · ${l}`),
      ];
    }),
  ];
}

function promptLines(doc: PromptDoc): string[] {
  return [
    `Model: ${doc.model}`,
    ...(doc.systemInstruction ? [`System instructions: ${doc.systemInstruction}`] : []),
    ...settingLines(doc),
    ...doc.contents.map((turn, i) => `Turn ${i + 1} (${turn.role}): ${turnText(turn)}`),
  ];
}

function settingLines(doc: Pick<PromptDoc, "config" | "tools">): string[] {
  const config = Object.entries(doc.config ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `Setting ${key}: ${JSON.stringify(value)}`);
  const tools = Object.entries(doc.tools ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `Tool ${key}: ${JSON.stringify(value)}`);
  return [...config.sort(), ...tools.sort()];
}

function turnText(turn: Turn): string {
  return turn.parts
    .map((part) => {
      switch (part.kind) {
        case "text":
          return part.text;
        case "media":
          return `[${part.mimeType}${part.name ? ` ${part.name}` : ""}]`;
        case "functionCall":
          return `[calls ${part.name}(${JSON.stringify(part.args ?? {})})]`;
        case "functionResponse":
          return `[${part.name} returned ${JSON.stringify(part.response)}]`;
        default:
          return `[${part.kind}]`;
      }
    })
    .join(" ");
}
