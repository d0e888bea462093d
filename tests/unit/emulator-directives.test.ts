import { describe, expect, it } from "vitest";
import {
  capPacing,
  DirectiveError,
  parseDirectives,
  stripDirectives,
} from "@/lib/emulator/native/directives";

describe("emulator directives", () => {
  it("reads key=value pairs from a #emulator line", () => {
    const text = "Tell me a story.\n#emulator tokens=4000 rate=150/s chunk=12 delay=250ms";
    expect(parseDirectives(text)).toEqual({ tokens: 4000, rate: 150, chunk: 12, delayMs: 250 });
  });

  it("reads errors, quoted messages with escapes and retry delays", () => {
    const text = '#emulator error=429 retryDelay=2s message="Slow \\"down\\", please"';
    expect(parseDirectives(text)).toEqual({
      error: 429,
      retryDelay: "2s",
      message: 'Slow "down", please',
    });
  });

  it("merges several directive lines and accepts seconds for delay", () => {
    const text = "#emulator delay=2s\nhello\n  #emulator disconnect=3 finish=MAX_TOKENS";
    expect(parseDirectives(text)).toEqual({ delayMs: 2000, disconnect: 3, finish: "MAX_TOKENS" });
  });

  it("ignores text that only mentions the word", () => {
    expect(parseDirectives("what does #emulator do?\n#emulatorx tokens=5")).toEqual({});
  });

  it.each([
    ["#emulator tokns=5", /unknown key "tokns"/],
    ["#emulator error=418", /error must be one of 400, 403/],
    ["#emulator tokens=-3", /tokens must be an integer of at least 1/],
    ["#emulator rate=fast", /rate must be a positive number/],
    ["#emulator block=NOPE", /block must be one of/],
    ["#emulator delay=soon", /delay must look like 250ms or 2s/],
    ["#emulator tokens=5 stray", /cannot read "stray"/],
  ])("rejects %s", (text, message) => {
    expect(() => parseDirectives(text)).toThrow(DirectiveError);
    expect(() => parseDirectives(text)).toThrow(message);
  });

  it("strips directive lines and keeps everything else", () => {
    expect(stripDirectives("first\n#emulator tokens=5\nlast")).toBe("first\nlast");
  });
});

describe("directive caps (offline mode)", () => {
  const caps = { tokens: 32_768, delayMs: 30_000, streamMs: 120_000 };

  it("clamps tokens, thinking tokens and the delay, and says what it clamped", () => {
    const directives = parseDirectives(
      "#emulator tokens=1000000 thoughts=500000 delay=600000ms rate=100/s",
      caps,
    );
    expect(directives).toMatchObject({ tokens: 32_768, thoughts: 32_768, delayMs: 30_000 });
    expect(directives.capped).toEqual([
      "tokens=32768 (asked 1000000)",
      "thoughts=32768 (asked 500000)",
      "delayMs=30000 (asked 600000)",
    ]);
  });

  it("leaves values within the caps alone, and has no caps unless given them", () => {
    expect(parseDirectives("#emulator tokens=20000 delay=2s", caps)).toEqual({
      tokens: 20_000,
      delayMs: 2000,
    });
    expect(parseDirectives("#emulator tokens=1000000 delay=600000ms")).toEqual({
      tokens: 1_000_000,
      delayMs: 600_000,
    });
  });

  it("speeds a paced stream up to end within its cap", () => {
    const directives = parseDirectives("#emulator tokens=30000 rate=1/s", caps);
    const times = capPacing([10_000, 15_000_000, 30_000_000], directives, caps.streamMs);
    expect(times).toEqual([40, 60_000, 120_000]);
    expect(directives.capped).toEqual(["stream=120000ms (asked 30000000ms)"]);
    expect(capPacing([1, 2], {}, caps.streamMs)).toEqual([1, 2]);
    expect(capPacing([1, 200_000], {}, undefined)).toEqual([1, 200_000]);
  });

  it("applies a line naming a model only to requests for that model", () => {
    const text = "Hi\n#emulator tokens=50\n#emulator model=gemini-2.5-pro error=429 retryDelay=3s";
    expect(parseDirectives(text, undefined, "gemini-2.5-flash")).toEqual({ tokens: 50 });
    expect(parseDirectives(text, undefined, "gemini-2.5-pro")).toEqual({
      tokens: 50,
      error: 429,
      retryDelay: "3s",
    });
    expect(
      parseDirectives(
        "#emulator model=models/gemini-2.5-pro error=503",
        undefined,
        "gemini-2.5-pro",
      ).error,
    ).toBe(503);
  });
});
