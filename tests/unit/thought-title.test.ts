import { describe, expect, it } from "vitest";
import { latestThoughtTitle } from "@/lib/run/thought-title";

describe("latestThoughtTitle", () => {
  it("is the newest bold line of the thought summaries", () => {
    const text =
      "**Clarifying User Goals**\n\nI'm focused on the goal.\n\n\n**Developing a Safety Protocol**\n\nNext, I'm";
    expect(latestThoughtTitle(text)).toBe("Developing a Safety Protocol");
  });

  it("ignores bold words inside a sentence, and text without titles", () => {
    expect(latestThoughtTitle("**Plan**\n\nCross at a **crosswalk** or a **corner**.")).toBe(
      "Plan",
    );
    expect(latestThoughtTitle("Just thinking, no titles.")).toBeNull();
    expect(latestThoughtTitle("**Half a title")).toBeNull();
  });
});
