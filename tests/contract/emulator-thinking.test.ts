import type { GenerateContentResponse } from "@google/genai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { client } = setupEmulatorServer();

async function collect(stream: AsyncGenerator<GenerateContentResponse>) {
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("thinking through @google/genai", () => {
  it("streams thoughts first when asked, with a signature on the first answer part", async () => {
    const chunks = await collect(
      await client().models.generateContentStream({
        model: "gemini-2.5-flash",
        contents: user("Think first\n#emulator chunk=16"),
        config: { thinkingConfig: { includeThoughts: true } },
      }),
    );
    const parts = chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
    const firstAnswer = parts.findIndex((p) => !p.thought);
    expect(firstAnswer).toBeGreaterThan(0);
    expect(parts.slice(0, firstAnswer).every((p) => p.thought === true)).toBe(true);
    expect(parts.slice(firstAnswer).some((p) => p.thought)).toBe(false);
    expect(parts[firstAnswer]?.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const usage = chunks.at(-1)?.usageMetadata;
    expect(usage?.thoughtsTokenCount).toBe(64);
    expect(usage?.totalTokenCount).toBe(
      (usage?.promptTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0) + 64,
    );
  });

  it("reports thinking tokens without thought text unless asked, and none with budget 0", async () => {
    const hidden = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Quietly"),
    });
    expect(hidden.usageMetadata?.thoughtsTokenCount).toBe(64);
    expect(hidden.candidates?.[0]?.content?.parts?.some((p) => p.thought)).toBe(false);
    const none = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("No thinking"),
      config: { thinkingConfig: { thinkingBudget: 0 } },
    });
    expect(none.usageMetadata?.thoughtsTokenCount).toBeUndefined();
  });

  it("ends a Gemini 3 stream with an empty signed text part carrying STOP", async () => {
    const request = { model: "gemini-3-flash-preview", contents: user("Hello, Gemini 3") };
    const chunks = await collect(await client().models.generateContentStream(request));
    const last = chunks.at(-1)?.candidates?.[0];
    expect(last?.content?.parts).toEqual([{ text: "", thoughtSignature: expect.any(String) }]);
    expect(last?.finishReason).toBe("STOP");
    const unary = await client().models.generateContent(request);
    expect(chunks.map((c) => c.text ?? "").join("")).toBe(unary.text);
  });
});
