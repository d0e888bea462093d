/**
 * Dated or numbered releases of a model share its entry in a table keyed by model id
 * (`gemini-2.0-flash-001`, `gemini-2.5-pro-preview-tts-2025-05-19`). Aliases such as
 * `gemini-flash-latest` point at whatever Google chooses and match nothing.
 */
const RELEASE_SUFFIX = /^(-\d{3}|-\d{4}-\d{2}-\d{2}|-\d{2}-\d{4})?$/;

/** The entry for `model` (with or without `models/`): its own, or its family's, the longest match. */
export function byRelease<T>(table: Readonly<Record<string, T>>, model: string): T | undefined {
  const id = model.replace(/^models\//, "");
  const exact = table[id];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const known of Object.keys(table)) {
    if (!id.startsWith(known) || !RELEASE_SUFFIX.test(id.slice(known.length))) continue;
    if (!best || known.length > best.length) best = known;
  }
  return best === undefined ? undefined : table[best];
}
