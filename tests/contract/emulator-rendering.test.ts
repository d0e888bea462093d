import { HarmBlockThreshold, HarmCategory, MediaResolution } from "@google/genai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { client } = setupEmulatorServer();

describe("rendering checks and setting echoes through @google/genai", () => {
  it("sends hostile markdown and math only when asked", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Show me everything\n#emulator hostile=1 math=1"),
    });
    const text = response.text ?? "";
    expect(text).toContain("<script>window.__pwned=1</script>");
    expect(text).toContain('<img src="x" onerror="window.__pwned=1">');
    expect(text).toContain('<iframe src="javascript:window.__pwned=1"></iframe>');
    expect(text).toContain("[click me](javascript:window.__pwned=1)");
    expect(text).toContain("[data link](data:text/html;base64,");
    expect(text).toContain('<a href="javascript:window.__pwned=1">raw link</a>');
    expect(text).toContain("$E = mc^2$");
    expect(text).toContain("\n$$\n\\int_0^1 x^2\\,dx = \\tfrac{1}{3}\n$$\n");
    expect(text).toContain("Emulated answer");
    const plain = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Show me"),
    });
    expect(plain.text).not.toMatch(/__pwned|\$\$/);
  });

  it("echoes every setting the SDK sent", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Echo my settings"),
      config: {
        temperature: 0.35,
        topP: 0.9,
        topK: 20,
        maxOutputTokens: 4000,
        stopSequences: ["NEVER-1", "NEVER-2"],
        seed: 42,
        responseMimeType: "text/plain",
        mediaResolution: MediaResolution.MEDIA_RESOLUTION_LOW,
        safetySettings: [
          {
            category: HarmCategory.HARM_CATEGORY_HATE_SPEECH,
            threshold: HarmBlockThreshold.BLOCK_NONE,
          },
        ],
        thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
        tools: [
          { googleSearch: {} },
          { codeExecution: {} },
          { urlContext: {} },
          { functionDeclarations: [{ name: "get_weather" }] },
        ],
        toolConfig: { functionCallingConfig: { mode: "NONE" as never } },
      },
    });
    const text = (response.candidates?.[0]?.content?.parts ?? [])
      .filter((p) => !p.thought)
      .map((p) => p.text ?? "")
      .join("");
    for (const line of [
      "- Temperature: 0.35",
      "- Top P: 0.9",
      "- Top K: 20",
      "- Max output tokens: 4000",
      "- Stop sequences: 2",
      "- Seed: 42",
      "- Response MIME type: text/plain",
      "- Media resolution: MEDIA_RESOLUTION_LOW",
      "- Safety: HARM_CATEGORY_HATE_SPEECH=BLOCK_NONE",
      "- Thinking: budget 1024, include thoughts",
      "- Tools: googleSearch, codeExecution, urlContext, functions(get_weather)",
      "- Function calling: NONE",
    ]) {
      expect(text).toContain(`${line}\n`);
    }
    // Gemini 2.5 refuses penalties ("Penalty is not enabled"), 2.0 Flash takes and echoes them.
    const penalised = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Echo my penalties"),
      config: { presencePenalty: 0.5, frequencyPenalty: -0.5 },
    });
    expect(penalised.text).toContain("- Presence penalty: 0.5\n");
    expect(penalised.text).toContain("- Frequency penalty: -0.5\n");
  });

  it("stops mid-answer with finishReason SAFETY after safetyAfter=N chunks", async () => {
    const chunks = [];
    for await (const chunk of await client().models.generateContentStream({
      model: "gemini-2.0-flash",
      contents: user("Start fine\n#emulator safetyAfter=2"),
    })) {
      chunks.push(chunk);
    }
    expect(chunks).toHaveLength(3);
    expect(chunks.slice(0, 2).every((c) => (c.text ?? "").length > 0)).toBe(true);
    const last = chunks[2]?.candidates?.[0];
    expect(last?.finishReason).toBe("SAFETY");
    expect(last?.content?.parts).toBeUndefined();
    expect(last?.safetyRatings?.find((r) => r.blocked)?.category).toBe("HARM_CATEGORY_HATE_SPEECH");
  });
});
