import { describe, expect, it } from "vitest";
import { countPromptTokens, textTokens } from "@/lib/emulator/native/tokens";

describe("emulator token counting", () => {
  it("charges ceil(characters / 4) for text", () => {
    expect(textTokens("")).toBe(0);
    expect(textTokens("abcd")).toBe(1);
    expect(textTokens("abcde")).toBe(2);
  });

  it("charges at least one token per part and counts the system instruction", () => {
    const count = countPromptTokens({
      systemInstruction: { parts: [{ text: "Be terse." }] },
      contents: [
        { role: "user", parts: [{ text: "" }, { text: "Hello there" }] },
        { role: "model", parts: [{ text: "Hi" }] },
      ],
    });
    // 3 (system) + 1 (empty part) + 3 + 1
    expect(count).toEqual({ total: 8, details: [{ modality: "TEXT", tokenCount: 8 }] });
  });

  it("bills images per image and lists each modality once", () => {
    const count = countPromptTokens({
      contents: [
        {
          parts: [
            { text: "What is this?" },
            { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
            { inlineData: { mimeType: "image/jpeg", data: "/9j/" } },
          ],
        },
      ],
    });
    expect(count.details).toEqual([
      { modality: "TEXT", tokenCount: 4 },
      { modality: "IMAGE", tokenCount: 516 },
    ]);
    expect(count.total).toBe(520);
  });
});
