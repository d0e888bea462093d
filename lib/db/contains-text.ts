import "server-only";
import { type RawBuilder, sql } from "kysely";

/**
 * `column` contains `text`, ignoring case, the same on both databases: LIKE over the lowercased
 * column with an explicit escape, so `%` and `_` typed by a person are letters, not wildcards.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
