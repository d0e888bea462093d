import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { parseDirectives } from "@/lib/emulator/native/directives";
import { planGeneration } from "@/lib/emulator/native/plan";
import { findUrls } from "@/lib/emulator/native/url-context";
import type { GenerateRequest, JsonObject } from "@/lib/emulator/types";

const pro = findModel("gemini-2.5-pro");
if (!pro) throw new Error("catalogue lost gemini-2.5-pro");

function plan(text: string, tools: JsonObject[], generationConfig = {}) {
  const request: GenerateRequest = {
    model: "gemini-2.5-pro",
    contents: [{ role: "user", parts: [{ text }] }],
    generationConfig,
    tools,
  };
  return planGeneration(request, pro as NonNullable<typeof pro>, parseDirectives(text));
}

interface Support {
  segment: { startIndex?: number; endIndex: number; text: string };
  groundingChunkIndices: number[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe("search grounding metadata", () => {
  const prompt =
    "Where is the best café in Zürich? Compare https://example.org/cafés and http://gone.invalid/";
  const result = plan(prompt, [{ googleSearch: {} }, { urlContext: {} }]);
  const metadata = result.groundingMetadata as JsonObject;
  const supports = metadata.groundingSupports as unknown as Support[];

  it("has supports whose offsets are UTF-8 byte offsets into the answer", () => {
    const bytes = encoder.encode(result.answer);
    expect(supports.length).toBeGreaterThanOrEqual(4);
    for (const { segment } of supports) {
      const slice = bytes.slice(segment.startIndex ?? 0, segment.endIndex);
      expect(decoder.decode(slice)).toBe(segment.text);
    }
  });

  it("differs from UTF-16 indices once non-ASCII text precedes a segment", () => {
    const shifted = supports.filter(
      ({ segment }) => result.answer.indexOf(segment.text) !== segment.startIndex,
    );
    expect(shifted.length).toBeGreaterThan(0);
    expect(encoder.encode(result.answer).length).toBeGreaterThan(result.answer.length);
  });

  it("points every support at an existing chunk, search chunks first, then pages read", () => {
    const chunks = metadata.groundingChunks as { web: { uri: string; title: string } }[];
    expect(chunks.map((chunk) => chunk.web.title)).toEqual([
      "example.com",
      "example.org",
      "docs.example.net",
      "example.org",
    ]);
    expect(chunks[3]?.web.uri).toBe("https://example.org/cafés");
    for (const chunk of chunks.slice(0, 3)) {
      expect(chunk.web.uri).toMatch(/^https:\/\/grounding\.example\.com\/redirect\/[\w-]+$/);
    }
    const used = supports.flatMap((support) => support.groundingChunkIndices);
    expect(Math.max(...used)).toBe(3);
    expect(Math.min(...used)).toBe(0);
  });

  it("names the queries and renders chips for them without scripts", () => {
    const queries = metadata.webSearchQueries as string[];
    expect(queries[0]).toBe("where is the best café in zürich? compare and");
    const html = (metadata.searchEntryPoint as { renderedContent: string }).renderedContent;
    expect(html).toMatch(/^<style>/);
    expect(html).toContain(`<a class="chip" href="https://search.example.com/search?q=`);
    expect(html).toContain(">where is the best café in zürich? compare and</a>");
    expect(html).not.toMatch(/<script|google\.com/);
  });

  it("reports each URL, failing hosts under .invalid, and bills tool use", () => {
    expect(result.urlContextMetadata).toEqual({
      urlMetadata: [
        {
          retrievedUrl: "https://example.org/cafés",
          urlRetrievalStatus: "URL_RETRIEVAL_STATUS_SUCCESS",
        },
        { retrievedUrl: "http://gone.invalid/", urlRetrievalStatus: "URL_RETRIEVAL_STATUS_ERROR" },
      ],
    });
    expect(result.answer).toContain("https://example.org/cafés was read");
    expect(result.answer).toContain("http://gone.invalid/ could not be retrieved");
    expect(result.toolUse).toEqual({ tokens: expect.any(Number), everyChunk: true });
  });

  it("drops supports for sentences cut off by maxOutputTokens", () => {
    const full = plan("Coffee in Zürich", [{ googleSearch: {} }]);
    const fullSupports = (full.groundingMetadata as JsonObject)
      .groundingSupports as unknown as Support[];
    const secondEnd = fullSupports[1]?.segment.endIndex ?? 0;
    // 2.5 Pro thinks 64 tokens first, and thoughts count toward maxOutputTokens.
    const cut = plan("Coffee in Zürich", [{ googleSearch: {} }], {
      maxOutputTokens: 64 + Math.ceil(secondEnd / 4) + 2,
    });
    const cutSupports = (cut.groundingMetadata as JsonObject)
      .groundingSupports as unknown as Support[];
    expect(cut.finishReason).toBe("MAX_TOKENS");
    expect(cutSupports.length).toBeLessThan(fullSupports.length);
    expect(cutSupports.length).toBeGreaterThanOrEqual(2);
    const bytes = encoder.encode(cut.answer);
    for (const { segment } of cutSupports)
      expect(segment.endIndex).toBeLessThanOrEqual(bytes.length);
  });
});

describe("URL detection", () => {
  it("finds http(s) URLs once each, without trailing punctuation, at most 20", () => {
    expect(
      findUrls("See https://a.example/x, and (http://b.example/y). Again https://a.example/x!"),
    ).toEqual(["https://a.example/x", "http://b.example/y"]);
    const many = Array.from({ length: 25 }, (_, i) => `https://example.com/${i}`).join(" ");
    expect(findUrls(many)).toHaveLength(20);
    expect(findUrls("ftp://example.com and example.com/no-scheme")).toEqual([]);
  });
});
