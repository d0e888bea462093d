import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { checkThinking } from "@/lib/emulator/catalogue/thinking-rules";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";

type Thinking = { thinkingBudget?: number; thinkingLevel?: string; includeThoughts?: boolean };

function check(model: string, thinkingConfig: Thinking): string {
  const entry = findModel(model);
  if (!entry) throw new Error(`no ${model}`);
  try {
    checkThinking(entry, { thinkingConfig });
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorApiError);
    expect((error as EmulatorApiError).status).toBe(400);
    return (error as Error).message;
  }
}

describe("thinking validation", () => {
  it.each([
    [
      "gemini-2.5-flash",
      { thinkingBudget: 100, thinkingLevel: "HIGH" },
      "You can only set only one of thinking budget and thinking level.",
    ],
    [
      "gemini-3-pro-preview",
      { thinkingBudget: 1024, thinkingLevel: "LOW" },
      "You can only set only one of thinking budget and thinking level.",
    ],
    [
      "gemini-2.5-pro",
      { thinkingLevel: "HIGH" },
      "Thinking level is not supported for this model. Please retry with thinking budget instead.",
    ],
    [
      "gemini-3-pro-preview",
      { thinkingLevel: "MINIMAL" },
      "Thinking level MINIMAL is not supported for this model. Please retry with other thinking level.",
    ],
    [
      "gemini-3-pro-preview",
      { thinkingLevel: "MEDIUM" },
      "Thinking level MEDIUM is not supported for this model. Please retry with other thinking level.",
    ],
    [
      "gemini-2.5-pro",
      { thinkingBudget: 0 },
      "Budget 0 is invalid. This model only works in thinking mode.",
    ],
    [
      "gemini-2.5-pro",
      { thinkingBudget: 64 },
      "The thinking budget 64 is invalid. Please choose -1 (dynamic) or a value between 128 and 32768.",
    ],
    [
      "gemini-2.5-flash",
      { thinkingBudget: 30000 },
      "The thinking budget 30000 is invalid. Please choose 0 (off), -1 (dynamic) or a value between 1 and 24576.",
    ],
    [
      "gemini-2.5-flash-lite",
      { thinkingBudget: 100 },
      "The thinking budget 100 is invalid. Please choose 0 (off), -1 (dynamic) or a value between 512 and 24576.",
    ],
    [
      "gemini-2.5-flash",
      { thinkingBudget: -5 },
      "The thinking budget -5 is invalid. Please choose 0 (off), -1 (dynamic) or a value between 1 and 24576.",
    ],
  ])("%s rejects %j", (model, config, message) => {
    expect(check(model, config)).toBe(message);
  });

  it("names an unknown level the way the proto parser does", () => {
    expect(check("gemini-3-flash-preview", { thinkingLevel: "ULTRA" })).toMatch(
      /^Invalid value at 'generation_config\.thinking_config\.thinking_level' .*"ULTRA"$/,
    );
  });

  it.each([
    ["gemini-2.5-flash", { thinkingBudget: 0 }],
    ["gemini-2.5-flash", { thinkingBudget: -1, includeThoughts: true }],
    ["gemini-2.5-pro", { thinkingBudget: 32768 }],
    ["gemini-3-flash-preview", { thinkingLevel: "MINIMAL" }],
    ["gemini-3-pro-preview", { thinkingLevel: "HIGH" }],
    ["gemini-3.1-pro-preview", { thinkingLevel: "MEDIUM" }],
    ["gemini-3-pro-preview", { thinkingBudget: 2048 }],
    ["gemini-2.0-flash", { thinkingLevel: "HIGH" }],
  ])("%s accepts %j", (model, config) => {
    expect(check(model, config)).toBe("ok");
  });
});
