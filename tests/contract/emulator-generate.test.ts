import { describe, expect, it } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

const conversation = [
  { role: "user", parts: [{ text: "What is a haiku?" }] },
  { role: "model", parts: [{ text: "A short poem." }] },
  { role: "user", parts: [{ text: "Write one about <tags> & rain." }] },
];

describe("generateContent through @google/genai", () => {
  it("echoes the model, system instruction, temperature and turn count", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: conversation,
      config: { systemInstruction: "Answer like a sailor.", temperature: 0.7 },
    });
    const text = response.text ?? "";
    expect(text).toContain("- Model: gemini-2.5-flash");
    expect(text).toContain('- System instruction: "Answer like a sailor."');
    expect(text).toContain("- Temperature: 0.7");
    expect(text).toContain("- Turns: 3");
    expect(text).toContain('- Last user message: "Write one about <tags> & rain."');
    expect(response.candidates?.[0]?.finishReason).toBe("STOP");
    expect(response.modelVersion).toBe("gemini-2.5-flash");
    expect(response.responseId).toMatch(/^[\w-]{20,}$/);
  });

  it("streams several chunks that add up to the unary answer, with running usage", async () => {
    const request = {
      model: "gemini-2.0-flash",
      contents: conversation,
      config: { temperature: 0.1 },
    };
    const unary = await client().models.generateContent(request);
    const chunks = [];
    for await (const chunk of await client().models.generateContentStream(request))
      chunks.push(chunk);

    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.map((c) => c.text).join("")).toBe(unary.text);
    const totals = chunks.map((c) => c.usageMetadata?.candidatesTokenCount ?? 0);
    expect(totals.every((n, i) => i === 0 || n > (totals[i - 1] ?? 0))).toBe(true);
    for (const chunk of chunks) {
      expect(chunk.usageMetadata?.promptTokenCount).toBe(unary.usageMetadata?.promptTokenCount);
    }
    expect(chunks.at(-1)?.usageMetadata?.totalTokenCount).toBe(
      unary.usageMetadata?.totalTokenCount,
    );
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe("STOP");
    expect(chunks.slice(0, -1).map((c) => c.candidates?.[0]?.finishReason)).toEqual(
      chunks.slice(0, -1).map(() => undefined),
    );
  });

  it("answers on the v1 path too", async () => {
    const response = await client("v1").models.generateContent({
      model: "gemini-2.5-pro",
      contents: user("Hello from v1"),
    });
    expect(response.text).toContain("- Model: gemini-2.5-pro");
    const [entry] = server().log.list().slice(-1);
    expect(entry?.path).toBe("/v1/models/gemini-2.5-pro:generateContent");
  });

  it("counts tokens the same way a generation bills the prompt", async () => {
    const contents = user("Count me, please: twelve words or so, give or take a few.");
    const counted = await client().models.countTokens({ model: "gemini-2.0-flash", contents });
    const generated = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents,
    });
    expect(counted.totalTokens).toBe(generated.usageMetadata?.promptTokenCount);
    expect(counted.totalTokens).toBe(15);
  });

  it("counts a generateContentRequest with its system instruction (REST body)", async () => {
    const systemInstruction = { parts: [{ text: "You are a careful counter." }] };
    const contents = user("How many tokens is this?");
    const response = await fetch(`${server().url}/v1beta/models/gemini-2.0-flash:countTokens`, {
      method: "POST",
      headers: { "x-goog-api-key": "k", "content-type": "application/json" },
      body: JSON.stringify({
        generateContentRequest: { model: "models/gemini-2.0-flash", contents, systemInstruction },
      }),
    });
    const counted = await response.json();
    const generated = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents,
      config: { systemInstruction: "You are a careful counter." },
    });
    expect(counted.totalTokens).toBe(generated.usageMetadata?.promptTokenCount);
    expect(Object.keys(counted)).toEqual(["totalTokens", "promptTokensDetails"]);
  });

  it("honours maxOutputTokens and stopSequences", async () => {
    const capped = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Long please\n#emulator tokens=500"),
      config: { maxOutputTokens: 30 },
    });
    expect(capped.candidates?.[0]?.finishReason).toBe("MAX_TOKENS");
    expect(capped.usageMetadata?.candidatesTokenCount).toBe(30);
    const stopped = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Stop early"),
      config: { stopSequences: ["- Turns:"] },
    });
    expect(stopped.text).toContain("- Temperature: default");
    expect(stopped.text).not.toContain("- Turns:");
  });

  it("embeds deterministically into unit vectors of the requested size", async () => {
    const embed = (text: string) =>
      client().models.embedContent({
        model: "gemini-embedding-001",
        contents: [text],
        config: { outputDimensionality: 768 },
      });
    const [a, b, c] = await Promise.all([embed("cats"), embed("cats"), embed("dogs")]);
    const values = a.embeddings?.[0]?.values ?? [];
    expect(values).toHaveLength(768);
    expect(Math.hypot(...values)).toBeCloseTo(1, 5);
    expect(b.embeddings?.[0]?.values).toEqual(values);
    expect(c.embeddings?.[0]?.values).not.toEqual(values);
  });
});
