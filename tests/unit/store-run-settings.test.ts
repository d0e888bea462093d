import { beforeEach, describe, expect, it } from "vitest";
import type { ModelInfo } from "@/lib/models/types";
import { createPlaygroundStore } from "@/lib/store/create-store";

const model = (id: string, extra: Partial<ModelInfo> = {}): ModelInfo => ({
  id,
  displayName: id.replace(/-/g, " "),
  kind: "text",
  supportedActions: ["generateContent"],
  inputTokenLimit: 1048576,
  outputTokenLimit: 65536,
  temperature: 1,
  maxTemperature: 2,
  topP: 0.95,
  topK: 64,
  thinking: true,
  ...extra,
});

let store: ReturnType<typeof createPlaygroundStore>;
const state = () => store.getState();
const config = () => state().draft.config;
const tools = () => state().draft.tools;

beforeEach(() => {
  store = createPlaygroundStore({ storage: () => undefined });
  state().setCatalog({
    status: "ready",
    simulated: true,
    models: [
      model("gemini-2.5-flash"),
      model("gemini-3-pro-preview", { displayName: "Gemini 3 Pro Preview" }),
      model("gemini-2.5-flash-image", { kind: "image", thinking: undefined, maxTemperature: 1 }),
      model("gemini-2.5-flash-preview-tts", { kind: "tts", thinking: undefined }),
      ...["imagen-4.0-generate-001", "imagen-4.0-ultra-generate-001"].map((id) =>
        model(id, {
          kind: "imagen",
          displayName: id.includes("ultra") ? "Imagen 4 Ultra" : "Imagen 4",
          supportedActions: ["predict"],
          temperature: undefined,
          maxTemperature: undefined,
          topP: undefined,
          topK: undefined,
          thinking: undefined,
        }),
      ),
    ],
  });
});

