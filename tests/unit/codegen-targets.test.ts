import { describe, expect, it } from "vitest";
import { targetFor } from "@/lib/codegen/targets";

describe("the tab Get code opens on", () => {
  it("is the first that goes through the door the prompt's runs take", () => {
    expect(targetFor("gemini")).toBe("python");
    expect(targetFor("openai")).toBe("openai-python");
    expect(targetFor("interactions")).toBe("interactions");
  });
});
