import { describe, expect, it } from "vitest";
import { modelKind } from "@/lib/wire/model-kind";

describe("model kind", () => {
  it.each([
    ["gemini-2.5-flash", ["generateContent", "countTokens"], "text"],
    ["gemini-2.5-flash-image", ["generateContent"], "image"],
    ["nano-banana-pro-preview", ["generateContent"], "image"],
    ["gemini-2.5-flash-preview-tts", ["generateContent"], "tts"],
    ["gemini-embedding-001", ["embedContent"], "embedding"],
    ["imagen-4.0-generate-001", ["predict"], "imagen"],
    ["veo-3.1-lite-generate-preview", ["predictLongRunning"], "video"],
    ["aqa", ["generateAnswer"], "other"],
  ])("%s with %j is %s", (id, actions, kind) => {
    expect(modelKind(id, actions)).toBe(kind);
  });

  it("falls back to the id when the catalogue does not list the model", () => {
    expect(modelKind("gemini-9-flash")).toBe("text");
    expect(modelKind("some-embedding-model")).toBe("embedding");
  });
});
