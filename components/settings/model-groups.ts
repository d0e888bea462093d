import { isAgent, isRunnable, type ModelInfo } from "@/lib/models/types";

export interface ModelGroup {
  label: string;
  models: ModelInfo[];
}

const KIND_GROUPS: Partial<Record<ModelInfo["kind"], string>> = {
  image: "Image generation",
  imagen: "Image generation",
  tts: "Speech generation",
};

/** "Gemini 2.5" from gemini-2.5-flash, "Gemma" from gemma-3-27b-it, else the kind's group. */
function groupLabel(model: ModelInfo): string {
  const kindGroup = KIND_GROUPS[model.kind];
  if (kindGroup) return kindGroup;
  const gemini = /^gemini-(\d+(?:\.\d+)?)/.exec(model.id);
  if (gemini) return `Gemini ${gemini[1]}`;
  if (model.id.startsWith("gemma")) return "Gemma";
  if (isAgent(model)) return "Agents";
  return "Other";
}

function groupRank(label: string): number {
  const version = /^Gemini (\d+(?:\.\d+)?)$/.exec(label);
  if (version) return -Number(version[1]);
  return { Gemma: 10, "Image generation": 11, "Speech generation": 12, Agents: 13 }[label] ?? 14;
}

/**
 * The models chat can run (those answering generateContent, and Imagen, which a run calls through
 * generateImages), newest family first, in the server's order within a family.
 */
export function groupRunnableModels(models: readonly ModelInfo[]): ModelGroup[] {
  const groups = new Map<string, ModelInfo[]>();
  for (const model of models) {
    if (!isRunnable(model)) continue;
    const label = groupLabel(model);
    const list = groups.get(label) ?? [];
    list.push(model);
    groups.set(label, list);
  }
  return [...groups.entries()]
    .map(([label, list]) => ({ label, models: list }))
    .sort((a, b) => groupRank(a.label) - groupRank(b.label));
}

export function formatTokens(n: number | undefined): string | null {
  return n === undefined ? null : n.toLocaleString("en-US");
}
