import { describe, expect, it } from "vitest";
import { type PromptDocInput, parsePromptDoc, serializePromptDoc } from "@/lib/prompt";

const full: PromptDocInput = {
  version: 1,
  model: "models/gemini-2.5-flash",
  title: "Every part kind",
  systemInstruction: "Be terse.",
  contents: [
    {
      role: "user",
      parts: [
        { kind: "text", text: "Describe this" },
        {
          kind: "media",
          sha256: "a".repeat(64),
          mimeType: "image/png",
          name: "cat.png",
          bytes: 12,
        },
      ],
    },
    {
      role: "model",
      parts: [
        { kind: "thought", text: "Thinking…", thoughtSignature: "c2ln" },
        { kind: "functionCall", id: "call-1", name: "get_weather", args: { city: "Oslo" } },
      ],
    },
    {
      role: "user",
      parts: [{ kind: "functionResponse", id: "call-1", name: "get_weather", response: { t: 3 } }],
    },
    {
      role: "model",
      parts: [
        { kind: "executableCode", language: "PYTHON", code: "print(1)" },
        { kind: "codeExecutionResult", outcome: "OUTCOME_OK", output: "1\n" },
        { kind: "text", text: "Done.", thoughtSignature: "EpwICpkI" },
      ],
    },
  ],
  config: {
    temperature: 0.3,
    topP: 0.9,
    topK: 40,
    maxOutputTokens: 1024,
    stopSequences: ["END"],
    seed: 7,
    thinking: { includeThoughts: true, budget: -1 },
    safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" }],
  },
  tools: {
    googleSearch: true,
    functionDeclarations: [{ name: "get_weather", parameters: { type: "object" } }],
  },
};

describe("prompt document", () => {
  it("round-trips every part kind through serialize and parse unchanged", () => {
    const first = parsePromptDoc(full);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.value.model).toBe("gemini-2.5-flash");
    const again = parsePromptDoc(JSON.parse(serializePromptDoc(first.value)));
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.value).toEqual(first.value);
    expect(again.value.contents[1]?.parts[0]).toEqual({
      kind: "thought",
      text: "Thinking…",
      thoughtSignature: "c2ln",
    });
  });

  it("fills defaults for a minimal document", () => {
    const result = parsePromptDoc({ model: "gemini-2.5-flash", contents: [] });
    expect(result).toEqual({
      ok: true,
      value: {
        version: 1,
        model: "gemini-2.5-flash",
        systemInstruction: "",
        contents: [],
        config: {},
        tools: {},
      },
    });
  });

  it.each([
    [{ contents: [] }, "model"],
    [{ model: "gemini-2.5-flash", contents: [{ role: "system", parts: [] }] }, "contents.0.role"],
    [
      {
        model: "gemini-2.5-flash",
        contents: [{ role: "user", parts: [{ kind: "text", text: 5 }] }],
      },
      "contents.0.parts.0.text",
    ],
    [
      { model: "gemini-2.5-flash", contents: [{ role: "user", parts: [{ kind: "laser" }] }] },
      "contents.0.parts.0.kind",
    ],
    [
      {
        model: "gemini-2.5-flash",
        contents: [
          { role: "user", parts: [{ kind: "media", sha256: "xyz", mimeType: "image/png" }] },
        ],
      },
      "contents.0.parts.0.sha256",
    ],
    [{ model: "gemini-2.5-flash", contents: [], config: { temperature: 3 } }, "config.temperature"],
    [
      {
        model: "gemini-2.5-flash",
        contents: [],
        config: { stopSequences: ["a", "b", "c", "d", "e", "f"] },
      },
      "config.stopSequences",
    ],
    [{ model: "gemini 2.5 / flash", contents: [] }, "model"],
    // What Gemini itself refuses is refused before it is asked.
    [
      { model: "gemini-2.0-flash", contents: [], config: { presencePenalty: 2 } },
      "config.presencePenalty",
    ],
    [
      { model: "gemini-2.5-pro", contents: [], config: { thinking: { budget: 40_000 } } },
      "config.thinking.budget",
    ],
    [
      {
        model: "gemini-2.5-flash",
        contents: [],
        config: {
          safetySettings: [
            { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" },
            { category: "HARM_CATEGORY_HARASSMENT", threshold: "OFF" },
          ],
        },
      },
      "config.safetySettings",
    ],
  ])("rejects %j naming the field %s", (input, field) => {
    const result = parsePromptDoc(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toContain(field);
  });
});
