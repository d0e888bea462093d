import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { parseDirectives } from "@/lib/emulator/native/directives";
import { planGeneration } from "@/lib/emulator/native/plan";
import { streamChunks } from "@/lib/emulator/native/stream-chunks";
import { textTokens } from "@/lib/emulator/native/tokens";
import type { GenerateRequest } from "@/lib/emulator/types";

function plan(text: string, extra: Partial<GenerateRequest> = {}, model = "gemini-2.5-flash") {
  const entry = findModel(model);
  if (!entry) throw new Error(`no ${model}`);
  const request: GenerateRequest = {
    model,
    contents: [{ role: "user", parts: [{ text }] }],
    generationConfig: {},
    ...extra,
  };
  return planGeneration(request, entry, parseDirectives(text));
}

describe("long answers", () => {
  const answer = plan("Benchmark\n#emulator tokens=20000").answer;

  it("are exactly N tokens of varied markdown throughout", () => {
    expect(textTokens(answer)).toBe(20000);
    for (const language of ["ts", "python", "json", "bash"]) {
      expect(answer.split(`\`\`\`${language}\n`).length - 1).toBeGreaterThanOrEqual(3);
    }
    // Every tenth of the answer has its own headings, tables, lists and code.
    const tenth = Math.floor(answer.length / 10);
    for (let i = 0; i < 10; i++) {
      const slice = answer.slice(i * tenth, (i + 1) * tenth);
      expect(slice).toMatch(/\n#{3,4} /);
      expect(slice).toMatch(/\n\| --- \| ---: \| --- \|\n/);
      expect(slice).toMatch(/\n- /);
      expect(slice).toMatch(/\n1\. /);
      expect(slice).toMatch(/\n```[a-z]+\n/);
    }
  });
});

describe("rendering checks", () => {
  it("adds hostile HTML and links only when asked", () => {
    const hostile = plan("Render this\n#emulator hostile=1").answer;
    for (const snippet of [
      "<script>window.__pwned=1</script>",
      '<img src="x" onerror="window.__pwned=1">',
      '<iframe src="javascript:window.__pwned=1"></iframe>',
      "[click me](javascript:window.__pwned=1)",
      "[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
      '<a href="javascript:window.__pwned=1">raw link</a>',
      "](https://example.com/",
    ]) {
      expect(hostile).toContain(snippet);
    }
    expect(atob("PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+")).toBe(
      "<script>window.__pwned=1</script>",
    );
    expect(plan("Render this").answer).not.toContain("__pwned");
  });

  it("adds inline and display math", () => {
    const answer = plan("Math\n#emulator math=1").answer;
    expect(answer).toContain("$E = mc^2$");
    expect(answer).toContain("\n$$\n\\int_0^1 x^2\\,dx = \\tfrac{1}{3}\n$$\n");
  });
});

describe("setting echo lines", () => {
  it("prints one line per setting present, in a fixed order", () => {
    const answer = plan("Settings", {
      generationConfig: {
        temperature: 0.35,
        topP: 0.9,
        topK: 20,
        maxOutputTokens: 5000,
        stopSequences: ["NEVER-SEEN", "ALSO-NOT"],
        seed: 42,
        presencePenalty: 0.5,
        frequencyPenalty: -0.5,
        responseMimeType: "text/plain",
        mediaResolution: "MEDIA_RESOLUTION_LOW",
        thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
      },
      safetySettings: [
        { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" },
        { category: "HARM_CATEGORY_HARASSMENT", threshold: "OFF" },
      ],
      tools: [{ googleSearch: {} }, { codeExecution: {} }, { urlContext: {} }],
      toolConfig: { functionCallingConfig: { mode: "NONE" } },
    }).answer;
    const block = [
      "- Temperature: 0.35",
      "- Top P: 0.9",
      "- Top K: 20",
      "- Max output tokens: 5000",
      "- Stop sequences: 2",
      "- Seed: 42",
      "- Presence penalty: 0.5",
      "- Frequency penalty: -0.5",
      "- Response MIME type: text/plain",
      "- Media resolution: MEDIA_RESOLUTION_LOW",
      "- Safety: HARM_CATEGORY_HATE_SPEECH=BLOCK_NONE, HARM_CATEGORY_HARASSMENT=OFF",
      "- Thinking: budget 1024, include thoughts",
      "- Tools: googleSearch, codeExecution, urlContext",
      "- Function calling: NONE",
      "- Turns: 1",
    ].join("\n");
    expect(answer).toContain(block);
  });

  it("prints nothing extra for a bare request, and a level for Gemini 3", () => {
    const bare = plan("Bare").answer;
    expect(bare).toContain("- Temperature: default\n- Turns: 1\n");
    const leveled = plan(
      "Level",
      { generationConfig: { thinkingConfig: { thinkingLevel: "HIGH" } } },
      "gemini-3-pro-preview",
    );
    expect(leveled.answer).toContain("- Thinking: level HIGH\n");
  });

  it("never lets a stop sequence into the answer, even through its own echo", () => {
    const stopped = plan("Stop", { generationConfig: { stopSequences: ["Turns"] } });
    expect(stopped.answer).toContain("- Stop sequences: 1");
    expect(stopped.answer).not.toContain("Turns");
  });
});

describe("safetyAfter", () => {
  it("streams N text chunks, then a SAFETY chunk with empty content and ratings", () => {
    const result = plan("Unsafe later\n#emulator safetyAfter=3 chunk=10");
    const chunks = streamChunks(result, 10).map((chunk) => chunk.body) as unknown as {
      candidates: {
        content: { parts?: { text: string }[] };
        finishReason?: string;
        safetyRatings?: unknown[];
      }[];
    }[];
    expect(chunks).toHaveLength(4);
    expect(chunks.slice(0, 3).map((c) => c.candidates[0]?.content.parts?.[0]?.text.length)).toEqual(
      [40, 40, 40],
    );
    expect(chunks.slice(0, 3).every((c) => c.candidates[0]?.finishReason === undefined)).toBe(true);
    const last = chunks[3]?.candidates[0];
    expect(last?.content).toEqual({});
    expect(last?.finishReason).toBe("SAFETY");
    expect(last?.safetyRatings?.[0]).toEqual({
      blocked: true,
      category: "HARM_CATEGORY_HATE_SPEECH",
      probability: "MEDIUM",
    });
    expect(result.answer).toHaveLength(120);
  });
});

describe("thought summaries", () => {
  it("read like Gemini's: bold titles, paragraphs, one section per chunk", () => {
    const result = plan("Ponder\n#emulator thoughts=2000", {
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    });
    const sections = result.thoughts?.sections ?? [];
    expect(sections.length).toBeGreaterThanOrEqual(15);
    for (const section of sections)
      expect(section).toMatch(/^\*\*[A-Z][^*\n]+\*\*\n\n[A-Z][^\n]+\.\n\n\n$/);
    expect(sections[0]).toContain("“Ponder”");
    const thoughtChunks = streamChunks(result, 40).filter((chunk) =>
      JSON.stringify(chunk.body).includes('"thought":true'),
    );
    expect(thoughtChunks).toHaveLength(sections.length);
    const lastThought = thoughtChunks.at(-1)?.body as {
      usageMetadata: { thoughtsTokenCount: number };
    };
    expect(lastThought.usageMetadata.thoughtsTokenCount).toBe(2000);
  });
});
