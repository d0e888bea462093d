import { describe, expect, it } from "vitest";
import { DirectiveError, parseDirectives, stripDirectives } from "@/lib/emulator/native/directives";

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
