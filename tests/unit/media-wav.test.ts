import { describe, expect, it } from "vitest";
import {
  encodeWav,
  mixToMono,
  pcmToWav,
  readWavInfo,
  WAV_HEADER_BYTES,
  wavDurationSeconds,
} from "@/lib/media/wav";

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** The canonical 44-byte header, written out by hand from the RIFF/WAVE layout. */
function expectedHeader(dataBytes: number, rate: number, channels: number, bits: number) {
  const block = (channels * bits) / 8;
  return [
    ...ascii("RIFF"),
    ...u32(36 + dataBytes + (dataBytes % 2)),
    ...ascii("WAVE"),
    ...ascii("fmt "),
    ...u32(16),
    ...u16(1),
    ...u16(channels),
    ...u32(rate),
    ...u32(rate * block),
    ...u16(block),
    ...u16(bits),
    ...ascii("data"),
    ...u32(dataBytes),
  ];
}

describe("encodeWav", () => {
  it("writes a 16-bit PCM header and little-endian samples scaled to each end of the range", () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 0.5, -0.5]), 16_000);
    expect([...wav]).toEqual([
      ...expectedHeader(10, 16_000, 1, 16),
      ...[0x00, 0x00], // 0
      ...[0xff, 0x7f], // +1 → 32767
      ...[0x00, 0x80], // -1 → -32768
      ...[0x00, 0x40], // 0.5 → 16384 (16383.5 rounded)
      ...[0x00, 0xc0], // -0.5 → -16384
    ]);
  });

  it("clamps out-of-range samples instead of wrapping them, and silences NaN", () => {
    const wav = encodeWav(
      new Float32Array([1.5, -7, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]),
      8_000,
    );
    const view = new DataView(wav.buffer, WAV_HEADER_BYTES);
    expect([0, 2, 4, 6, 8].map((at) => view.getInt16(at, true))).toEqual([
      32767, -32768, 32767, -32768, 0,
    ]);
  });

  it("interleaves channels frame by frame", () => {
    const left = new Float32Array([1, 0]);
    const right = new Float32Array([0, -1]);
    const wav = encodeWav([left, right], 44_100);
    expect([...wav.subarray(0, WAV_HEADER_BYTES)]).toEqual(expectedHeader(8, 44_100, 2, 16));
    const view = new DataView(wav.buffer, WAV_HEADER_BYTES);
    expect([0, 2, 4, 6].map((at) => view.getInt16(at, true))).toEqual([32767, 0, 0, -32768]);
  });

  it("accepts an array holding one channel the same as the bare channel", () => {
    const samples = new Float32Array([0.25, -0.25]);
    expect(encodeWav([samples], 16_000)).toEqual(encodeWav(samples, 16_000));
  });

  it("refuses channels of different lengths and impossible formats", () => {
    expect(() => encodeWav([new Float32Array(2), new Float32Array(3)], 16_000)).toThrow(RangeError);
    expect(() => encodeWav(new Float32Array(2), 0)).toThrow(RangeError);
    expect(() => encodeWav(new Float32Array(2), 16_000.5)).toThrow(RangeError);
    expect(() => encodeWav([], 16_000)).toThrow(RangeError);
  });

  it("makes a header-only file of an empty recording", () => {
    const wav = encodeWav(new Float32Array(0), 16_000);
    expect([...wav]).toEqual(expectedHeader(0, 16_000, 1, 16));
    expect(wavDurationSeconds(wav)).toBe(0);
  });
});

