import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { parseDirectives } from "@/lib/emulator/native/directives";
import { planGeneration } from "@/lib/emulator/native/plan";
import { textTokens } from "@/lib/emulator/native/tokens";
import type { GenerateRequest } from "@/lib/emulator/types";

const flash = findModel("gemini-2.0-flash");
if (!flash) throw new Error("catalogue lost gemini-2.0-flash");

function request(text: string, extra: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    model: "gemini-2.0-flash",
    contents: [
      { role: "user", parts: [{ text: "Earlier question" }] },
      { role: "model", parts: [{ text: "Earlier answer" }] },
      { role: "user", parts: [{ text }] },
    ],
    generationConfig: {},
    ...extra,
  };
}

function answer(text: string, extra: Partial<GenerateRequest> = {}) {
  return planGeneration(
    request(text, extra),
    flash as NonNullable<typeof flash>,
    parseDirectives(text),
  );
}

describe("emulator answer", () => {
  it("echoes model, system instruction, temperature, turns and the last user text", () => {
    const plan = answer("What is   the\nweather?", {
      systemInstruction: { parts: [{ text: "You are a pirate." }] },
      generationConfig: { temperature: 0.3 },
    });
    expect(plan.answer).toContain("- Model: gemini-2.0-flash");
    expect(plan.answer).toContain('- System instruction: "You are a pirate."');
    expect(plan.answer).toContain("- Temperature: 0.3");
    expect(plan.answer).toContain("- Turns: 3");
    expect(plan.answer).toContain('- Last user message: "What is the weather?"');
    expect(plan.finishReason).toBe("STOP");
  });

  it("says none and default when there is no system instruction or temperature", () => {
    const plan = answer("Hi");
    expect(plan.answer).toContain("- System instruction: none");
    expect(plan.answer).toContain("- Temperature: default");
  });

  it("has a heading, a list, a fenced code block and a table", () => {
    const text = answer("Hi").answer;
    expect(text).toMatch(/^## /);
    expect(text).toMatch(/\n- /);
    expect(text).toMatch(/```ts\n[\s\S]*\n```/);
    expect(text).toMatch(/\| Setting \| Value \|\n\| --- \| --- \|/);
  });

  it("never echoes the directive line and cuts long quotes at 200 characters", () => {
    const long = "x".repeat(300);
    const plan = answer(`${long}\n#emulator chunk=5`);
    expect(plan.answer).not.toContain("#emulator");
    expect(plan.answer).toContain(`"${"x".repeat(200)}…"`);
  });

  it("is deterministic for the same request and differs for another", () => {
    expect(answer("Same").answer).toBe(answer("Same").answer);
    expect(answer("Same").answer).not.toBe(answer("Other").answer);
  });

  it("pads to exactly tokens=N with more markdown", () => {
    const plan = answer("Long one\n#emulator tokens=1500");
    expect(textTokens(plan.answer)).toBe(1500);
    expect(plan.answer).toContain("### Part 2");
  });

  it("honours maxOutputTokens with finish MAX_TOKENS", () => {
    const plan = answer("Hi", { generationConfig: { maxOutputTokens: 20 } });
    expect(textTokens(plan.answer)).toBe(20);
    expect(plan.finishReason).toBe("MAX_TOKENS");
  });

  it("stops before the first stop sequence", () => {
    const plan = answer("Hi", { generationConfig: { stopSequences: ["```"] } });
    expect(plan.answer).not.toContain("```");
    expect(plan.answer).toContain("- Turns: 3");
    expect(plan.finishReason).toBe("STOP");
  });

  it("plans blocked prompts and safety finishes without answer text", () => {
    expect(answer("#emulator block=PROHIBITED_CONTENT")).toMatchObject({
      blockReason: "PROHIBITED_CONTENT",
      answer: "",
    });
    expect(answer("#emulator finish=SAFETY")).toMatchObject({
      safetyBlocked: true,
      finishReason: "SAFETY",
    });
  });
});
