"use client";

import { CloseIcon } from "@/components/ui/icons";
import type { Column } from "@/lib/compare/document";
import { API_LABELS, type RunApi } from "@/lib/wire/api";

const NAMES: Record<string, string> = {
  api: "API",
  background: "Background",
  temperature: "Temperature",
  topP: "Top P",
  topK: "Top K",
  maxOutputTokens: "Output length",
  stopSequences: "Stop sequences",
  seed: "Seed",
  presencePenalty: "Presence penalty",
  frequencyPenalty: "Frequency penalty",
  responseMimeType: "Output format",
  responseSchema: "Schema",
  mediaResolution: "Media resolution",
  safetySettings: "Safety",
  thinking: "Thinking",
  responseModalities: "Output",
  speech: "Voice",
  numberOfImages: "Images",
  imageAspectRatio: "Aspect ratio",
  googleSearch: "Google Search",
  codeExecution: "Code execution",
  urlContext: "URL context",
  functionDeclarations: "Functions",
  functionCallingMode: "Function calling",
  allowedFunctionNames: "Allowed functions",
  systemInstruction: "System instructions",
  contents: "Conversation",
};

export const settingName = (key: string) => NAMES[key] ?? key;

/** A setting's value, short enough for a chip. */
function shortValue(value: unknown): string {
  if (value === true) return "on";
  if (value === false) return "off";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return `${value.length}`;
  if (value && typeof value === "object") {
    const thinking = value as { level?: string; budget?: number };
    if (thinking.level) return thinking.level;
    if (thinking.budget !== undefined) {
      return thinking.budget === -1
        ? "dynamic"
        : thinking.budget === 0
          ? "off"
          : `${thinking.budget}`;
    }
  }
  return "set";
}

/**
 * What this column sets itself, at a glance: each a chip with its value and a button that puts
 * the shared value back.
 */
export function OverrideChips({
  column,
  onReset,
}: {
  column: Column;
  onReset: (key: string) => void;
}) {
  const own: [string, string][] = [
    ...Object.entries(column.config).map(([k, v]): [string, string] => [
      k,
      k === "api" ? API_LABELS[v as RunApi] : shortValue(v),
    ]),
    ...Object.entries(column.tools).map(([k, v]): [string, string] => [k, shortValue(v)]),
    ...column.unset.map((k): [string, string] => [k, "default"]),
  ];
  if (column.systemInstruction !== undefined) own.push(["systemInstruction", "own"]);
  if (column.contents !== undefined) own.push(["contents", "own"]);
  if (own.length === 0) {
    return <p className="text-xs text-muted-foreground">Shared settings</p>;
  }
  return (
    <ul aria-label="Own settings" className="flex flex-wrap gap-1">
      {own.map(([key, value]) => {
        const name = settingName(key);
        return (
          <li
            key={key}
            className="flex items-center gap-1 rounded-full border border-primary/40 bg-primary/10 py-0.5 pr-1 pl-2 text-xs text-foreground"
          >
            <span>
              {name}: <span className="font-medium">{value}</span>
            </span>
            <button
              type="button"
              aria-label={`Reset ${name} to the shared value`}
              title="Use the shared value"
              onClick={() => onReset(key)}
              className="rounded-full p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              <CloseIcon className="size-3" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
