/**
 * The words of a prompt worth echoing in generated values (schema strings, search queries): letters
 * and digits, no filler words, first occurrence first.
 */

const STOP_WORDS = new Set(
  "the and for with what whats what's this that these those please can could would should you your about from into tell give show how are was were will does did have has had then than there their them they its it's which who whom why when where also just like some any all not but our out get use using make call".split(
    " ",
  ),
);

export function promptWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const word = match[0].replace(/['’-]+$/, "");
    const key = word.toLowerCase();
    if (Array.from(word).length < 3 || STOP_WORDS.has(key) || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words.length > 0 ? words : ["example"];
}

/** Capitalised words that do not start a sentence: likely names of places, people or things. */
export function properNouns(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![.!?]\s*|^\s*)(?<=\s|["'(“‘])(\p{Lu}[\p{L}\p{N}-]+)/gu)) {
    const word = match[1] ?? "";
    if (word.length >= 2 && !STOP_WORDS.has(word.toLowerCase())) names.add(word);
  }
  return [...names];
}

/** What schema values echo: the prompt's words, its likely names, and the prompt itself. */
export function sampleSeedFor(text: string, salt: string) {
  return { words: promptWords(text), names: properNouns(text), text: text.toLowerCase(), salt };
}
