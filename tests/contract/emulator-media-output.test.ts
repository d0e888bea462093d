import { GoogleGenAI, type Part } from "@google/genai";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(base64: string | undefined): [number, number] {
  const bytes = Buffer.from(base64 ?? "", "base64");
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Width and height from a baseline JPEG's SOF0 segment, after checking SOI and JFIF. */
function jpegSize(base64: string | undefined): [number, number] {
  const bytes = Buffer.from(base64 ?? "", "base64");
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  expect(bytes.subarray(6, 11).toString("latin1")).toBe("JFIF\0");
  expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  let at = 2;
  while (at + 9 < bytes.length && bytes[at + 1] !== 0xc0) at += 2 + bytes.readUInt16BE(at + 2);
  expect(bytes[at + 1]).toBe(0xc0);
  return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
}

const imagePart = (parts: Part[] | undefined) => parts?.find((part) => part.inlineData);

describe("image models answer with a picture", () => {
  it("gemini-2.5-flash-image sends a caption and a 1024×1024 PNG by default", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash-image",
      contents: "A lighthouse at dusk",
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts).toHaveLength(2);
    expect(parts[0]?.text).toContain("emulated 1024×1024 picture");
    expect(parts[0]?.text).toContain('- Last user message: "A lighthouse at dusk"');
    expect(parts[1]?.inlineData?.mimeType).toBe("image/png");
    expect(parts[1]?.thoughtSignature).toBeUndefined();
    expect(pngSize(parts[1]?.inlineData?.data)).toEqual([1024, 1024]);
    expect(response.usageMetadata?.candidatesTokensDetails).toEqual([
      { modality: "IMAGE", tokenCount: 1290 },
    ]);
    expect(response.usageMetadata?.candidatesTokenCount).toBeGreaterThan(1290);
  });

  it("sizes by aspect ratio; Gemini 3 Pro Image sends a JPEG, signs both parts, bills 1120", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3-pro-image-preview",
      contents: "A wide mountain range",
      config: { imageConfig: { aspectRatio: "16:9" } },
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts.map((part) => Boolean(part.thoughtSignature))).toEqual([true, true]);
    // Capture 07: Gemini 3 Pro Image answers image/jpeg, not PNG.
    expect(imagePart(parts)?.inlineData?.mimeType).toBe("image/jpeg");
    expect(jpegSize(imagePart(parts)?.inlineData?.data)).toEqual([1344, 768]);
    expect(response.usageMetadata?.candidatesTokensDetails).toEqual([
      { modality: "IMAGE", tokenCount: 1120 },
    ]);
    expect(response.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
  });

  it("sends only the image when IMAGE alone is asked for", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3.1-flash-image-preview",
      contents: "A tall tower",
      config: { responseModalities: ["IMAGE"], imageConfig: { aspectRatio: "9:16" } },
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts).toHaveLength(1);
    expect(pngSize(parts[0]?.inlineData?.data)).toEqual([768, 1344]);
  });

  it("streams the text first and the image whole in the last chunk", async () => {
    const request = { model: "gemini-2.5-flash-image", contents: "A red kite" };
    const unary = await client().models.generateContent(request);
    const chunks = [];
    for await (const chunk of await client().models.generateContentStream(request)) {
      chunks.push(chunk);
    }
    const withImage = chunks.filter((chunk) => imagePart(chunk.candidates?.[0]?.content?.parts));
    expect(withImage).toHaveLength(1);
    expect(withImage[0]).toBe(chunks.at(-1));
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe("STOP");
    const text = chunks.map((chunk) => chunk.candidates?.[0]?.content?.parts?.[0]?.text ?? "");
    expect(text.join("")).toBe(unary.candidates?.[0]?.content?.parts?.[0]?.text);
    expect(imagePart(withImage[0]?.candidates?.[0]?.content?.parts)?.inlineData?.data).toBe(
      imagePart(unary.candidates?.[0]?.content?.parts)?.inlineData?.data,
    );
  });

  it("paints the same picture for the same request and another after an edit", async () => {
    const draw = async (parts: Part[]) => {
      const response = await client().models.generateContent({
        model: "gemini-2.5-flash-image",
        contents: [{ role: "user", parts }],
        config: { responseModalities: ["IMAGE"] },
      });
      return imagePart(response.candidates?.[0]?.content?.parts)?.inlineData?.data ?? "";
    };
    const first = await draw([{ text: "A blue boat" }]);
    expect(await draw([{ text: "A blue boat" }])).toBe(first);
    const edited = await draw([
      { inlineData: { mimeType: "image/png", data: first } },
      { text: "A blue boat" },
    ]);
    expect(edited).not.toBe(first);
    expect(pngSize(edited)).toEqual([1024, 1024]);
  });

  it("refuses IMAGE from a text model, and an aspect ratio Gemini lacks", async () => {
    const modality = await client()
      .models.generateContent({
        model: "gemini-2.5-flash",
        contents: "Draw a cat",
        config: { responseModalities: ["TEXT", "IMAGE"] },
      })
      .catch((e: unknown) => e);
    expect(errorBody(modality)).toEqual({
      error: {
        code: 400,
        message: "Model does not support the requested response modalities: image",
        status: "INVALID_ARGUMENT",
      },
    });
    const ratio = await client()
      .models.generateContent({
        model: "gemini-2.5-flash-image",
        contents: "Draw a cat",
        config: { imageConfig: { aspectRatio: "7:5" } },
      })
      .catch((e: unknown) => e);
    expect(errorBody(ratio).error.message).toContain('Unsupported aspect ratio "7:5"');
  });
});

