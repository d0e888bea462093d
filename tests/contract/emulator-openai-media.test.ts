/**
 * Images and audio sent to the OpenAI-compatible endpoint with the real `openai` client: an
 * `image_url` data: URL and `input_audio` reach the native planner as inlineData, so the answer
 * echoes them exactly as the native API does and bills them the same.
 */
import { createHash } from "node:crypto";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, testPng, wavTone } from "./emulator-fixture";

const { server, client } = setupEmulatorServer();

const openai = () =>
  new OpenAI({
    apiKey: "test-key",
    baseURL: `${server().url}/v1beta/openai/`,
    maxRetries: 0,
  });

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("media in chat completions", () => {
  it("echoes a PNG data URL and a WAV input_audio as the native API echoes inline data", async () => {
    const png = await testPng(64, 48, 7);
    const wav = wavTone(1.5, 16000);
    const completion = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Compare these." },
            { type: "image_url", image_url: { url: `data:image/png;base64,${base64(png)}` } },
            { type: "input_audio", input_audio: { data: base64(wav), format: "wav" } },
          ],
        },
      ],
    });
    const content = completion.choices[0]?.message.content ?? "";
    const lines = content.split("\n").filter((line) => line.startsWith("- Media "));
    expect(lines).toEqual([
      `- Media 1: image/png, ${png.length} bytes, sha256 ${sha256(png).slice(0, 12)}, 64×48 px`,
      `- Media 2: audio/wav, ${wav.length} bytes, sha256 ${sha256(wav).slice(0, 12)}, 1.50 s`,
    ]);
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: [
        {
          role: "user",
          parts: [
            { text: "Compare these." },
            { inlineData: { mimeType: "image/png", data: base64(png) } },
            { inlineData: { mimeType: "audio/wav", data: base64(wav) } },
          ],
        },
      ],
    });
    expect(content).toBe(native.text);
    // 258 for the image, 32 a second for the audio, 4 for the text.
    expect(completion.usage?.prompt_tokens).toBe(258 + 48 + 4);
    expect(completion.usage?.prompt_tokens).toBe(native.usageMetadata?.promptTokenCount);
  });

  it("refuses image bytes no decoder would open, with the native message", async () => {
    const response = await fetch(`${server().url}/v1beta/openai/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({
        model: "gemini-2.5-flash",
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: "What is this?" },
              {
                type: "image_url",
                image_url: {
                  url: `data:image/png;base64,${base64(new TextEncoder().encode("no"))}`,
                },
              },
            ],
          },
        ],
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      {
        error: {
          code: 400,
          message:
            "Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
          status: "INVALID_ARGUMENT",
        },
      },
    ]);
  });

  it("refuses an image URL it would have to fetch and an unknown audio format", async () => {
    const error = await openai()
      .chat.completions.create({
        model: "gemini-2.5-flash",
        messages: [
          {
            role: "user",
            content: [{ type: "image_url", image_url: { url: "https://example.com/cat.png" } }],
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const response = await fetch(`${server().url}/v1beta/openai/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({
        model: "gemini-2.5-flash",
        messages: [
          {
            role: "user",
            content: [{ type: "input_audio", input_audio: { data: "AAAA", format: "flac" } }],
          },
        ],
      }),
    });
    const [envelope] = (await response.json()) as { error: { message: string } }[];
    expect(envelope?.error.message).toBe(
      "* ChatCompletionRequest.messages[0].content[0].input_audio.format: format must be one of wav, mp3\n",
    );
  });
});
