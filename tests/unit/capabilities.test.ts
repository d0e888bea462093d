import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { toModelInfo } from "@/lib/gemini/models";
import { adaptToModel, IMAGE_ASPECT_RATIOS, modelCapabilities } from "@/lib/models/capabilities";
import type { ModelInfo } from "@/lib/models/types";
import { runModalities } from "@/lib/wire/request";

/** The emulator's catalogue entry, mapped exactly as /api/models maps Google's. */
function info(id: string): ModelInfo {
  const entry = findModel(id);
  if (!entry) throw new Error(`no catalogue entry for ${id}`);
  const { name, supportedGenerationMethods, ...rest } = entry;
  return toModelInfo({ ...rest, name, supportedActions: supportedGenerationMethods });
}

const caps = (id: string) => modelCapabilities(id, info(id));

describe("modelCapabilities", () => {
  it("bounds sampling by the catalogue entry", () => {
    const flash = caps("gemini-2.5-flash");
    expect(flash.temperature).toMatchObject({ min: 0, max: 2, default: 1 });
    expect(flash.topP).toMatchObject({ min: 0, max: 1, default: 0.95 });
    expect(flash.topK).toMatchObject({ min: 1, max: 64, default: 64 });
    expect(flash.maxOutputTokens).toMatchObject({ min: 1, max: 65536, default: 65536 });
    expect(caps("gemini-2.0-flash").maxOutputTokens?.max).toBe(8192);
    expect(caps("gemini-2.5-flash-image").temperature?.max).toBe(1);
  });

  it("gives the 2.5 family a thinking budget with per-model ranges", () => {
    expect(caps("gemini-2.5-pro").thinking).toEqual({
      kind: "budget",
      min: 128,
      max: 32768,
      canDisable: false,
    });
    expect(caps("gemini-2.5-flash").thinking).toEqual({
      kind: "budget",
      min: 1,
      max: 24576,
      canDisable: true,
    });
    expect(caps("gemini-2.5-flash-lite").thinking).toEqual({
      kind: "budget",
      min: 512,
      max: 24576,
      canDisable: true,
    });
  });

  it("gives Gemini 3 a thinking level with the levels each model allows", () => {
    expect(caps("gemini-3-pro-preview").thinking).toEqual({
      kind: "level",
      levels: ["low", "high"],
      default: "high",
    });
    const flashLevels = ["minimal", "low", "medium", "high"];
    expect(caps("gemini-3-flash-preview").thinking).toMatchObject({ levels: flashLevels });
    expect(caps("gemini-3.5-flash").thinking).toMatchObject({ levels: flashLevels });
    expect(caps("gemini-3.1-pro-preview").thinking).toMatchObject({ kind: "level" });
  });

  it("offers no thinking controls to models that don't think", () => {
    for (const id of ["gemini-2.0-flash", "gemma-3-27b-it", "gemini-2.5-flash-preview-tts"]) {
      expect(caps(id).thinking).toEqual({ kind: "none" });
      expect(caps(id).showThoughts).toBe(false);
    }
    expect(caps("gemini-2.5-flash").showThoughts).toBe(true);
  });

  it("leaves Top K out for Gemini 3 and penalties out after 2.0", () => {
    expect(caps("gemini-3-pro-preview").topK).toBeNull();
    expect(caps("gemini-2.5-flash").presencePenalty).toBeNull();
    // Gemini takes [-2, 2): the last step below 2.
    expect(caps("gemini-2.0-flash").presencePenalty).toMatchObject({ min: -2, max: 1.9 });
    expect(caps("gemini-2.0-flash").frequencyPenalty).toMatchObject({ min: -2, max: 1.9 });
  });

  it("offers tools to Gemini chat models only", () => {
    const flash = caps("gemini-2.5-flash");
    for (const key of [
      "structuredOutput",
      "functionCalling",
      "googleSearch",
      "codeExecution",
      "urlContext",
    ] as const) {
      expect(flash[key]).toBe(true);
      for (const id of ["gemini-2.5-flash-image", "gemini-2.5-flash-preview-tts", "gemma-3-27b-it"])
        expect(caps(id)[key]).toBe(false);
    }
    const lite = caps("gemini-2.0-flash-lite");
    expect([lite.functionCalling, lite.googleSearch, lite.codeExecution]).toEqual([
      true,
      false,
      false,
    ]);
    expect(caps("gemini-embedding-001").functionCalling).toBe(false);
    expect(caps("gemini-2.5-flash-image").responseMimeTypes).toEqual([]);
  });

  it("guesses from the id when the catalogue doesn't list the model", () => {
    const unknown = modelCapabilities("gemini-2.5-pro-exp");
    expect(unknown.thinking).toMatchObject({ kind: "budget", min: 128 });
    expect(unknown.maxOutputTokens?.max).toBe(8192);
    expect(modelCapabilities("gemini-pro-latest").thinking).toMatchObject({
      kind: "budget",
      min: 128,
    });
    expect(modelCapabilities("gemini-3.1-flash-lite-preview").thinking).toMatchObject({
      kind: "level",
      levels: ["minimal", "low", "medium", "high"],
    });
    expect(modelCapabilities("some-tts-model").kind).toBe("tts");
  });

  it("offers image models an output choice and every aspect ratio, and no voices", () => {
    for (const id of [
      "gemini-2.5-flash-image",
      "gemini-3-pro-image-preview",
      "gemini-3.1-flash-image-preview",
    ]) {
      const image = caps(id);
      expect(image.responseModalities).toEqual([["TEXT", "IMAGE"], ["IMAGE"]]);
      expect(image.aspectRatios).toEqual(IMAGE_ASPECT_RATIOS);
      expect(image.aspectRatios).toHaveLength(10);
      expect([image.numberOfImages, image.maxSpeakers]).toEqual([null, 0]);
      expect(image.temperature?.max).toBe(1);
    }
    const text = caps("gemini-2.5-flash");
    expect(text.responseModalities).toEqual([["TEXT"]]);
    expect([text.aspectRatios, text.numberOfImages, text.maxSpeakers]).toEqual([[], null, 0]);
  });

  it("gives Imagen a picture count and its five ratios, and nothing that doesn't apply", () => {
    for (const imagen of [caps("imagen-4.0-generate-001"), modelCapabilities("imagen-4.0-fast")]) {
      expect(imagen.kind).toBe("imagen");
      expect(imagen.numberOfImages).toEqual({ min: 1, max: 4, step: 1, default: 4 });
      expect(imagen.aspectRatios).toEqual(["1:1", "3:4", "4:3", "9:16", "16:9"]);
      expect(imagen).toMatchObject({
        temperature: null,
        topP: null,
        topK: null,
        maxOutputTokens: null,
        presencePenalty: null,
        frequencyPenalty: null,
        seed: false,
        stopSequences: false,
        mediaResolution: false,
        safetySettings: false,
        responseMimeTypes: [],
        thinking: { kind: "none" },
        showThoughts: false,
        structuredOutput: false,
        functionCalling: false,
        googleSearch: false,
        codeExecution: false,
        urlContext: false,
        responseModalities: [],
        maxSpeakers: 0,
      });
    }
    expect(caps("imagen-4.0-ultra-generate-001").numberOfImages).toMatchObject({
      max: 1,
      default: 1,
    });
  });

  it("gives speech models two speakers' voices and no output, thinking or tools", () => {
    for (const id of ["gemini-2.5-flash-preview-tts", "gemini-3.1-flash-tts-preview"]) {
      const tts = caps(id);
      expect(tts.maxSpeakers).toBe(2);
      expect([tts.responseModalities, tts.aspectRatios, tts.numberOfImages]).toEqual([
        [],
        [],
        null,
      ]);
      expect(tts.thinking).toEqual({ kind: "none" });
      expect([tts.functionCalling, tts.googleSearch, tts.structuredOutput, tts.seed]).toEqual([
        false,
        false,
        false,
        false,
      ]);
      expect(tts.temperature).not.toBeNull();
    }
  });
});

