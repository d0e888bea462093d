import { describe, expect, it } from "vitest";
import { type PromptDoc, parsePromptDoc } from "@/lib/prompt";
import {
  toContents,
  toGenerateContentParameters,
  toGenerateImagesConfig,
  toGenerateImagesParameters,
} from "@/lib/wire/request";

function doc(input: unknown): PromptDoc {
  const parsed = parsePromptDoc(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe("prompt document → SDK request", () => {
  it("maps a minimal chat without inventing settings", () => {
    const params = toGenerateContentParameters(
      doc({
        model: "gemini-2.5-flash",
        contents: [{ role: "user", parts: [{ kind: "text", text: "Hi" }] }],
      }),
    );
    expect(params).toEqual({
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ text: "Hi" }] }],
      config: {},
    });
  });

  it("sends thought signatures back verbatim, including on an empty final text part", () => {
    const params = toGenerateContentParameters(
      doc({
        model: "gemini-3-pro-preview",
        contents: [
          { role: "user", parts: [{ kind: "text", text: "Weather?" }] },
          {
            role: "model",
            parts: [
              { kind: "thought", text: "Plan", thoughtSignature: "sig-thought" },
              {
                kind: "functionCall",
                name: "get_weather",
                args: { city: "Oslo" },
                thoughtSignature: "sig-call",
              },
              { kind: "text", text: "", thoughtSignature: "sig-empty" },
              { kind: "text", text: "" },
            ],
          },
          {
            role: "user",
            parts: [{ kind: "functionResponse", name: "get_weather", response: { t: 3 } }],
          },
          { role: "model", parts: [] },
        ],
      }),
    );
    expect(params.contents).toEqual([
      { role: "user", parts: [{ text: "Weather?" }] },
      {
        role: "model",
        parts: [
          { text: "Plan", thought: true, thoughtSignature: "sig-thought" },
          {
            functionCall: { name: "get_weather", args: { city: "Oslo" } },
            thoughtSignature: "sig-call",
          },
          { text: "", thoughtSignature: "sig-empty" },
        ],
      },
      { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { t: 3 } } }] },
    ]);
  });

  it("maps every run setting and tool to the SDK's names", () => {
    const params = toGenerateContentParameters(
      doc({
        model: "gemini-2.5-pro",
        systemInstruction: "Be terse.",
        contents: [{ role: "user", parts: [{ kind: "text", text: "x" }] }],
        config: {
          temperature: 0.2,
          topP: 0.8,
          topK: 20,
          maxOutputTokens: 500,
          stopSequences: ["END"],
          seed: 42,
          presencePenalty: 0.5,
          frequencyPenalty: -0.5,
          responseMimeType: "application/json",
          responseSchema: { type: "object" },
          mediaResolution: "MEDIA_RESOLUTION_LOW",
          safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
          thinking: { includeThoughts: true, budget: 1024, level: "high" },
          speech: { voices: [{ voice: "Kore" }] },
        },
        tools: {
          googleSearch: true,
          codeExecution: true,
          urlContext: true,
          functionDeclarations: [{ name: "f", description: "d", parameters: { type: "object" } }],
          functionCallingMode: "ANY",
          allowedFunctionNames: ["f"],
        },
      }),
    );
    expect(params.config).toEqual({
      systemInstruction: { parts: [{ text: "Be terse." }] },
      temperature: 0.2,
      topP: 0.8,
      topK: 20,
      maxOutputTokens: 500,
      stopSequences: ["END"],
      seed: 42,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object" },
      mediaResolution: "MEDIA_RESOLUTION_LOW",
      safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" }],
      thinkingConfig: { includeThoughts: true, thinkingBudget: 1024, thinkingLevel: "HIGH" },
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Kore" } } },
      tools: [
        {
          functionDeclarations: [
            { name: "f", description: "d", parametersJsonSchema: { type: "object" } },
          ],
        },
        { googleSearch: {} },
        { codeExecution: {} },
        { urlContext: {} },
      ],
      toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["f"] } },
    });
  });

  it("resolves media through the caller's lookup", () => {
    const sha = "b".repeat(64);
    const params = toGenerateContentParameters(
      doc({
        model: "gemini-2.5-flash",
        contents: [
          { role: "user", parts: [{ kind: "media", sha256: sha, mimeType: "image/png" }] },
        ],
      }),
      (part) => ({
        inlineData: { mimeType: part.mimeType, data: `data-of-${part.sha256.slice(0, 4)}` },
      }),
    );
    expect(params.contents).toEqual([
      { role: "user", parts: [{ inlineData: { mimeType: "image/png", data: "data-of-bbbb" } }] },
    ]);
  });
});

/** The generation config a one-line prompt to `model` is sent with. */
function configFor(model: string, config: Record<string, unknown> = {}) {
  return toGenerateContentParameters(
    doc({ model, contents: [{ role: "user", parts: [{ kind: "text", text: "x" }] }], config }),
  ).config;
}

