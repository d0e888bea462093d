/**
 * A minimal PNG encoder for the emulator's generated pictures: 8-bit RGB, one IDAT, every row with
 * the Sub filter (smooth gradients then compress to a few kilobytes). The zlib stream comes from
 * `CompressionStream("deflate")`, which per the Compression Streams spec is zlib-wrapped (RFC 1950)
 * as PNG requires; `deflate-raw` would not open. Available in Node, browsers and edge runtimes.
 */
import { crc32 } from "@/lib/emulator/digest";

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.byteLength);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.byteLength, crc32(typeBytes, data));
  return out;
}

/** Row filter 1 (Sub): each byte minus the same channel of the pixel to its left. */
function filterRows(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const out = y * (stride + 1);
    raw[out] = 1;
    for (let x = 0; x < stride; x++) {
      const left = x >= 3 ? (rgb[row + x - 3] ?? 0) : 0;
      raw[out + 1 + x] = ((rgb[row + x] ?? 0) - left) & 0xff;
    }
  }
  return raw;
}

async function zlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `rgb` holds width × height × 3 bytes, row by row. */
export async function encodePng(
  width: number,
  height: number,
  rgb: Uint8Array,
): Promise<Uint8Array> {
  if (rgb.byteLength !== width * height * 3) throw new Error("encodePng: wrong pixel buffer size");
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, adaptive filters, no interlace
  const parts = [
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", await zlib(filterRows(width, height, rgb))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.byteLength;
  }
  return png;
}