describe("runModalities", () => {
  it("always asks speech models for audio, whatever the document says", () => {
    expect(runModalities("tts", undefined)).toEqual(["AUDIO"]);
    expect(runModalities("tts", ["TEXT"])).toEqual(["AUDIO"]);
  });

  it("asks image models for text and images unless the document chose", () => {
    expect(runModalities("image", undefined)).toEqual(["TEXT", "IMAGE"]);
    expect(runModalities("image", [])).toEqual(["TEXT", "IMAGE"]);
    expect(runModalities("image", ["IMAGE"])).toEqual(["IMAGE"]);
  });

  it("leaves text models to their default", () => {
    expect(runModalities("text", undefined)).toBeUndefined();
    expect(runModalities("text", ["TEXT"])).toEqual(["TEXT"]);
  });
});

describe("adaptToModel", () => {
  it("keeps everything the new model accepts and reports nothing", () => {
    const config = { temperature: 0.4, topP: 0.9, topK: 20, thinking: { budget: 2048 } };
    const tools = { googleSearch: true };
    const kept = adaptToModel(config, tools, caps("gemini-2.5-pro"));
    expect(kept).toEqual({ config, tools, dropped: [], adjusted: [] });
  });

  it("drops a thinking budget and Top K for Gemini 3 Pro, in panel order", () => {
    const kept = adaptToModel(
      { thinking: { budget: 1024, includeThoughts: true }, topK: 20, seed: 7 },
      {},
      caps("gemini-3-pro-preview"),
    );
    expect(kept.dropped).toEqual(["Thinking budget", "Top K"]);
    expect(kept.config).toEqual({ thinking: { includeThoughts: true }, seed: 7 });
  });

  it("moves numbers into the new model's ranges and says so", () => {
    const kept = adaptToModel(
      { maxOutputTokens: 60000, temperature: 1.8, thinking: { budget: 30000 } },
      {},
      caps("gemini-2.5-flash"),
    );
    expect(kept.dropped).toEqual([]);
    expect(kept.adjusted).toEqual([{ name: "Thinking budget", value: 24576 }]);
    const image = adaptToModel({ temperature: 1.8 }, {}, caps("gemini-2.5-flash-image"));
    expect(image.config.temperature).toBe(1);
    expect(image.adjusted).toEqual([{ name: "Temperature", value: 1 }]);
    const old = adaptToModel({ maxOutputTokens: 60000 }, {}, caps("gemini-2.0-flash"));
    expect(old.config.maxOutputTokens).toBe(8192);
  });

  it("drops thinking off where the model can't turn it off, and levels it can't use", () => {
    expect(adaptToModel({ thinking: { budget: 0 } }, {}, caps("gemini-2.5-pro"))).toMatchObject({
      config: {},
      dropped: ["Thinking budget"],
    });
    expect(
      adaptToModel({ thinking: { level: "minimal" } }, {}, caps("gemini-3-pro-preview")).dropped,
    ).toEqual(["Thinking level"]);
    expect(adaptToModel({ thinking: { level: "low" } }, {}, caps("gemini-2.5-flash"))).toEqual({
      config: {},
      tools: {},
      dropped: ["Thinking level"],
      adjusted: [],
    });
  });

  it("drops tools, structured output and penalties a model can't take", () => {
    const kept = adaptToModel(
      {
        responseMimeType: "application/json",
        responseSchema: { type: "object" },
        presencePenalty: 0.5,
        stopSequences: ["END"],
        safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
      },
      {
        googleSearch: true,
        codeExecution: true,
        urlContext: true,
        functionDeclarations: [{ name: "get_weather" }],
        functionCallingMode: "ANY",
      },
      caps("gemini-2.5-flash-image"),
    );
    expect(kept.dropped).toEqual([
      "Structured output",
      "Code execution",
      "Function calling",
      "Grounding with Google Search",
      "URL context",
      "Stop sequences",
      "Presence penalty",
    ]);
    expect(kept.tools).toEqual({});
    expect(kept.config).toEqual({
      safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
    });
  });

  it("drops voices when leaving a speech model and keeps them between speech models", () => {
    const single = { speech: { voices: [{ voice: "Kore" }] }, temperature: 0.5 };
    expect(adaptToModel(single, {}, caps("gemini-2.5-flash"))).toEqual({
      config: { temperature: 0.5 },
      tools: {},
      dropped: ["Voice"],
      adjusted: [],
    });
    const pair = {
      speech: { voices: [{ speaker: "Joe", voice: "Kore" }, { voice: "Puck" }] },
    };
    expect(adaptToModel(pair, {}, caps("gemini-2.5-flash-image")).dropped).toEqual([
      "Speaker voices",
    ]);
    expect(adaptToModel(pair, {}, caps("gemini-2.5-pro-preview-tts"))).toEqual({
      config: pair,
      tools: {},
      dropped: [],
      adjusted: [],
    });
  });

  it("keeps image output settings between image models and drops them for text", () => {
    const config = { responseModalities: ["IMAGE" as const], imageAspectRatio: "21:9" as const };
    expect(adaptToModel(config, {}, caps("gemini-3-pro-image-preview")).dropped).toEqual([]);
    const explicit = { responseModalities: ["IMAGE" as const, "TEXT" as const] };
    expect(adaptToModel(explicit, {}, caps("gemini-2.5-flash-image")).dropped).toEqual([]);
    expect(adaptToModel(config, {}, caps("gemini-2.5-flash"))).toEqual({
      config: {},
      tools: {},
      dropped: ["Output", "Aspect ratio"],
      adjusted: [],
    });
    expect(
      adaptToModel({ responseModalities: ["TEXT"] }, {}, caps("gemini-2.5-flash")).dropped,
    ).toEqual([]);
  });

  it("keeps only what Imagen takes, and drops the picture count when leaving it", () => {
    const kept = adaptToModel(
      {
        responseModalities: ["IMAGE"],
        imageAspectRatio: "21:9",
        temperature: 0.7,
        maxOutputTokens: 1000,
        seed: 3,
        safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
      },
      {},
      caps("imagen-4.0-generate-001"),
    );
    expect(kept.config).toEqual({});
    expect(kept.dropped).toEqual([
      "Output",
      "Aspect ratio",
      "Temperature",
      "Safety settings",
      "Max output tokens",
      "Seed",
    ]);
    const square = adaptToModel(
      { imageAspectRatio: "16:9", numberOfImages: 3 },
      {},
      caps("imagen-4.0-ultra-generate-001"),
    );
    expect(square.config).toEqual({ imageAspectRatio: "16:9", numberOfImages: 1 });
    expect(square.adjusted).toEqual([{ name: "Number of images", value: 1 }]);
    const back = adaptToModel(
      { imageAspectRatio: "16:9", numberOfImages: 3 },
      {},
      caps("gemini-2.5-flash-image"),
    );
    expect(back.config).toEqual({ imageAspectRatio: "16:9" });
    expect(back.dropped).toEqual(["Number of images"]);
  });

  it("does not mutate its inputs", () => {
    const config = { topK: 20 };
    const tools = { urlContext: true };
    adaptToModel(config, tools, caps("gemma-3-27b-it"));
    expect(config).toEqual({ topK: 20 });
    expect(tools).toEqual({ urlContext: true });
  });
});