describe("output settings → SDK request", () => {
  it("asks a speech model for audio whatever the document says", () => {
    expect(configFor("gemini-2.5-flash-preview-tts")).toEqual({ responseModalities: ["AUDIO"] });
    expect(
      configFor("gemini-3.1-flash-tts-preview", { responseModalities: ["TEXT", "IMAGE"] }),
    ).toEqual({ responseModalities: ["AUDIO"] });
  });

  it("maps one voice to voiceConfig", () => {
    expect(
      configFor("gemini-2.5-flash-preview-tts", { speech: { voices: [{ voice: "Kore" }] } }),
    ).toEqual({
      responseModalities: ["AUDIO"],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Kore" } } },
    });
  });

  it("maps two speakers to multiSpeakerVoiceConfig, unnamed ones as the panel shows them", () => {
    const config = configFor("gemini-2.5-pro-preview-tts", {
      speech: {
        voices: [
          { speaker: " Joe ", voice: "Kore" },
          { speaker: " ", voice: "Puck" },
        ],
      },
    });
    expect(config?.speechConfig).toEqual({
      multiSpeakerVoiceConfig: {
        speakerVoiceConfigs: [
          { speaker: "Joe", voiceConfig: { prebuiltVoiceConfig: { voiceName: "Kore" } } },
          { speaker: "Speaker 2", voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } } },
        ],
      },
    });
  });

  it("asks image models for text and images by default, or what the document chose", () => {
    expect(configFor("gemini-2.5-flash-image")).toEqual({ responseModalities: ["TEXT", "IMAGE"] });
    expect(
      configFor("gemini-3-pro-image-preview", {
        responseModalities: ["IMAGE"],
        imageAspectRatio: "21:9",
      }),
    ).toEqual({ responseModalities: ["IMAGE"], imageConfig: { aspectRatio: "21:9" } });
    expect(configFor("gemini-2.5-flash")).toEqual({});
  });

  it("gives Imagen only its picture count and aspect ratio", () => {
    expect(toGenerateImagesConfig({})).toEqual({});
    expect(
      toGenerateImagesConfig({ numberOfImages: 3, imageAspectRatio: "9:16", temperature: 1 }),
    ).toEqual({ numberOfImages: 3, aspectRatio: "9:16" });
    expect(toGenerateImagesConfig({ numberOfImages: 1 })).toEqual({ numberOfImages: 1 });
  });

  it("gives Imagen the last user turn's text as its prompt", () => {
    const params = toGenerateImagesParameters(
      doc({
        model: "imagen-4.0-generate-001",
        contents: [
          { role: "user", parts: [{ kind: "text", text: "An old prompt" }] },
          { role: "model", parts: [{ kind: "text", text: "Pictures" }] },
          { role: "user", parts: [{ kind: "text", text: " A red bicycle " }] },
        ],
        config: { numberOfImages: 2 },
      }),
    );
    expect(params).toEqual({
      model: "imagen-4.0-generate-001",
      prompt: "A red bicycle",
      config: { numberOfImages: 2 },
    });
  });
});

describe("calls Gemini 3 never signed", () => {
  const call = (name: string, thoughtSignature?: string) => ({
    kind: "functionCall",
    name,
    args: {},
    ...(thoughtSignature && { thoughtSignature }),
  });
  const answer = (name: string) => ({ kind: "functionResponse", name, response: { ok: true } });
  // Started on Gemini 2.5 with thinking off (no signatures), continued on Gemini 3.
  const conversation = (model: string) =>
    doc({
      model,
      contents: [
        { role: "user", parts: [{ kind: "text", text: "Weather in Lyon and Oslo?" }] },
        { role: "model", parts: [call("old_lookup")] },
        { role: "user", parts: [answer("old_lookup")] },
        { role: "model", parts: [{ kind: "text", text: "Done." }] },
        { role: "user", parts: [{ kind: "text", text: "And tomorrow?" }] },
        { role: "model", parts: [call("forecast"), call("forecast")] },
        { role: "user", parts: [answer("forecast"), answer("forecast")] },
        { role: "model", parts: [call("forecast", "c2lnbmVk")] },
        { role: "user", parts: [answer("forecast")] },
      ],
    });
  const signatures = (model: string) =>
    toContents(conversation(model)).flatMap((c) =>
      (c.parts ?? []).filter((p) => p.functionCall).map((p) => p.thoughtSignature ?? null),
    );

  it("get the documented stand-in on the first call of each step of the current turn", () => {
    expect(signatures("gemini-3-flash-preview")).toEqual([
      // An earlier turn: Gemini 3 does not check it, so it goes as it is.
      null,
      "context_engineering_is_the_way_to_go",
      null,
      // A real signature is never replaced.
      "c2lnbmVk",
    ]);
  });

  it("are left alone for models that do not check signatures", () => {
    expect(signatures("gemini-2.5-flash")).toEqual([null, null, null, "c2lnbmVk"]);
  });
});
