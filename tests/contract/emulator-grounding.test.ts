import type { GenerateContentResponse } from "@google/genai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { client } = setupEmulatorServer();

async function collect(stream: AsyncGenerator<GenerateContentResponse>) {
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe("Google Search grounding through @google/genai", () => {
  it("sends empty metadata on every chunk and the full metadata on the last", async () => {
    const chunks = await collect(
      await client().models.generateContentStream({
        model: "gemini-2.5-pro",
        contents: user("Best café in Zürich?\n#emulator chunk=30"),
        config: { tools: [{ googleSearch: {} }] },
      }),
    );
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.candidates?.[0]?.groundingMetadata).toEqual({});
      expect(chunk.candidates?.[0]?.finishReason).toBeUndefined();
    }
    for (const chunk of chunks)
      expect(chunk.usageMetadata?.toolUsePromptTokenCount).toBeGreaterThan(0);
    const last = chunks.at(-1)?.candidates?.[0];
    expect(last?.finishReason).toBe("STOP");
    const metadata = last?.groundingMetadata;
    expect(metadata?.webSearchQueries?.[0]).toBe("best café in zürich");
    expect(metadata?.searchEntryPoint?.renderedContent).toContain('<a class="chip"');
    expect(metadata?.groundingChunks?.map((c) => c.web?.title)).toEqual([
      "example.com",
      "example.org",
      "docs.example.net",
    ]);
    for (const chunk of metadata?.groundingChunks ?? [])
      expect(chunk.web?.uri).toMatch(/^https:\/\/grounding\.example\.com\//);

    const text = chunks.map((c) => c.text ?? "").join("");
    const bytes = encoder.encode(text);
    const supports = metadata?.groundingSupports ?? [];
    expect(supports.length).toBe(4);
    for (const support of supports) {
      const { startIndex = 0, endIndex, text: segmentText } = support.segment ?? {};
      expect(decoder.decode(bytes.slice(startIndex, endIndex))).toBe(segmentText);
      for (const index of support.groundingChunkIndices ?? []) expect(index).toBeLessThan(3);
    }
    const usage = chunks.at(-1)?.usageMetadata;
    expect(usage?.totalTokenCount).toBe(
      (usage?.promptTokenCount ?? 0) +
        (usage?.candidatesTokenCount ?? 0) +
        (usage?.toolUsePromptTokenCount ?? 0) +
        (usage?.thoughtsTokenCount ?? 0),
    );
  });

  it("reports URL context on the first chunk and mentions every URL", async () => {
    const urls = [
      "https://example.com/menu",
      "https://example.org/hours",
      "https://closed.invalid/",
    ];
    const chunks = await collect(
      await client().models.generateContentStream({
        model: "gemini-2.5-flash",
        contents: user(`Summarise ${urls.join(" and ")}.`),
        config: { tools: [{ urlContext: {} }] },
      }),
    );
    const first = chunks[0]?.candidates?.[0];
    expect(first?.urlContextMetadata?.urlMetadata).toEqual([
      { retrievedUrl: urls[0], urlRetrievalStatus: "URL_RETRIEVAL_STATUS_SUCCESS" },
      { retrievedUrl: urls[1], urlRetrievalStatus: "URL_RETRIEVAL_STATUS_SUCCESS" },
      { retrievedUrl: urls[2], urlRetrievalStatus: "URL_RETRIEVAL_STATUS_ERROR" },
    ]);
    expect(chunks.slice(1).some((c) => c.candidates?.[0]?.urlContextMetadata)).toBe(false);
    const text = chunks.map((c) => c.text ?? "").join("");
    for (const url of urls) expect(text).toContain(url);
    const metadata = chunks.at(-1)?.candidates?.[0]?.groundingMetadata;
    expect(metadata?.groundingChunks?.map((c) => c.web?.uri)).toEqual(urls.slice(0, 2));
    expect(metadata?.webSearchQueries).toBeUndefined();
    expect(metadata?.groundingSupports).toHaveLength(2);
  });
});

describe("code execution through @google/genai", () => {
  it("streams Gemini 3 code, its result with a shared id, then text explaining it", async () => {
    const chunks = await collect(
      await client().models.generateContentStream({
        model: "gemini-3-flash-preview",
        contents: user("Add 12 and 30 for me"),
        config: { tools: [{ codeExecution: {} }] },
      }),
    );
    const parts = chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
    const code = parts[0]?.executableCode;
    expect(code?.language).toBe("PYTHON");
    expect(code?.code).toContain('prompt = "Add 12 and 30 for me"');
    expect(code?.id).toMatch(/^[a-z0-9]{8}$/);
    expect(parts[0]?.thoughtSignature).toBeDefined();
    expect(parts[1]).toEqual({ text: "" });
    expect(parts[2]?.codeExecutionResult).toEqual({
      outcome: "OUTCOME_OK",
      output: "words: 6\ncharacters: 20\nsum of numbers: 42\n",
      id: code?.id,
    });
    expect(chunks[1]?.candidates?.[0]?.index).toBeUndefined();
    const text = chunks.map((c) => c.text ?? "").join("");
    expect(text).toContain("add up to **42**");
    expect(text).toContain("- Tools: codeExecution");
    expect(chunks.at(-1)?.candidates?.[0]?.content?.parts).toEqual([
      { text: "", thoughtSignature: expect.any(String) },
    ]);
    expect(chunks.at(-1)?.usageMetadata?.toolUsePromptTokenCount).toBeGreaterThan(0);
    expect(chunks[0]?.usageMetadata?.toolUsePromptTokenCount).toBeUndefined();
  });

  it("fails with a traceback on codefail=1, without ids on Gemini 2.5", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Count my words\n#emulator codefail=1"),
      config: { tools: [{ codeExecution: {} }] },
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts.map((p) => Object.keys(p)[0])).toEqual([
      "executableCode",
      "codeExecutionResult",
      "text",
    ]);
    expect(parts[0]?.executableCode?.id).toBeUndefined();
    expect(parts[1]?.codeExecutionResult?.outcome).toBe("OUTCOME_FAILED");
    expect(parts[1]?.codeExecutionResult?.output).toMatch(
      /Traceback \(most recent call last\):[\s\S]*ZeroDivisionError: division by zero\n$/,
    );
    expect(parts[2]?.text).toContain("ZeroDivisionError");
  });
});
