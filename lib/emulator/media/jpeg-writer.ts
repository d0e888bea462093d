/**
 * A minimal baseline JPEG encoder (ITU-T T.81, sequential DCT, Huffman coded) for the pictures of
 * the image models Google answers in JPEG (capture 07: Gemini 3 Pro Image sends `image/jpeg`).
 * 8-bit YCbCr without subsampling, one scan, the standard's example tables (jpeg-tables.ts) used
 * for all three components, a JFIF header so every browser and image library opens it. Plain
 * arithmetic only, so it runs wherever the emulator does (Node, browsers, edge runtimes).
 */
import {
  AC_LUMA,
  CHROMA_QUANT,
  DC_LUMA,
  type HuffmanSpec,
  LUMA_QUANT,
  ZIGZAG,
} from "./jpeg-tables";

export const JPEG_SOI = new Uint8Array([0xff, 0xd8, 0xff]);
const QUALITY = 90;

/** IJG's quality scaling of a base table, in zig-zag order as DQT wants it. */
function scaledTable(base: number[], quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return ZIGZAG.map((natural) =>
    Math.min(255, Math.max(1, Math.floor(((base[natural] ?? 1) * scale + 50) / 100))),
  );
}

interface Code {
  code: number;
  length: number;
}

/** Canonical codes from counts and symbols (T.81 Annex C), indexed by symbol. */
function huffmanCodes(spec: HuffmanSpec): Code[] {
  const codes: Code[] = [];
  let code = 0;
  let k = 0;
  spec.counts.forEach((count, index) => {
    for (let i = 0; i < count; i++) {
      codes[spec.symbols[k++] ?? 0] = { code: code++, length: index + 1 };
    }
    code <<= 1;
  });
  return codes;
}

const DC_CODES = huffmanCodes(DC_LUMA);
const AC_CODES = huffmanCodes(AC_LUMA);

/** Appends bits most significant first, stuffing a 0x00 after every 0xFF byte (T.81 F.1.2.3). */
class BitWriter {
  private readonly bytes: number[] = [];
  private buffer = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.buffer = (this.buffer << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.buffer);
    if (this.buffer === 0xff) this.bytes.push(0);
    this.buffer = 0;
    this.count = 0;
  }

  /** Pads the last byte with 1 bits, as the standard asks. */
  finish(): number[] {
    if (this.count > 0) this.write(0xff, 8 - this.count);
    return this.bytes;
  }
}

/** cos((2x + 1)uπ / 16), scaled by C(u)/2 so one pass per axis gives the T.81 A.3.3 FDCT. */
const BASIS = (() => {
  const table = new Float64Array(64);
  for (let u = 0; u < 8; u++) {
    const c = u === 0 ? Math.SQRT1_2 : 1;
    for (let x = 0; x < 8; x++)
      table[u * 8 + x] = (c / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  }
  return table;
})();

function fdct(block: Float64Array, out: Float64Array, rows: Float64Array): void {
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = 0; x < 8; x++) sum += (block[y * 8 + x] ?? 0) * (BASIS[u * 8 + x] ?? 0);
      rows[y * 8 + u] = sum;
    }
  }
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) sum += (rows[y * 8 + u] ?? 0) * (BASIS[v * 8 + y] ?? 0);
      out[v * 8 + u] = sum;
    }
  }
}

/** The magnitude category of a coefficient and its bits (T.81 F.1.2.1). */
function category(value: number): [size: number, bits: number] {
  const magnitude = Math.abs(value);
  const size = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
  return [size, value < 0 ? value + (1 << size) - 1 : value];
}

function emit(writer: BitWriter, code: Code | undefined): void {
  if (!code) throw new Error("jpeg: symbol missing from the Huffman table");
  writer.write(code.code, code.length);
}

function encodeBlock(writer: BitWriter, coefficients: Int32Array, previousDc: number): number {
  const dc = coefficients[0] ?? 0;
  const [dcSize, dcBits] = category(dc - previousDc);
  emit(writer, DC_CODES[dcSize]);
  if (dcSize > 0) writer.write(dcBits, dcSize);
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const value = coefficients[k] ?? 0;
    if (value === 0) {
      run++;
      continue;
    }
    for (; run > 15; run -= 16) emit(writer, AC_CODES[0xf0]);
    const [size, bits] = category(value);
    emit(writer, AC_CODES[(run << 4) | size]);
    writer.write(bits, size);
    run = 0;
  }
  if (run > 0) emit(writer, AC_CODES[0x00]);
  return dc;
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

function huffmanSegment(): number[] {
  const table = (id: number, spec: HuffmanSpec) => [id, ...spec.counts, ...spec.symbols];
  return segment(0xc4, [...table(0x00, DC_LUMA), ...table(0x10, AC_LUMA)]);
}

/** `rgb` holds width × height × 3 bytes, row by row (as png-writer.ts takes them). */
export function encodeJpeg(width: number, height: number, rgb: Uint8Array): Uint8Array {
  if (rgb.byteLength !== width * height * 3) throw new Error("encodeJpeg: wrong pixel buffer size");
  const luma = scaledTable(LUMA_QUANT, QUALITY);
  const chroma = scaledTable(CHROMA_QUANT, QUALITY);
  const header = [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...luma, 0x01, ...chroma]),
    ...segment(
      0xc0,
      [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3].concat([
        1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1,
      ]),
    ),
    ...huffmanSegment(),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
  ];
  const writer = new BitWriter();
  const tables = [luma, chroma, chroma];
  const previous = [0, 0, 0];
  const block = new Float64Array(64);
  const rows = new Float64Array(64);
  const freq = new Float64Array(64);
  const coefficients = new Int32Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let component = 0; component < 3; component++) {
        for (let y = 0; y < 8; y++) {
          // Edge blocks repeat the last row and column rather than pad with black.
          const row = Math.min(by + y, height - 1) * width;
          for (let x = 0; x < 8; x++) {
            const at = (row + Math.min(bx + x, width - 1)) * 3;
            block[y * 8 + x] = sample(rgb, at, component) - 128;
          }
        }
        fdct(block, freq, rows);
        const quant = tables[component] ?? luma;
        for (let k = 0; k < 64; k++) {
          coefficients[k] = Math.round((freq[ZIGZAG[k] ?? 0] ?? 0) / (quant[k] ?? 1));
        }
        previous[component] = encodeBlock(writer, coefficients, previous[component] ?? 0);
      }
    }
  }
  const body = writer.finish();
  const jpeg = new Uint8Array(header.length + body.length + 2);
  jpeg.set(header, 0);
  jpeg.set(body, header.length);
  jpeg.set([0xff, 0xd9], header.length + body.length);
  return jpeg;
}

/** JFIF's full-range YCbCr (ITU-R BT.601 weights). */
function sample(rgb: Uint8Array, at: number, component: number): number {
  const r = rgb[at] ?? 0;
  const g = rgb[at + 1] ?? 0;
  const b = rgb[at + 2] ?? 0;
  if (component === 0) return 0.299 * r + 0.587 * g + 0.114 * b;
  if (component === 1) return -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
  return 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
}
