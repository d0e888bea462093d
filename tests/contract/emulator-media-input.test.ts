import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, testPng, wavTone } from "./emulator-fixture";

const { client } = setupEmulatorServer();

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const inline = (mimeType: string, bytes: Uint8Array) => ({
  inlineData: { mimeType, data: base64(bytes) },
});

describe("inline media reaches the emulator intact", () => {
  it("describes each medium of the last user turn: type, size, hash, pixels, seconds", async () => {
    const png = await testPng(64, 48);
    const wav = wavTone(1.5);
    const earlier = await testPng(8, 8);
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: [
        { role: "user", parts: [inline("image/png", earlier), { text: "An older picture." }] },
        { role: "model", parts: [{ text: "Noted." }] },
        {
          role: "user",
          parts: [{ text: "Compare these." }, inline("image/png", png), inline("audio/wav", wav)],
        },
      ],
    });
    const lines = (response.text ?? "").split("\n").filter((line) => line.startsWith("- Media "));
    expect(lines).toEqual([
      `- Media 1: image/png, ${png.length} bytes, sha256 ${sha256(png).slice(0, 12)}, 64×48 px`,
      `- Media 2: audio/wav, ${wav.length} bytes, sha256 ${sha256(wav).slice(0, 12)}, 1.50 s`,
    ]);
  });

  it("bills audio at 32 tokens per second, the same in countTokens and a generation", async () => {
    const contents = [{ role: "user", parts: [inline("audio/wav", wavTone(2)), { text: "Hi" }] }];
    const generated = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents,
    });
    expect(generated.usageMetadata?.promptTokensDetails).toEqual([
      { modality: "AUDIO", tokenCount: 64 },
      { modality: "TEXT", tokenCount: 1 },
    ]);
    // The SDK keeps only totalTokens from countTokens.
    const counted = await client().models.countTokens({ model: "gemini-2.5-flash", contents });
    expect(counted.totalTokens).toBe(65);
  });

  it("refuses image bytes no decoder would open, as Gemini does", async () => {
    const error = await client()
      .models.generateContent({
        model: "gemini-2.5-flash",
        contents: [
          {
            role: "user",
            parts: [
              inline("image/png", new TextEncoder().encode("not a png")),
              { text: "What is this?" },
            ],
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(errorBody(error)).toEqual({
      error: {
        code: 400,
        message:
          "Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
        status: "INVALID_ARGUMENT",
      },
    });
  });

  it("refuses a request body over 20 MB", async () => {
    const big = new Uint8Array(16 * 1024 * 1024);
    const error = await client()
      .models.generateContent({
        model: "gemini-2.5-flash",
        contents: [{ role: "user", parts: [inline("audio/wav", big), { text: "Too big?" }] }],
      })
      .catch((e: unknown) => e);
    expect(errorBody(error)).toEqual({
      error: {
        code: 400,
        message: "Request payload size exceeds the limit: 20971520 bytes.",
        status: "INVALID_ARGUMENT",
      },
    });
    // The connection stays usable after the refused body.
    const after = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Still there?",
    });
    expect(after.text).toContain('- Last user message: "Still there?"');
  });
});
