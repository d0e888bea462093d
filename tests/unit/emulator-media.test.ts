import { describe, expect, it } from "vitest";
import { base64ByteLength, decodeBase64, encodeBase64 } from "@/lib/emulator/base64";
import { sha256Hex } from "@/lib/emulator/digest";
import { pcmSeconds, wavSeconds } from "@/lib/emulator/media/audio-header";
import { readImageHeader } from "@/lib/emulator/media/image-header";
import { describeMedia, readHeaderFacts } from "@/lib/emulator/media/media-facts";

/** A WAV of `seconds` of silence, with an optional LIST chunk before `data` as real files have. */
function wav(seconds: number, sampleRate = 16_000, withList = false): Uint8Array {
  const dataBytes = Math.round(seconds * sampleRate) * 2;
  const list = withList ? 8 + 10 : 0;
  const out = new Uint8Array(44 + list + dataBytes);
  const view = new DataView(out.buffer);
  const text = (at: number, value: string) => out.set(new TextEncoder().encode(value), at);
  text(0, "RIFF");
  view.setUint32(4, out.length - 8, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  let at = 36;
  if (withList) {
    text(at, "LIST");
    view.setUint32(at + 4, 10, true);
    at += 18;
  }
  text(at, "data");
  view.setUint32(at + 4, dataBytes, true);
  return out;
}

function bytes(...values: (number | string)[]): Uint8Array {
  const out: number[] = [];
  for (const value of values) {
    if (typeof value === "string") out.push(...new TextEncoder().encode(value));
    else out.push(value);
  }
  return new Uint8Array(out);
}

const le16 = (n: number) => [n & 255, n >> 8];
const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];

describe("base64", () => {
  it("round-trips every length and agrees with Buffer", () => {
    const random = new Uint8Array(100_003).map((_, i) => (i * 7919) % 251);
    for (const length of [0, 1, 2, 3, 4, 5, 6, 65_537, random.length]) {
      const slice = random.subarray(0, length);
      const encoded = encodeBase64(slice);
      expect(encoded).toBe(Buffer.from(slice).toString("base64"));
      expect(base64ByteLength(encoded)).toBe(length);
      expect(decodeBase64(encoded)).toEqual(slice);
    }
  });

  it("decodes a prefix, the URL-safe alphabet and line breaks, and refuses junk", () => {
    const data = new Uint8Array([251, 255, 191, 1, 2, 3]);
    expect(decodeBase64(encodeBase64(data), 2)).toEqual(data.subarray(0, 2));
    expect(decodeBase64(Buffer.from(data).toString("base64url"))).toEqual(data);
    expect(decodeBase64("+/+/\nAQID")).toEqual(new Uint8Array([251, 255, 191, 1, 2, 3]));
    expect(decodeBase64("not*base64")).toBeUndefined();
  });
});

describe("image headers", () => {
  it("reads PNG, GIF, JPEG and the three WEBP flavours", () => {
    const png = bytes(0x89, "PNG\r\n", 0x1a, "\n", 0, 0, 0, 13, "IHDR", 0, 0, 0, 64, 0, 0, 0, 48);
    expect(readImageHeader(png)).toEqual({ format: "png", width: 64, height: 48 });
    expect(readImageHeader(bytes("GIF89a", ...le16(320), ...le16(200)))).toEqual({
      format: "gif",
      width: 320,
      height: 200,
    });
    // SOI, an APP0 segment to skip, then SOF2 (progressive): precision, height 600, width 800.
    const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 6, "JFIF", 0xff, 0xc2, 0, 11, 8, 2, 88, 3, 32);
    expect(readImageHeader(jpeg)).toEqual({ format: "jpeg", width: 800, height: 600 });
    const riff = (chunk: string, ...body: number[]) =>
      bytes("RIFF", ...le32(4 + 8 + body.length), "WEBP", chunk, ...le32(body.length), ...body);
    const lossy = riff("VP8 ", 0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(640), ...le16(480));
    expect(readImageHeader(lossy)).toEqual({ format: "webp", width: 640, height: 480 });
    const bits = (100 - 1) | ((30 - 1) << 14);
    const lossless = riff("VP8L", 0x2f, ...le32(bits));
    expect(readImageHeader(lossless)).toEqual({ format: "webp", width: 100, height: 30 });
    const extended = riff("VP8X", 0, 0, 0, 0, 1999 & 255, 1999 >> 8, 0, 999 & 255, 999 >> 8, 0);
    expect(readImageHeader(extended)).toEqual({ format: "webp", width: 2000, height: 1000 });
  });

  it("knows HEIC by its ftyp brand and refuses bytes of no image format", () => {
    const heic = bytes(0, 0, 0, 24, "ftyp", "mif1", 0, 0, 0, 0, "mif1", "heic");
    expect(readImageHeader(heic)).toEqual({ format: "heif" });
    const mp4 = bytes(0, 0, 0, 20, "ftyp", "isom", 0, 0, 0, 0, "isom");
    expect(readImageHeader(mp4)).toBeUndefined();
    expect(readImageHeader(new TextEncoder().encode("definitely not a picture"))).toBeUndefined();
    // A PNG signature without an IHDR is not a decodable header.
    expect(readImageHeader(bytes(0x89, "PNG\r\n", 0x1a, "\n", 0, 0, 0, 0, "IDAT"))).toBeUndefined();
  });
});

describe("audio length", () => {
  it("reads WAV duration from fmt and data, past other chunks", () => {
    expect(wavSeconds(wav(1))).toBe(1);
    expect(wavSeconds(wav(2.5, 24_000, true))).toBe(2.5);
  });

  it("measures what is there when the data size overstates it, and only WAVs", () => {
    const file = wav(1);
    new DataView(file.buffer).setUint32(40, 0xffffffff, true);
    expect(wavSeconds(file)).toBe(1);
    expect(wavSeconds(file.subarray(0, 44), 44 + 16_000)).toBe(0.5);
    expect(wavSeconds(new TextEncoder().encode("RIFF....AVI LIST"))).toBeUndefined();
  });

  it("reads raw PCM length from its MIME parameters", () => {
    expect(pcmSeconds("audio/L16;codec=pcm;rate=24000", 48_000)).toBe(1);
    expect(pcmSeconds("audio/l16; rate=16000; channels=2", 64_000)).toBe(1);
    expect(pcmSeconds("audio/mpeg", 48_000)).toBeUndefined();
  });
});

describe("media echo line", () => {
  it("has the exact contract format", async () => {
    const audio = wav(1);
    const sha256 = await sha256Hex(audio);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const line = describeMedia(2, {
      mimeType: "audio/wav",
      bytes: audio.length,
      sha256,
      ...readHeaderFacts("audio/wav", audio),
      file: "files/abc123",
    });
    expect(line).toBe(
      `- Media 2: audio/wav, 32044 bytes, sha256 ${sha256.slice(0, 12)}, 1.00 s, file files/abc123`,
    );
    expect(
      describeMedia(1, { mimeType: "image/png", bytes: 2048, sha256, width: 64, height: 48 }),
    ).toBe(`- Media 1: image/png, 2048 bytes, sha256 ${sha256.slice(0, 12)}, 64×48 px`);
  });

  it("describes corrupt bytes without dimensions", () => {
    const facts = readHeaderFacts("image/png", new TextEncoder().encode("garbage"));
    expect(facts).toEqual({});
    expect(
      describeMedia(1, { mimeType: "image/png", bytes: 7, sha256: "ab".repeat(32), ...facts }),
    ).toBe("- Media 1: image/png, 7 bytes, sha256 abababababab");
  });

  it("hashes with SHA-256", async () => {
    expect(await sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
