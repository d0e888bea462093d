import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { geminiImageSize, imagenImageSize } from "@/lib/emulator/media/image-sizes";
import { paintPicture } from "@/lib/emulator/media/picture";
import { encodePng, PNG_SIGNATURE } from "@/lib/emulator/media/png-writer";

/** Bit-by-bit CRC-32, independent of the table the writer uses. */
function referenceCrc(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  data: Uint8Array;
  crc: number;
  body: Uint8Array;
}

function readChunks(png: Uint8Array): Chunk[] {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    chunks.push({
      type,
      data: png.subarray(at + 8, at + 8 + length),
      crc: view.getUint32(at + 8 + length),
      body: png.subarray(at + 4, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

/** Undoes the Sub filter the writer applies, giving back RGB rows. */
function unfilter(raw: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(1);
    for (let x = 0; x < stride; x++) {
      const left = x >= 3 ? (rgb[y * stride + x - 3] ?? 0) : 0;
      rgb[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] ?? 0) + left) & 0xff;
    }
  }
  return rgb;
}

describe("PNG writer", () => {
  it("writes IHDR, IDAT and IEND with correct CRCs and a zlib stream of the pixels", async () => {
    const width = 5;
    const height = 3;
    const rgb = new Uint8Array(width * height * 3).map((_, i) => (i * 37) % 256);
    const png = await encodePng(width, height, rgb);
    const chunks = readChunks(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    for (const chunk of chunks) expect(chunk.crc).toBe(referenceCrc(chunk.body));

    const [ihdr, idat] = chunks.map((chunk) => chunk.data);
    if (!ihdr || !idat) throw new Error("missing chunks");
    const header = new DataView(ihdr.buffer, ihdr.byteOffset, 13);
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([width, height]);
    expect([...ihdr.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    // inflateSync expects the zlib wrapper: a raw deflate stream would throw here.
    const raw = new Uint8Array(inflateSync(idat));
    expect(unfilter(raw, width, height)).toEqual(rgb);
  });

  it("rejects a pixel buffer of the wrong size", async () => {
    await expect(encodePng(2, 2, new Uint8Array(11))).rejects.toThrow("wrong pixel buffer size");
  });
});

describe("generated pictures", () => {
  it("are deterministic per seed and differ between seeds", () => {
    const a = paintPicture(40, 30, 1);
    expect(paintPicture(40, 30, 1)).toEqual(a);
    const b = paintPicture(40, 30, 2);
    const differing = a.filter((value, i) => value !== b[i]).length;
    expect(differing).toBeGreaterThan(a.length / 2);
  });

  it("are not one flat colour", () => {
    const rgb = paintPicture(64, 64, 7);
    const colours = new Set<string>();
    for (let i = 0; i < rgb.length; i += 3) colours.add(`${rgb[i]},${rgb[i + 1]},${rgb[i + 2]}`);
    expect(colours.size).toBeGreaterThan(50);
  });
});

describe("image sizes", () => {
  it("follow Gemini's 1K table and Imagen's", () => {
    expect(geminiImageSize(undefined)).toEqual([1024, 1024]);
    expect(geminiImageSize("16:9")).toEqual([1344, 768]);
    expect(geminiImageSize("21:9")).toEqual([1536, 672]);
    expect(imagenImageSize("9:16", undefined)).toEqual([768, 1408]);
    expect(imagenImageSize("4:3", "2K")).toEqual([2560, 1792]);
  });

  it("refuse ratios the model does not offer", () => {
    expect(() => geminiImageSize("7:3")).toThrow('Unsupported aspect ratio "7:3"');
    expect(() => imagenImageSize("3:2", undefined)).toThrow('Unsupported aspect ratio "3:2"');
  });
});
