import "server-only";
import { type RawBuilder, sql } from "kysely";

/**
 * `column` contains `text`, ignoring case, the same on both databases: LIKE with an explicit
 * escape, so `%` and `_` typed by a person are letters, not wildcards. A column kept in lower
 * case (`search_text`) is compared as it is: lowering thousands of long texts per search is
 * most of a search's time.
 */
export function containsText(
  column: string,
  text: string,
  stored: "lowercase" | "any case" = "any case",
): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const ref = sql.ref(column);
  return stored === "lowercase"
    ? sql<boolean>`${ref} like ${pattern} escape '\\'`
    : sql<boolean>`lower(${ref}) like ${pattern} escape '\\'`;
}