describe("speech models answer with PCM", () => {
  const script = "The quick brown fox jumps over the lazy dog today"; // 10 words: 3.0 s
  const speak = (voiceName: string) => ({
    model: "gemini-2.5-flash-preview-tts",
    contents: script,
    config: {
      responseModalities: ["AUDIO"],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName } } },
    },
  });

  it("sends 16-bit 24 kHz mono PCM, 0.3 s per word, and no text", async () => {
    const response = await client().models.generateContent(speak("Puck"));
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts).toHaveLength(1);
    expect(parts[0]?.inlineData?.mimeType).toBe("audio/L16;codec=pcm;rate=24000");
    const pcm = Buffer.from(parts[0]?.inlineData?.data ?? "", "base64");
    const seconds = pcm.length / 2 / 24_000;
    expect(seconds).toBeCloseTo(3.0, 5);
    const peak = Math.max(
      ...Array.from({ length: 24_000 }, (_, i) => Math.abs(pcm.readInt16LE(i * 2))),
    );
    expect(peak).toBeGreaterThan(3000);
    expect(response.usageMetadata?.candidatesTokensDetails).toEqual([
      { modality: "AUDIO", tokenCount: 75 },
    ]);
    expect(response.usageMetadata?.thoughtsTokenCount).toBeUndefined();
  });

  it("streams the same audio in one-second pieces", async () => {
    const unary = await client().models.generateContent(speak("Kore"));
    const pieces: Buffer[] = [];
    for await (const chunk of await client().models.generateContentStream(speak("Kore"))) {
      const data = chunk.candidates?.[0]?.content?.parts?.[0]?.inlineData?.data;
      pieces.push(Buffer.from(data ?? "", "base64"));
    }
    expect(pieces.map((piece) => piece.length)).toEqual([48_000, 48_000, 48_000]);
    expect(Buffer.concat(pieces).toString("base64")).toBe(
      unary.candidates?.[0]?.content?.parts?.[0]?.inlineData?.data,
    );
  });

  it("reads a two-speaker script, and refuses other speaker counts", async () => {
    const speaker = (name: string, voiceName: string) => ({
      speaker: name,
      voiceConfig: { prebuiltVoiceConfig: { voiceName } },
    });
    const request = (speakers: ReturnType<typeof speaker>[]) => ({
      model: "gemini-3.1-flash-tts-preview",
      contents: "Joe: Hello there Jane.\nJane: Hi Joe, nice to see you.",
      config: {
        responseModalities: ["AUDIO"],
        speechConfig: { multiSpeakerVoiceConfig: { speakerVoiceConfigs: speakers } },
      },
    });
    const response = await client().models.generateContent(
      request([speaker("Joe", "Charon"), speaker("Jane", "Leda")]),
    );
    const pcm = Buffer.from(
      response.candidates?.[0]?.content?.parts?.[0]?.inlineData?.data ?? "",
      "base64",
    );
    // Nine words of 0.3 s (7200 samples) each: the labels are not read aloud.
    expect(pcm.length).toBe(9 * 7200 * 2);
    const three = await client()
      .models.generateContent(
        request([speaker("Joe", "Charon"), speaker("Jane", "Leda"), speaker("Ann", "Kore")]),
      )
      .catch((e: unknown) => e);
    expect(errorBody(three).error.message).toContain("exactly 2 speaker voice configs");
  });

  it("refuses an unknown voice by name, and text from a speech model", async () => {
    const voice = await client()
      .models.generateContent(speak("Robotron"))
      .catch((e: unknown) => e);
    expect(errorBody(voice).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    expect(errorBody(voice).error.message).toMatch(/^Voice name Robotron is not supported\./);
    const text = await client()
      .models.generateContent({ model: "gemini-2.5-flash-preview-tts", contents: script })
      .catch((e: unknown) => e);
    expect(errorBody(text).error.message).toBe(
      "Model does not support the requested response modalities: text",
    );
  });
});

