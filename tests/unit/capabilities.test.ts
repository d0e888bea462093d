import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue";
import { toModelInfo } from "@/lib/gemini/models";
import { adaptToModel, modelCapabilities } from "@/lib/models/capabilities";
import type { ModelInfo } from "@/lib/models/types";

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
    expect(caps("gemini-2.0-flash").maxOutputTokens.max).toBe(8192);
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
    expect(caps("gemini-2.0-flash").presencePenalty).toMatchObject({ min: -2, max: 2 });
    expect(caps("gemini-2.0-flash").frequencyPenalty).toMatchObject({ min: -2, max: 2 });
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
    expect(unknown.maxOutputTokens.max).toBe(8192);
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

  it("does not mutate its inputs", () => {
    const config = { topK: 20 };
    const tools = { urlContext: true };
    adaptToModel(config, tools, caps("gemma-3-27b-it"));
    expect(config).toEqual({ topK: 20 });
    expect(tools).toEqual({ urlContext: true });
  });
});