describe("pcmToWav", () => {
  it("puts Gemini's speech bytes behind a 24 kHz mono header, unchanged and in order", () => {
    const pcm = new Uint8Array([0x01, 0x02, 0x03, 0x04, 0xfe, 0xff]);
    const wav = pcmToWav(pcm, { sampleRate: 24_000 });
    expect([...wav]).toEqual([...expectedHeader(6, 24_000, 1, 16), 1, 2, 3, 4, 0xfe, 0xff]);
    // The input is not touched and the result doesn't share its memory.
    wav[WAV_HEADER_BYTES] = 0x99;
    expect(pcm[0]).toBe(0x01);
  });

  it("joins streamed chunks as if they were one buffer, even across a sample boundary", () => {
    const whole = Uint8Array.from({ length: 64 }, (_, i) => i);
    const chunks = [
      whole.subarray(0, 7),
      whole.subarray(7, 7),
      whole.subarray(7, 40),
      whole.subarray(40),
    ];
    expect(pcmToWav(chunks, { sampleRate: 16_000 })).toEqual(
      pcmToWav(whole, { sampleRate: 16_000 }),
    );
  });

  it("reads a subarray's own bytes, not the rest of its buffer", () => {
    const buffer = Uint8Array.from([9, 9, 1, 2, 3, 4, 9, 9]);
    const wav = pcmToWav(buffer.subarray(2, 6), { sampleRate: 8_000 });
    expect([...wav.subarray(WAV_HEADER_BYTES)]).toEqual([1, 2, 3, 4]);
  });

  it("drops a trailing partial frame", () => {
    const wav = pcmToWav(new Uint8Array([1, 2, 3, 4, 5, 6, 7]), { sampleRate: 8_000, channels: 2 });
    expect([...wav]).toEqual([...expectedHeader(4, 8_000, 2, 16), 1, 2, 3, 4]);
  });

  it("pads odd 8-bit data to a whole word, counting the pad in the RIFF size only", () => {
    const wav = pcmToWav(new Uint8Array([0x80, 0x81, 0x82]), {
      sampleRate: 8_000,
      bitsPerSample: 8,
    });
    expect([...wav]).toEqual([...expectedHeader(3, 8_000, 1, 8), 0x80, 0x81, 0x82, 0]);
    expect(readWavInfo(wav)?.dataBytes).toBe(3);
  });

  it("refuses sample sizes WAV PCM doesn't have", () => {
    expect(() => pcmToWav(new Uint8Array(4), { sampleRate: 8_000, bitsPerSample: 12 })).toThrow(
      RangeError,
    );
  });
});

describe("wavDurationSeconds and readWavInfo", () => {
  it("gives the length of encoded and wrapped audio", () => {
    expect(wavDurationSeconds(encodeWav(new Float32Array(16_000), 16_000))).toBe(1);
    expect(
      wavDurationSeconds(encodeWav([new Float32Array(4_000), new Float32Array(4_000)], 8_000)),
    ).toBe(0.5);
    // 1.5 s of 24 kHz 16-bit mono speech is 72,000 bytes.
    expect(wavDurationSeconds(pcmToWav(new Uint8Array(72_000), { sampleRate: 24_000 }))).toBe(1.5);
    expect(
      wavDurationSeconds(pcmToWav(new Uint8Array(96_000), { sampleRate: 24_000, channels: 2 })),
    ).toBe(1);
  });

  it("reports the format it reads back", () => {
    const wav = pcmToWav(new Uint8Array(48), {
      sampleRate: 22_050,
      channels: 2,
      bitsPerSample: 24,
    });
    expect(readWavInfo(wav)).toEqual({
      sampleRate: 22_050,
      channels: 2,
      bitsPerSample: 24,
      dataOffset: WAV_HEADER_BYTES,
      dataBytes: 48,
      durationSeconds: 48 / (22_050 * 6),
    });
  });

  it("skips chunks before the data, such as LIST metadata", () => {
    const plain = pcmToWav(new Uint8Array(32_000), { sampleRate: 16_000 });
    const list = [...ascii("LIST"), ...u32(5), ...ascii("INFOx"), 0]; // odd size, one pad byte
    const withList = Uint8Array.from([...plain.subarray(0, 36), ...list, ...plain.subarray(36)]);
    const info = readWavInfo(withList);
    expect(info?.dataOffset).toBe(WAV_HEADER_BYTES + list.length);
    expect(info?.durationSeconds).toBe(1);
  });

  it("counts only the bytes present when the header claims more (a streamed file)", () => {
    const wav = pcmToWav(new Uint8Array(8_000), { sampleRate: 8_000 });
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
    expect(wavDurationSeconds(wav)).toBe(0.5);
  });

  it("is null for anything that isn't a PCM WAV file", () => {
    expect(wavDurationSeconds(new Uint8Array(0))).toBeNull();
    expect(wavDurationSeconds(Uint8Array.from(ascii("RIFF\0\0\0\0WEBPVP8 ")))).toBeNull();
    const float = pcmToWav(new Uint8Array(8), { sampleRate: 8_000 });
    new DataView(float.buffer).setUint16(20, 3, true); // WAVE_FORMAT_IEEE_FLOAT
    expect(wavDurationSeconds(float)).toBeNull();
    // A data chunk before any fmt chunk can't be interpreted.
    expect(
      readWavInfo(Uint8Array.from([...ascii("RIFF"), ...u32(12), ...ascii("WAVEdata"), ...u32(0)])),
    ).toBeNull();
  });
});

describe("mixToMono", () => {
  it("averages the channels and passes a single channel through", () => {
    const mono = new Float32Array([0.5, -0.5]);
    expect(mixToMono([mono])).toBe(mono);
    expect([...mixToMono([new Float32Array([1, 0.5]), new Float32Array([0, -0.5])])]).toEqual([
      0.5, 0,
    ]);
    expect(mixToMono([])).toHaveLength(0);
  });
});
