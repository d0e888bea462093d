/**
 * Whether markdown may hold math for the KaTeX plugin: remark-math only reads `$` delimiters,
 * and rehype-katex also renders code marked `language-math` (a ```math fence). Text with
 * neither renders the same with the plugin or without, so it needn't wait for KaTeX to load.
 */
export function needsMath(text: string): boolean {
  return text.includes("$") || text.includes("math");
}
