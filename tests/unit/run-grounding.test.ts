import { describe, expect, it } from "vitest";
import type { ChunkData, RunEvent } from "@/lib/run/events";
import { groundingSources, mergeMetadata, urlStatusLabel } from "@/lib/run/grounding";
import { foldRunActions, initialRunState } from "@/lib/run/reducer";

/** A streamed chunk shaped like Gemini's, with candidate-level extras (values are our own). */
function chunk(text: string, candidateExtra: Record<string, unknown> = {}): RunEvent {
  return {
    type: "chunk",
    data: {
      candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0, ...candidateExtra }],
      usageMetadata: { promptTokenCount: 11, totalTokenCount: 20 },
      modelVersion: "gemini-2.5-pro",
    } as ChunkData,
  };
}
const done: RunEvent = { type: "done", data: {} };

const fullGrounding = {
  webSearchQueries: ["tides in Brest today"],
  groundingChunks: [
    { web: { uri: "https://example.org/tides", title: "example.org" } },
    { web: { uri: "https://example.net/harbour", title: "Harbour office" } },
  ],
  groundingSupports: [
    { segment: { startIndex: 0, endIndex: 12, text: "High at 6:10" }, groundingChunkIndices: [0] },
  ],
  searchEntryPoint: { renderedContent: '<div class="chip">tides in Brest today</div>' },
};

describe("runReducer: grounding and URL context", () => {
  it("keeps the full grounding metadata of the last chunk; empty objects on earlier ones erase nothing", () => {
    const state = foldRunActions(initialRunState(), [
      chunk("High at ", { groundingMetadata: {} }),
      chunk("6:10.", { groundingMetadata: {} }),
      chunk("", { groundingMetadata: fullGrounding, finishReason: "STOP" }),
      done,
    ]);
    expect(state.groundingMetadata).toEqual(fullGrounding);
    expect(state.finishReason).toBe("STOP");
    expect(state.parts).toEqual([{ kind: "text", text: "High at 6:10." }]);
  });

  it("does not let a later empty object wipe metadata that already arrived", () => {
    const state = foldRunActions(initialRunState(), [
      chunk("a", { groundingMetadata: fullGrounding }),
      chunk("b", { groundingMetadata: {} }),
      done,
    ]);
    expect(state.groundingMetadata?.groundingChunks).toHaveLength(2);
  });

  it("keeps URL context from the first chunk when later chunks don't repeat it", () => {
    const urlContext = {
      urlMetadata: [
        {
          retrievedUrl: "https://example.com/a",
          urlRetrievalStatus: "URL_RETRIEVAL_STATUS_SUCCESS",
        },
        { retrievedUrl: "https://example.com/b", urlRetrievalStatus: "URL_RETRIEVAL_STATUS_ERROR" },
      ],
    };
    const state = foldRunActions(initialRunState(), [
      chunk("Page A says", { urlContextMetadata: urlContext, groundingMetadata: {} }),
      chunk(" hello.", { finishReason: "STOP" }),
      done,
    ]);
    expect(state.urlContextMetadata).toEqual(urlContext);
    expect(state.groundingMetadata).toBeUndefined();
  });

  it("keeps finishMessage next to the finish reason", () => {
    const state = foldRunActions(initialRunState(), [
      chunk("", { finishReason: "STOP", finishMessage: "Model generated function call(s)." }),
      done,
    ]);
    expect(state.finishMessage).toBe("Model generated function call(s).");
  });
});

describe("grounding helpers", () => {
  it("merges field by field", () => {
    expect(mergeMetadata({ a: 1, b: 2 }, { b: 3 })).toEqual({ a: 1, b: 3 });
    expect(mergeMetadata(undefined, {})).toBeUndefined();
    expect(mergeMetadata({ a: 1 }, undefined)).toEqual({ a: 1 });
  });

  it("numbers sources from 1 and links only http(s) URIs", () => {
    const sources = groundingSources({
      groundingChunks: [
        { web: { uri: "https://example.org/x", title: "Example" } },
        { web: { uri: "javascript:alert(1)", title: "Sneaky" } },
        { web: { uri: "https://example.com/untitled" } },
      ],
    });
    expect(sources).toEqual([
      { number: 1, title: "Example", href: "https://example.org/x" },
      { number: 2, title: "Sneaky" },
      { number: 3, title: "example.com", href: "https://example.com/untitled" },
    ]);
  });

  it("names URL retrieval statuses for people", () => {
    expect(urlStatusLabel("URL_RETRIEVAL_STATUS_SUCCESS")).toBe("Retrieved");
    expect(urlStatusLabel("URL_RETRIEVAL_STATUS_ERROR")).toBe("Failed");
    expect(urlStatusLabel("URL_RETRIEVAL_STATUS_SOMETHING_NEW")).toBe("something_new");
  });
});
