import { describe, expect, it } from "vitest";
import { ROWS_PER_GROUP, startsTable, tableRows } from "@/components/answer/table-rows";

const table = (rows: number, tail = "") =>
  `| n | name |\n|---:|:---|\n${Array.from({ length: rows }, (_, i) => `| ${i} | row ${i} |\n`).join("")}${tail}`;

describe("tableRows", () => {
  it("recognizes a table by its header and delimiter rows", () => {
    expect(startsTable(table(1))).toBe(true);
    expect(startsTable("| a | b |\nnot a delimiter\n")).toBe(false);
    expect(startsTable("a | b\n--|--\n")).toBe(false);
    expect(startsTable("| a |")).toBe(false);
  });

  it("leaves a table of one group whole", () => {
    expect(tableRows(table(ROWS_PER_GROUP))).toBeNull();
  });

  it("cuts the rows into groups that keep every character", () => {
    const text = table(ROWS_PER_GROUP * 2 + 3, "\n");
    const rows = tableRows(text);
    expect(rows?.head).toBe("| n | name |\n|---:|:---|\n");
    expect(rows?.groups).toHaveLength(3);
    expect(rows?.groups[0]?.split("\n")).toHaveLength(ROWS_PER_GROUP + 1);
    expect(rows?.groups[2]?.endsWith("| 42 | row 42 |\n\n")).toBe(true);
    expect(`${rows?.head}${rows?.groups.join("")}`).toBe(text);
  });

  it("keeps every group but the last the same string while rows stream in", () => {
    const text = table(95);
    let previous: string[] = [];
    for (let end = 200; end <= text.length; end += 37) {
      const groups = tableRows(text.slice(0, end))?.groups ?? [];
      const kept = Math.max(0, previous.length - 1);
      expect(groups.slice(0, kept)).toEqual(previous.slice(0, kept));
      previous = groups;
    }
    expect(previous).toHaveLength(5);
  });

  it("does not cut a table with a row that has no leading pipe", () => {
    expect(tableRows(table(30, "continued without a pipe\n"))).toBeNull();
  });
});
