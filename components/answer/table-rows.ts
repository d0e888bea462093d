/**
 * A growing table is one markdown block, and a block renders whole: every streamed row used to
 * parse and draw every row before it again (a hundred-row table cost about 90 ms per update).
 * Cut into groups of rows that each parse as a table of their own (the header and delimiter row,
 * then the group's rows), every group but the last stays the same string while the table grows,
 * so its memoized renderer never runs again. Pure; table-block.tsx draws the groups as one table.
 */

/** Rows per group: the last group, the only one that re-renders, stays a few milliseconds. */
export const ROWS_PER_GROUP = 20;

export interface TableRows {
  /** The header row and the delimiter row, each with its line break. */
  head: string;
  /** Body rows, ROWS_PER_GROUP to a group, each group's lines as they were (with line breaks). */
  groups: string[];
}

const PIPE_ROW = /^ {0,3}\|/;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Whether `block` starts with a table's header and delimiter rows, the header led by a pipe. */
export function startsTable(block: string): boolean {
  const [header, delimiter] = block.split("\n", 2);
  return (
    header !== undefined &&
    delimiter !== undefined &&
    PIPE_ROW.test(header) &&
    DELIMITER_ROW.test(delimiter)
  );
}

/**
 * A table block cut into its head and groups of rows, or null when it is not worth cutting (not
 * more than one group of rows) or not safe to: every body row must start with a pipe, because
 * in GFM a line without one may still be a row of the table or may end it, depending on what it
 * holds, and a group parsed on its own must mean what it meant in the whole table.
 */
export function tableRows(block: string, rowsPerGroup = ROWS_PER_GROUP): TableRows | null {
  if (!startsTable(block)) return null;
  const lines = block.split(/(?<=\n)/);
  const head = `${lines[0]}${lines[1]}`;
  if (!head.endsWith("\n")) return null;
  const rows = lines.slice(2);
  // Trailing blank lines close the block; they stay with the last group.
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as string).trim() === "") end--;
  if (end <= rowsPerGroup) return null;
  if (!rows.slice(0, end).every((row) => PIPE_ROW.test(row))) return null;
  const groups: string[] = [];
  for (let at = 0; at < end; at += rowsPerGroup) {
    const last = at + rowsPerGroup >= end;
    groups.push(rows.slice(at, last ? rows.length : at + rowsPerGroup).join(""));
  }
  return { head, groups };
}
