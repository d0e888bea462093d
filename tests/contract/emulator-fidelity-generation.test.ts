/**
 * Generation settings as Gemini treats them, through @google/genai over HTTP: thoughts count
 * toward maxOutputTokens, penalties only where Google enables them, several candidates where a
 * model allows them.
 */
import type { GenerateContentResponse } from "@google/genai";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, user } from "./emulator-fixture";

const { client } = setupEmulatorServer();

async function collect(stream: AsyncGenerator<GenerateContentResponse>) {
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const failure = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

describe("maxOutputTokens on a thinking model", () => {
  it("lets thinking use up a small cap: MAX_TOKENS, no answer part, thoughts within the cap", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Explain entropy"),
      config: { maxOutputTokens: 40 },
    });
    const candidate = response.candidates?.[0];
    expect(candidate?.finishReason).toBe("MAX_TOKENS");
    expect(candidate?.content?.parts ?? []).toEqual([]);
    expect(response.text).toBeUndefined();
    expect(response.usageMetadata?.thoughtsTokenCount).toBe(40);
    expect(response.usageMetadata?.candidatesTokenCount).toBeUndefined();
    expect(response.usageMetadata?.totalTokenCount).toBe(
      (response.usageMetadata?.promptTokenCount ?? 0) + 40,
    );
  });

  it("gives the answer what thinking leaves, so thoughts and answer add up to the cap", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Explain entropy at length\n#emulator tokens=500"),
      config: { maxOutputTokens: 100 },
    });
    const usage = response.usageMetadata;
    expect(response.candidates?.[0]?.finishReason).toBe("MAX_TOKENS");
    expect(usage?.thoughtsTokenCount).toBe(64);
    expect(usage?.candidatesTokenCount).toBe(36);
  });

  it("streams the same: thoughts first when asked, then a last chunk with MAX_TOKENS and no text", async () => {
    const chunks = await collect(
      await client().models.generateContentStream({
        model: "gemini-3-flash-preview",
        contents: user("Explain entropy"),
        config: { maxOutputTokens: 50, thinkingConfig: { includeThoughts: true } },
      }),
    );
    const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((part) => part.thought === true)).toBe(true);
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe("MAX_TOKENS");
    expect(chunks.at(-1)?.usageMetadata?.thoughtsTokenCount).toBe(50);
  });
});

describe("presence and frequency penalties", () => {
  it.each(["gemini-2.5-flash", "gemini-2.5-pro", "gemini-3-flash-preview", "gemini-3.5-flash"])(
    "refuses a non-zero penalty on %s (capture 10c)",
    async (model) => {
      const error = await failure(
        client().models.generateContent({
          model,
          contents: user("Vary your words"),
          config: { presencePenalty: 0.5 },
        }),
      );
      expect(errorBody(error)).toEqual({
        error: {
          code: 400,
          message: `Penalty is not enabled for models/${model}`,
          status: "INVALID_ARGUMENT",
        },
      });
    },
  );

  it("takes them on Gemini 2.0 Flash, and a zero penalty anywhere", async () => {
    const old = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Vary your words"),
      config: { frequencyPenalty: 1.5 },
    });
    expect(old.text).toContain("- Frequency penalty: 1.5");
    const zero = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Vary your words"),
      config: { presencePenalty: 0 },
    });
    expect(zero.candidates?.[0]?.finishReason).toBe("STOP");
  });
});

describe("candidateCount", () => {
  const request = {
    model: "gemini-2.5-flash",
    contents: user("Two takes, please"),
    config: { candidateCount: 2 },
  };

  it("answers two different candidates, indexed 0 and 1, and bills both", async () => {
    const single = await client().models.generateContent({
      ...request,
      config: { candidateCount: 1 },
    });
    const response = await client().models.generateContent(request);
    const candidates = response.candidates ?? [];
    expect(candidates.map((candidate) => candidate.index)).toEqual([0, 1]);
    const texts = candidates.map((c) => c.content?.parts?.map((p) => p.text).join(""));
    expect(texts[0]).not.toBe(texts[1]);
    expect(texts.every((text) => text?.includes("- Candidate count: 2"))).toBe(true);
    const one = single.usageMetadata;
    const both = response.usageMetadata;
    expect(both?.promptTokenCount).toBe(one?.promptTokenCount);
    expect(both?.candidatesTokenCount).toBe(2 * (one?.candidatesTokenCount ?? 0));
    expect(both?.thoughtsTokenCount).toBe(2 * (one?.thoughtsTokenCount ?? 0));
    expect(new Set(candidates.map((c) => c.finishReason))).toEqual(new Set(["STOP"]));
  });

  it("streams both, each chunk's candidates keeping their index", async () => {
    const unary = await client().models.generateContent(request);
    const chunks = await collect(await client().models.generateContentStream(request));
    const texts = ["", ""];
    for (const chunk of chunks) {
      for (const candidate of chunk.candidates ?? []) {
        const index = candidate.index ?? -1;
        expect([0, 1]).toContain(index);
        texts[index] += (candidate.content?.parts ?? []).map((p) => p.text ?? "").join("");
      }
    }
    const expected = (unary.candidates ?? []).map((c) =>
      (c.content?.parts ?? []).map((p) => p.text ?? "").join(""),
    );
    expect(texts).toEqual(expected);
    expect(texts[0]).not.toBe(texts[1]);
    const last = chunks.at(-1);
    expect(last?.usageMetadata?.candidatesTokenCount).toBe(
      unary.usageMetadata?.candidatesTokenCount,
    );
  });

  it("refuses several candidates on Gemini 3 and on image models", async () => {
    const gemini3 = await failure(
      client().models.generateContent({ ...request, model: "gemini-3-flash-preview" }),
    );
    expect(errorBody(gemini3)).toEqual({
      error: {
        code: 400,
        message: "Multiple candidates is not enabled for this model",
        status: "INVALID_ARGUMENT",
      },
    });
    const image = await failure(
      client().models.generateContent({ ...request, model: "gemini-2.5-flash-image" }),
    );
    expect(errorBody(image).error.message).toBe(
      "Multiple candidates is not enabled for this model",
    );
  });
});
