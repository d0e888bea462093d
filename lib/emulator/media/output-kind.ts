/**
 * What a generation answers with, from the model and `responseModalities`, refused as Gemini
 * refuses it: text models speak only TEXT; image models (`…-image…`) answer TEXT and IMAGE, both
 * when nothing is asked; speech models (`…tts…`) answer AUDIO only and must be asked for it
 * (unset means TEXT to them, which they refuse).
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { WireGenerationConfig } from "@/lib/emulator/types";
import { invalidArgument } from "@/lib/emulator/validation/errors";

export type OutputKind =
  | { kind: "text" }
  | { kind: "image"; withText: boolean }
  | { kind: "speech" };

export function isImageModel(model: CatalogueModel): boolean {
  return /^models\/gemini-.*-image(-|$)/.test(model.name);
}

export function isSpeechModel(model: CatalogueModel): boolean {
  return /^models\/gemini-.*tts/.test(model.name);
}

function refuse(modalities: string[]): never {
  const names = modalities.map((modality) => modality.toLowerCase()).join(", ");
  throw invalidArgument(`Model does not support the requested response modalities: ${names}`);
}

export function outputKind(model: CatalogueModel, config: WireGenerationConfig): OutputKind {
  const asked = (config.responseModalities ?? [])
    .map((modality) => String(modality).toUpperCase())
    .filter((modality) => modality !== "MODALITY_UNSPECIFIED");
  const beyond = (allowed: string[]) => asked.filter((modality) => !allowed.includes(modality));
  if (isSpeechModel(model)) {
    const unsupported = asked.length === 0 ? ["TEXT"] : beyond(["AUDIO"]);
    if (unsupported.length > 0) refuse(unsupported);
    return { kind: "speech" };
  }
  if (isImageModel(model)) {
    const unsupported = beyond(["TEXT", "IMAGE"]);
    if (unsupported.length > 0) refuse(unsupported);
    if (asked.length > 0 && !asked.includes("IMAGE")) return { kind: "text" };
    return { kind: "image", withText: asked.length === 0 || asked.includes("TEXT") };
  }
  const unsupported = beyond(["TEXT"]);
  if (unsupported.length > 0) refuse(unsupported);
  return { kind: "text" };
}