describe("run settings slice", () => {
  it("sets plain settings and removes them again for the model default", () => {
    state().setSetting("topP", 0.9);
    state().setSetting("stopSequences", ["END"]);
    expect(config()).toEqual({ topP: 0.9, stopSequences: ["END"] });
    state().setSetting("topP", undefined);
    expect(config()).toEqual({ stopSequences: ["END"] });
    expect("topP" in config()).toBe(false);
  });

  it("merges thinking and drops the object when nothing is left", () => {
    state().setThinking({ budget: 1024 });
    state().setThinking({ includeThoughts: true });
    expect(config().thinking).toEqual({ budget: 1024, includeThoughts: true });
    state().setThinking({ budget: undefined, includeThoughts: undefined });
    expect(config()).toEqual({});
  });

  it("keeps one threshold per harm category", () => {
    state().setSafetyThreshold("HARM_CATEGORY_HATE_SPEECH", "BLOCK_NONE");
    state().setSafetyThreshold("HARM_CATEGORY_HARASSMENT", "BLOCK_ONLY_HIGH");
    state().setSafetyThreshold("HARM_CATEGORY_HATE_SPEECH", "OFF");
    expect(config().safetySettings).toEqual([
      { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" },
      { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "OFF" },
    ]);
    state().setSafetyThreshold("HARM_CATEGORY_HATE_SPEECH", undefined);
    state().setSafetyThreshold("HARM_CATEGORY_HARASSMENT", undefined);
    expect(config().safetySettings).toBeUndefined();
  });

  it("structured output sets JSON and parks the schema while off", () => {
    state().setStructuredOutput(true);
    state().setResponseSchema({ type: "object" });
    expect(config()).toEqual({
      responseMimeType: "application/json",
      responseSchema: { type: "object" },
    });
    state().setStructuredOutput(false);
    expect(config()).toEqual({});
    state().setStructuredOutput(true);
    expect(config().responseSchema).toEqual({ type: "object" });
  });

  it("a plain-text MIME type never travels with a schema", () => {
    state().setStructuredOutput(true);
    state().setResponseSchema({ type: "string", enum: ["a"] });
    state().setResponseMimeType("text/plain");
    expect(config()).toEqual({ responseMimeType: "text/plain" });
    state().setResponseMimeType("text/x.enum");
    expect(config()).toEqual({
      responseMimeType: "text/x.enum",
      responseSchema: { type: "string", enum: ["a"] },
    });
  });

  it("function calling: declarations, mode and allowed names stay consistent", () => {
    state().setFunctionCalling(true);
    expect(tools()).toEqual({ functionDeclarations: [] });
    state().setFunctionDeclarations([{ name: "get_weather" }, { name: "get_time" }]);
    state().setFunctionCallingMode("ANY");
    state().setAllowedFunctionNames(["get_time"]);
    state().setFunctionDeclarations([{ name: "get_weather" }]);
    expect(tools().allowedFunctionNames).toBeUndefined();
    state().setAllowedFunctionNames(["get_weather"]);
    state().setFunctionCallingMode("AUTO");
    expect(tools()).toEqual({
      functionDeclarations: [{ name: "get_weather" }],
      functionCallingMode: "AUTO",
    });
    state().setFunctionCalling(false);
    expect(tools()).toEqual({});
    state().setFunctionCalling(true);
    expect(tools().functionDeclarations).toEqual([{ name: "get_weather" }]);
  });

  it("built-in tools are present only while on", () => {
    state().setBuiltInTool("googleSearch", true);
    state().setBuiltInTool("urlContext", true);
    state().setBuiltInTool("googleSearch", false);
    expect(tools()).toEqual({ urlContext: true });
  });

  it("changing the model keeps compatible settings and names the dropped ones", () => {
    state().setSetting("topK", 20);
    state().setSetting("topP", 0.5);
    state().setThinking({ budget: 1024 });
    state().changeModel("gemini-3-pro-preview");
    expect(state().draft.model).toBe("gemini-3-pro-preview");
    expect(state().modelSource).toBe("user");
    expect(config()).toEqual({ topP: 0.5 });
    expect(state().modelNotice).toEqual({
      model: "gemini-3-pro-preview",
      modelName: "Gemini 3 Pro Preview",
      dropped: ["Thinking budget", "Top K"],
      adjusted: [],
    });
    state().dismissModelNotice();
    expect(state().modelNotice).toBeNull();
    state().changeModel("gemini-2.5-flash");
    expect(state().modelNotice).toBeNull();
  });

  it("the page's own pick of a model adapts the same way, and speaks only when it changed something", () => {
    state().setSetting("topP", 0.5);
    state().changeModel("gemini-3-pro-preview", "default");
    expect(state().draft.model).toBe("gemini-3-pro-preview");
    expect(state().modelSource).toBe("default");
    expect(config()).toEqual({ topP: 0.5 });
    expect(state().modelNotice).toBeNull();

    state().setTemperature(1.8);
    state().changeModel("gemini-2.5-flash-image", "default");
    expect(config()).toEqual({ topP: 0.5, temperature: 1 });
    expect(state().modelSource).toBe("default");
    expect(state().modelNotice).toEqual({
      model: "gemini-2.5-flash-image",
      modelName: "gemini 2.5 flash image",
      dropped: [],
      adjusted: [{ name: "Temperature", value: 1 }],
    });
  });

  it("image output and aspect ratio are present only while chosen", () => {
    state().changeModel("gemini-2.5-flash-image");
    state().setResponseModalities(["IMAGE"]);
    state().setAspectRatio("16:9");
    expect(config()).toEqual({ responseModalities: ["IMAGE"], imageAspectRatio: "16:9" });
    state().setResponseModalities(undefined);
    state().setAspectRatio(undefined);
    expect(config()).toEqual({});
    state().setResponseModalities([]);
    expect("responseModalities" in config()).toBe(false);
  });

  it("one voice is optional; two speakers always carry a voice each", () => {
    state().changeModel("gemini-2.5-flash-preview-tts");
    state().setSpeakerVoice(0, "Kore");
    expect(config()).toEqual({ speech: { voices: [{ voice: "Kore" }] } });
    state().setSpeakerVoice(0, undefined);
    expect(config()).toEqual({});

    state().setSpeakerMode("multi");
    expect(config().speech?.voices).toEqual([{ voice: "Zephyr" }, { voice: "Puck" }]);
    state().setSpeakerName(0, "Joe");
    state().setSpeakerName(1, "Jane");
    state().setSpeakerVoice(1, "Charon");
    state().setSpeakerVoice(1, undefined);
    state().setSpeakerName(1, "  ");
    expect(config().speech?.voices).toEqual([
      { speaker: "Joe", voice: "Zephyr" },
      { voice: "Charon" },
    ]);
    state().setSpeakerMode("multi");
    expect(config().speech?.voices).toHaveLength(2);
  });

  it("switching speaker mode keeps Speaker 1's voice and brings the pair back", () => {
    state().changeModel("gemini-2.5-flash-preview-tts");
    state().setSpeakerVoice(0, "Kore");
    state().setSpeakerMode("multi");
    expect(config().speech?.voices).toEqual([{ voice: "Kore" }, { voice: "Puck" }]);
    state().setSpeakerName(0, "Joe");
    state().setSpeakerVoice(1, "Leda");
    state().setSpeakerMode("single");
    expect(config()).toEqual({ speech: { voices: [{ voice: "Kore" }] } });
    state().setSpeakerVoice(0, "Orus");
    state().setSpeakerMode("multi");
    expect(config().speech?.voices).toEqual([{ speaker: "Joe", voice: "Orus" }, { voice: "Leda" }]);
  });

  it("leaving a speech model drops its voices and says so", () => {
    state().changeModel("gemini-2.5-flash-preview-tts");
    state().setSpeakerMode("multi");
    state().changeModel("gemini-2.5-flash");
    expect(config()).toEqual({});
    expect(state().modelNotice?.dropped).toEqual(["Speaker voices"]);
  });

  it("Imagen keeps its picture count in range and loses it on a Gemini model", () => {
    state().setTemperature(0.5);
    state().changeModel("imagen-4.0-generate-001");
    expect(state().modelNotice?.dropped).toEqual(["Temperature"]);
    state().setSetting("numberOfImages", 3);
    state().setAspectRatio("3:4");
    state().changeModel("imagen-4.0-ultra-generate-001");
    expect(config()).toEqual({ numberOfImages: 1, imageAspectRatio: "3:4" });
    expect(state().modelNotice).toMatchObject({
      modelName: "Imagen 4 Ultra",
      dropped: [],
      adjusted: [{ name: "Number of images", value: 1 }],
    });
    state().changeModel("gemini-2.5-flash-image");
    expect(config()).toEqual({ imageAspectRatio: "3:4" });
    expect(state().modelNotice?.dropped).toEqual(["Number of images"]);
  });

  it("reset clears settings and tools but keeps the model and conversation", () => {
    state().setSystemInstruction("Be brief.");
    state().changeModel("gemini-2.5-flash-image");
    state().setSetting("seed", 3);
    state().setBuiltInTool("codeExecution", true);
    state().resetRunSettings();
    expect(state().draft).toMatchObject({
      model: "gemini-2.5-flash-image",
      systemInstruction: "Be brief.",
      config: {},
      tools: {},
    });
  });
});