describe("Imagen predict", () => {
  // The SDK's Gemini-API client refuses generateImages before sending anything (2.x and 3.x route
  // it to Vertex only). A Vertex express client with a `models/…` name sends Gemini's request to
  // Gemini's path, `/v1beta/models/{id}:predict`, so it exercises the SDK's real converters.
  const imagen = () =>
    new GoogleGenAI({
      vertexai: true,
      apiKey: "test-key",
      httpOptions: { baseUrl: server().url, apiVersion: "v1beta" },
    });

  it("makes sampleCount distinct PNGs sized by aspect ratio", async () => {
    const response = await imagen().models.generateImages({
      model: "models/imagen-4.0-generate-001",
      prompt: "A tall glass of lemonade",
      config: { numberOfImages: 3, aspectRatio: "9:16" },
    });
    expect(server().log.list().at(-1)?.path).toBe("/v1beta/models/imagen-4.0-generate-001:predict");
    const images = response.generatedImages ?? [];
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image.image?.mimeType).toBe("image/png");
      expect(pngSize(image.image?.imageBytes)).toEqual([768, 1408]);
    }
    expect(new Set(images.map((image) => image.image?.imageBytes)).size).toBe(3);
  });

  it("defaults to four 1:1 images over raw REST", async () => {
    const response = await fetch(
      `${server().url}/v1beta/models/imagen-4.0-fast-generate-001:predict`,
      {
        method: "POST",
        headers: { "x-goog-api-key": "k", "content-type": "application/json" },
        body: JSON.stringify({ instances: [{ prompt: "A cat" }], parameters: {} }),
      },
    );
    const body = (await response.json()) as { predictions: { bytesBase64Encoded: string }[] };
    expect(body.predictions).toHaveLength(4);
    expect(pngSize(body.predictions[0]?.bytesBase64Encoded)).toEqual([1024, 1024]);
  });

  it("lets Ultra make one image only, and refuses non-Imagen models", async () => {
    const ultra = await imagen()
      .models.generateImages({
        model: "models/imagen-4.0-ultra-generate-001",
        prompt: "A castle",
        config: { numberOfImages: 2 },
      })
      .catch((e: unknown) => e);
    expect(errorBody(ultra).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    const gemini = await imagen()
      .models.generateImages({ model: "models/gemini-2.5-flash", prompt: "A castle" })
      .catch((e: unknown) => e);
    expect(errorBody(gemini).error).toMatchObject({ code: 404, status: "NOT_FOUND" });
    expect(errorBody(gemini).error.message).toContain("is not supported for predict");
  });

  it("honours #emulator error= in the prompt", async () => {
    const error = await imagen()
      .models.generateImages({
        model: "models/imagen-4.0-generate-001",
        prompt: "A castle\n#emulator error=429 retryDelay=3s",
      })
      .catch((e: unknown) => e);
    expect(errorBody(error).error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
  });
});
