"use client";

import { Select } from "@/components/ui/select";
import type { AspectRatio } from "@/lib/models/capabilities";
import { useRunSetting } from "@/lib/store";
import { NumberSetting } from "./number-setting";
import { SelectRow } from "./select-settings";
import { SpeechSettings } from "./speech-settings";
import { useModelCapabilities } from "./use-model-capabilities";
import { useOutputActions } from "./use-output-actions";

/** Image models' "Output": unset is what they do by default, answer with text and images. */
function ImageOutputField() {
  const modalities = useRunSetting("responseModalities");
  const { setResponseModalities } = useOutputActions();
  const imagesOnly = modalities?.length === 1 && modalities[0] === "IMAGE";
  return (
    <SelectRow id="setting-image-output" label="Output">
      <Select
        id="setting-image-output"
        value={imagesOnly ? "IMAGE" : ""}
        onChange={(e) => setResponseModalities(e.target.value ? ["IMAGE"] : undefined)}
      >
        <option value="">Images and text</option>
        <option value="IMAGE">Images only</option>
      </Select>
    </SelectRow>
  );
}

function AspectRatioField() {
  const caps = useModelCapabilities();
  const ratio = useRunSetting("imageAspectRatio");
  const { setAspectRatio } = useOutputActions();
  // Imagen draws square pictures unless told otherwise; Gemini's image models pick a shape that
  // suits the prompt and the pictures it is given.
  const unset = caps.kind === "imagen" ? "Default (1:1)" : "Auto";
  return (
    <SelectRow id="setting-aspect-ratio" label="Aspect ratio">
      <Select
        id="setting-aspect-ratio"
        value={ratio ?? ""}
        onChange={(e) => setAspectRatio((e.target.value || undefined) as AspectRatio | undefined)}
      >
        <option value="">{unset}</option>
        {caps.aspectRatios.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
    </SelectRow>
  );
}

function NumberOfImagesField() {
  const caps = useModelCapabilities();
  const count = useRunSetting("numberOfImages");
  const { setSetting } = useOutputActions();
  const range = caps.numberOfImages;
  if (!range) return null;
  return (
    <NumberSetting
      id="setting-number-of-images"
      label="Number of images"
      value={count}
      range={range}
      integer
      slider
      onChange={(n) => setSetting("numberOfImages", n)}
      disabledReason={range.max === 1 ? `${caps.displayName} makes one image per run` : undefined}
    />
  );
}

/**
 * What the model answers with, right under the model as in AI Studio: voices for speech models,
 * picture count and shape for Imagen, output and shape for Gemini's image models. Text models
 * have nothing here.
 */
export function OutputSettings() {
  const caps = useModelCapabilities();
  if (caps.maxSpeakers > 0) return <SpeechSettings />;
  const imageOutput = caps.responseModalities.some((m) => m.includes("IMAGE"));
  return (
    <>
      {imageOutput && <ImageOutputField />}
      <NumberOfImagesField />
      {caps.aspectRatios.length > 0 && <AspectRatioField />}
    </>
  );
}
