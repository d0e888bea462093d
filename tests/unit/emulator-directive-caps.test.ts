import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";
import { OFFLINE_DIRECTIVE_CAPS } from "@/lib/gemini/offline";

const BASE = "http://emulator.test/v1beta/models";

function stream(emulator: ReturnType<typeof createEmulator>, text: string) {
  return emulator(
    new Request(`${BASE}/gemini-2.5-flash:streamGenerateContent?alt=sse`, {
      method: "POST",
      headers: { "x-goog-api-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text }] }] }),
    }),
  );
}

/** The answer's token count as the emulator reports it in the last chunk's usage. */
async function answerTokens(response: Response): Promise<number> {
  const text = await response.text();
  const frames = text.split(/\r?\n\r?\n/).filter((f) => f.startsWith("data: "));
  const last = JSON.parse((frames.at(-1) ?? "").slice(6));
  return last.usageMetadata.candidatesTokenCount;
}

describe("offline mode's directive caps, end to end in the emulator", () => {
  it("answers a million-token request with 32,768 tokens in well under a second", async () => {
    const emulator = createEmulator({ directiveCaps: OFFLINE_DIRECTIVE_CAPS });
    const started = performance.now();
    const response = await stream(emulator, "Long.\n#emulator tokens=1000000");
    const tokens = await answerTokens(response);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(tokens).toBeLessThanOrEqual(OFFLINE_DIRECTIVE_CAPS.tokens ?? 0);
    expect(tokens).toBeGreaterThan(30_000);
    expect(response.headers.get("x-emulator-capped")).toBe("tokens=32768 (asked 1000000)");
  });

  it("keeps the standalone emulator uncapped", async () => {
    const response = await stream(createEmulator(), "Long.\n#emulator tokens=40000");
    expect(await answerTokens(response)).toBeGreaterThan(39_000);
    expect(response.headers.get("x-emulator-capped")).toBeNull();
  });

  it("bounds a paced stream's length", async () => {
    const emulator = createEmulator({ directiveCaps: { streamMs: 300 } });
    const started = performance.now();
    const response = await stream(emulator, "Slow.\n#emulator tokens=200 rate=1/s");
    await response.text();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.headers.get("x-emulator-capped")).toMatch(/^stream=300ms \(asked \d+ms\)$/);
  });
});
