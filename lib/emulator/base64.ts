/**
 * Base64 for megabyte-sized media without `Buffer` (the emulator also runs outside Node) and
 * without `atob`/`btoa`, which go through a binary string twice the size of the bytes.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
// Google also accepts the URL-safe alphabet in `inlineData.data`.
VALUES["-".charCodeAt(0)] = 62;
VALUES["_".charCodeAt(0)] = 63;

/** Pairs of characters per 12-bit value: two table lookups per three bytes instead of four. */
const PAIRS: string[] = [];
for (let i = 0; i < 4096; i++) PAIRS.push(ALPHABET.charAt(i >> 6) + ALPHABET.charAt(i & 63));

export function encodeBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  // Joined in slices so no single intermediate string grows quadratically.
  const SLICE = 3 * 16384;
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(bytes.length, start + SLICE);
    let out = "";
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out += (PAIRS[n >> 12] ?? "") + (PAIRS[n & 4095] ?? "");
    }
    const rest = end - i;
    if (rest === 1) {
      const n = (bytes[i] ?? 0) << 16;
      out += `${PAIRS[n >> 12] ?? ""}==`;
    } else if (rest === 2) {
      const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
      out += `${PAIRS[n >> 12] ?? ""}${ALPHABET.charAt((n >> 6) & 63)}=`;
    }
    pieces.push(out);
  }
  return pieces.join("");
}

/** Bytes a base64 text decodes to, from its length alone. */
export function base64ByteLength(data: string): number {
  let length = data.length;
  while (length > 0 && data.charCodeAt(length - 1) === 61 /* = */) length--;
  return Math.floor((length * 3) / 4);
}

/**
 * Decodes at most `maxBytes` (all by default). Whitespace is skipped; any other character outside
 * the alphabet makes the text invalid and returns undefined, as Google rejects such data.
 */
export function decodeBase64(
  data: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Uint8Array | undefined {
  const out = new Uint8Array(Math.min(base64ByteLength(data), maxBytes));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < data.length && written < out.length; i++) {
    const code = data.charCodeAt(i);
    if (code === 61) break;
    if (code === 32 || code === 10 || code === 13 || code === 9) continue;
    const value = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return written === out.length ? out : out.subarray(0, written);
}
