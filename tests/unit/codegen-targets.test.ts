import { describe, expect, it } from "vitest";
import { isReady } from "@/lib/codegen/generate";
import { targetFor } from "@/lib/codegen/targets";

describe("the tab Get code opens on", () => {
  it("is the first that goes through the door the prompt's runs take", () => {
    expect(targetFor("gemini", isReady)).toBe("python");
    expect(targetFor("openai", isReady)).toBe("openai-python");
    expect(targetFor("interactions", isReady)).toBe("interactions");
  });

  it("falls back to the first ready tab when the door has none yet", () => {
    expect(targetFor("openai", (id) => id === "rest")).toBe("rest");
  });
});
