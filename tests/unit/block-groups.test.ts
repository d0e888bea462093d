import { parseMarkdownIntoBlocks } from "streamdown";
import { describe, expect, it } from "vitest";
import { GROUP_CHARS, groupedBlocks } from "@/components/answer/block-groups";
import { CORPUS_NAMES, corpusText } from "@/lib/emulator/native/corpus";

describe("groupedBlocks", () => {
  it.each(CORPUS_NAMES)("keeps every character of the %s corpus, in order", (name) => {
    const text = corpusText(name).slice(0, 20_000);
    expect(groupedBlocks(text).join("")).toBe(parseMarkdownIntoBlocks(text).join(""));
  });

  it("joins short paragraphs into groups of about GROUP_CHARS", () => {
    const text = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.`).join("\n\n");
    const groups = groupedBlocks(text);
    expect(groups.length).toBeLessThan(parseMarkdownIntoBlocks(text).length / 5);
    for (const group of groups.slice(0, -1)) {
      expect(group.length).toBeGreaterThanOrEqual(GROUP_CHARS);
      expect(group.length).toBeLessThan(GROUP_CHARS + 20);
    }
  });

  it("leaves every group but the last unchanged as the text grows", () => {
    const text = corpusText("paragraphs").slice(0, 30_000);
    let previous: string[] = [];
    for (let end = 500; end <= text.length; end += 877) {
      const groups = groupedBlocks(text.slice(0, end));
      // The groups before the previous last are still there, the same strings.
      const kept = Math.max(0, previous.length - 1);
      expect(groups.slice(0, kept)).toEqual(previous.slice(0, kept));
      previous = groups;
    }
  });

  it("keeps a block with math on its own", () => {
    const text = "One.\n\nTwo $x^2$ three.\n\nFour.\n\n$$\na\n$$\n\nFive.";
    const groups = groupedBlocks(text);
    expect(groups).toContain("Two $x^2$ three.\n\n");
    expect(groups).toContain("$$\na\n$$\n\n");
    expect(groups.join("")).toBe(text);
  });

  it("keeps a table on its own, apart from the sentence that leads into it", () => {
    const text = "The results:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThat is all.";
    const groups = groupedBlocks(text);
    expect(groups[0]).toBe("The results:\n\n");
    expect(groups[1]?.startsWith("| a | b |\n|---|---|\n| 1 | 2 |")).toBe(true);
    expect(groups.join("")).toBe(text);
  });
});
