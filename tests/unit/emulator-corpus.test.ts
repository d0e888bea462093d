import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";
import { CORPUS_NAMES, corpusText } from "@/lib/emulator/native/corpus";
import { parseDirectives } from "@/lib/emulator/native/directives";

async function generate(prompt: string) {
  const request = new Request(
    "http://emulator.test/v1beta/models/gemini-2.5-flash-lite:generateContent",
    {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": "k" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: prompt }] }] }),
    },
  );
  return createEmulator()(request);
}

describe("emulator corpus", () => {
  it("has the shapes a benchmark of hostile answers needs", () => {
    expect(corpusText("line")).toMatch(/^\S{200000}$/);
    const jsonLine = corpusText("json").split("\n")[2] ?? "";
    expect(jsonLine.length).toBeGreaterThanOrEqual(100_000);
    expect(() => JSON.parse(jsonLine)).not.toThrow();
    expect(
      corpusText("table")
        .split("\n")
        .filter((l) => l.startsWith("| ")).length,
    ).toBe(1_001);
    expect(corpusText("code").split("\n").length).toBeGreaterThan(5_000);
    const fence = corpusText("open-fence");
    expect(fence.indexOf("```", fence.indexOf("```python") + 3)).toBe(fence.length - 3);
    expect(corpusText("paragraphs").split("\n\n")).toHaveLength(10_000);
    expect(corpusText("math")).toContain("$$");
    expect(corpusText("mixed").length).toBeGreaterThan(55_000);
  });

  it("is the same text every time", () => {
    for (const name of CORPUS_NAMES) expect(corpusText(name)).toBe(corpusText(name));
  });

  it("answers with the corpus text exactly, as the only text", async () => {
    const response = await generate("Stream it.\n#emulator corpus=escapes");
    const body = (await response.json()) as {
      candidates: { content: { parts: { text?: string }[] } }[];
    };
    const text = body.candidates[0]?.content.parts.map((p) => p.text ?? "").join("");
    expect(text).toBe(corpusText("escapes"));
  });

  it("refuses a corpus it does not have", () => {
    expect(() => parseDirectives("#emulator corpus=poems")).toThrow(/corpus must be one of line/);
  });
});
