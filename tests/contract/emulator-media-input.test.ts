import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodePng } from "@/lib/emulator/media/png-writer";
import { errorBody, setupEmulatorServer } from "./emulator-fixture";

const { client } = setupEmulatorServer();

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const inline = (mimeType: string, bytes: Uint8Array) => ({
  inlineData: { mimeType, data: base64(bytes) },
});

/** `seconds` of a 440 Hz tone as a 24 kHz mono 16-bit WAV. */
function wavTone(seconds: number): Uint8Array {
  const rate = 24_000;
  const samples = Math.round(seconds * rate);
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode("RIFF"), 0);
  view.setUint32(4, out.length - 8, true);
  out.set(new TextEncoder().encode("WAVEfmt "), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  out.set(new TextEncoder().encode("data"), 36);
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  }
  return out;
}

async function testPng(width: number, height: number): Promise<Uint8Array> {
  const rgb = new Uint8Array(width * height * 3).map((_, i) => (i * 13) % 256);
  return encodePng(width, height, rgb);
}

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
