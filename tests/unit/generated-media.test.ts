import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChunkData } from "@/lib/run/events";

let generated: typeof import("@/lib/gemini/generated-media");
let blobs: typeof import("@/lib/media/blob-store");

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(join(tmpdir(), "generated-media-"));
  generated = await import("@/lib/gemini/generated-media");
  blobs = await import("@/lib/media/blob-store");
});

const PCM = "audio/L16;codec=pcm;rate=24000";
const speechChunk = (bytes: number[], extra: object = {}): ChunkData => ({
  candidates: [
    {
      content: {
        role: "model",
        parts: [{ inlineData: { mimeType: PCM, data: Buffer.from(bytes).toString("base64") } }],
      },
      ...extra,
    },
  ],
});

describe("generated media", () => {
  it("stores an image and replaces its base64 with a reference, keeping the signature", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const chunk: ChunkData = {
      candidates: [
        {
          content: {
            role: "model",
            parts: [
              { text: "Here it is" },
              {
                inlineData: { mimeType: "image/png", data: png.toString("base64") },
                thoughtSignature: "sig",
              },
            ],
          },
        },
      ],
    };
    const stored = await generated.storeGeneratedMedia(chunk);
    const part = stored.candidates?.[0]?.content?.parts?.[1] as unknown as {
      media: { sha256: string; mimeType: string; bytes: number; name: string };
      thoughtSignature: string;
    };
    expect(part.thoughtSignature).toBe("sig");
    expect(part.media).toMatchObject({ mimeType: "image/png", bytes: png.length });
    expect(part.media.name).toMatch(/^image-[0-9a-f]{8}\.png$/);
    expect(JSON.stringify(stored)).not.toContain(png.toString("base64"));
    expect(await blobs.readBlob(part.media.sha256)).toEqual(png);
  });

  it("joins streamed speech pieces into one WAV at the end of the stream", async () => {
    const speech = generated.speechCollector();
    const first = speech.take(speechChunk([1, 0, 2, 0]));
    const second = speech.take(speechChunk([3, 0], { finishReason: "STOP" }));
    // The pieces leave the chunks (their other fields stay) and come back as one part.
    expect(first.candidates?.[0]?.content?.parts).toEqual([]);
    expect(second.candidates?.[0]?.finishReason).toBe("STOP");
    const tail = await speech.finish();
    const part = tail?.candidates?.[0]?.content?.parts?.[0] as unknown as {
      media: { sha256: string; mimeType: string; bytes: number };
    };
    expect(part.media).toMatchObject({ mimeType: "audio/wav", bytes: 44 + 6 });
    const wav = await blobs.readBlob(part.media.sha256);
    expect(wav.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(wav.readUInt32LE(24)).toBe(24_000);
    expect([...wav.subarray(44)]).toEqual([1, 0, 2, 0, 3, 0]);
  });

  it("has nothing to add when no speech passed", async () => {
    const speech = generated.speechCollector();
    speech.take({ candidates: [{ content: { role: "model", parts: [{ text: "hi" }] } }] });
    expect(await speech.finish()).toBeUndefined();
  });
});
