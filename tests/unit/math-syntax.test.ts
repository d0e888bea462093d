import { describe, expect, it } from "vitest";
import { needsMath } from "@/components/answer/math-syntax";

describe("loading the math renderer only when an answer may need it", () => {
  it("asks for it on dollar delimiters and math fences", () => {
    expect(needsMath("Energy is $E = mc^2$.")).toBe(true);
    expect(needsMath("$$\\int_0^1 x\\,dx$$")).toBe(true);
    expect(needsMath("```math\nx^2\n```")).toBe(true);
  });

  it("skips plain prose and code", () => {
    expect(needsMath("# Title\n\nA list:\n- one\n- two")).toBe(false);
    expect(needsMath("```ts\nconst x = 1;\n```")).toBe(false);
  });
});
