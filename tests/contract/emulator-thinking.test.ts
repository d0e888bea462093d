import { type GenerateContentResponse, ThinkingLevel } from "@google/genai";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, user } from "./emulator-fixture";

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

describe("thinking settings Google rejects, as ApiError", () => {
  it.each([
    [
      "gemini-2.5-flash",
      { thinkingBudget: 1024, thinkingLevel: ThinkingLevel.HIGH },
      "You can only set only one of thinking budget and thinking level.",
    ],
    [
      "gemini-3-pro-preview",
      { thinkingLevel: ThinkingLevel.MINIMAL },
      "Thinking level MINIMAL is not supported for this model. Please retry with other thinking level.",
    ],
    [
      "gemini-2.5-pro",
      { thinkingBudget: 0 },
      "Budget 0 is invalid. This model only works in thinking mode.",
    ],
    [
      "gemini-2.5-flash",
      { thinkingLevel: ThinkingLevel.LOW },
      "Thinking level is not supported for this model. Please retry with thinking budget instead.",
    ],
    [
      "gemini-2.5-pro",
      { thinkingBudget: 50_000 },
      "The thinking budget 50000 is invalid. Please choose -1 (dynamic) or a value between 128 and 32768.",
    ],
  ])("%s with %j", async (model, thinkingConfig, message) => {
    const error = await client()
      .models.generateContentStream({ model, contents: user("Think"), config: { thinkingConfig } })
      .catch((e: unknown) => e);
    expect(errorBody(error)).toEqual({ error: { code: 400, message, status: "INVALID_ARGUMENT" } });
    expect((error as { status?: number }).status).toBe(400);
  });

  it("accepts a level Gemini 3 Flash supports and echoes it", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3-flash-preview",
      contents: user("Think a little"),
      config: { thinkingConfig: { thinkingLevel: ThinkingLevel.MINIMAL } },
    });
    expect(response.text).toContain("- Thinking: level MINIMAL");
    expect(response.usageMetadata?.thoughtsTokenCount).toBe(16);
  });
});
