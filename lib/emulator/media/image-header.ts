/**
 * Recognises the image formats Gemini accepts from their first bytes and reads the pixel size
 * from the header alone (no decoding), so a test can prove an image arrived intact and the emulator
 * can refuse bytes that no decoder would open, as Gemini does.
 */

export type ImageFormat = "png" | "jpeg" | "gif" | "webp" | "heif";

export interface ImageHeader {
  format: ImageFormat;
  width?: number;
  height?: number;
}

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => ((u16be(b, at) << 16) | u16be(b, at + 2)) >>> 0;

function sized(format: ImageFormat, width: number, height: number): ImageHeader | undefined {
  return width > 0 && height > 0 ? { format, width, height } : undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The first chunk of a PNG must be IHDR: width and height are its first two fields. */
function png(b: Uint8Array): ImageHeader | undefined {
  if (!PNG_SIGNATURE.every((byte, i) => b[i] === byte)) return undefined;
  if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") return undefined;
  return sized("png", u32be(b, 16), u32be(b, 20));
}

/** Start-of-frame markers carry the size; all other segments are skipped by their length. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): ImageHeader | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return { format: "jpeg" };
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or entropy-coded data follows
    if (SOF.has(marker)) {
      return sized("jpeg", u16be(b, at + 7), u16be(b, at + 5)) ?? { format: "jpeg" };
    }
    at += 2 + u16be(b, at + 2);
  }
  // A JPEG whose frame header lies beyond the bytes we were given: known format, size unknown.
  return { format: "jpeg" };
}

function gif(b: Uint8Array): ImageHeader | undefined {
  const magic = ascii(b, 0, 6);
  if (magic !== "GIF87a" && magic !== "GIF89a") return undefined;
  return sized("gif", u16le(b, 6), u16le(b, 8));
}

function webp(b: Uint8Array): ImageHeader | undefined {
  if (ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return undefined;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return sized("webp", u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (chunk === "VP8L") {
    // Lossless: signature 0x2f, then width-1 and height-1 as two 14-bit fields.
    if (b[20] !== 0x2f) return undefined;
    const bits =
      ((b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)) >>> 0;
    return sized("webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X") {
    // Extended: 24-bit canvas width-1 and height-1 after four bytes of flags.
    return sized("webp", u24le(b, 24) + 1, u24le(b, 27) + 1);
  }
  return undefined;
}

/** HEIC/HEIF: an ISO-BMFF `ftyp` box naming a HEIF brand; its size lives deep in `meta`, unread. */
const HEIF_BRANDS = new Set([
  "heic",
  "heix",
  "heim",
  "heis",
  "hevc",
  "hevx",
  "hevm",
  "hevs",
  "mif1",
  "msf1",
]);

function heif(b: Uint8Array): ImageHeader | undefined {
  if (ascii(b, 4, 4) !== "ftyp") return undefined;
  const boxEnd = Math.min(b.length, u32be(b, 0));
  if (HEIF_BRANDS.has(ascii(b, 8, 4))) return { format: "heif" };
  for (let at = 16; at + 4 <= boxEnd; at += 4) {
    if (HEIF_BRANDS.has(ascii(b, at, 4))) return { format: "heif" };
  }
  return undefined;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  return png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes) ?? heif(bytes);
}
