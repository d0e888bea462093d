import type { Element } from "hast";

/**
 * A rendered formula travels through the rest of the markdown pipeline as one empty `<span>`,
 * its KaTeX markup kept here, by node, until the span renders (markdown-components.tsx). Kept
 * beside the tree rather than in an attribute so that nothing from the answer itself (HTML that
 * passed the sanitizer) can ever pose as a formula: only this module makes such a node.
 */
const markup = new WeakMap<object, string>();

/** A placeholder node for a formula whose KaTeX output is `html`. */
export function formulaNode(html: string): Element {
  const node: Element = { type: "element", tagName: "span", properties: {}, children: [] };
  markup.set(node, html);
  return node;
}

/** The KaTeX markup of a formula's placeholder node; undefined for any other node. */
export function formulaHtml(node: unknown): string | undefined {
  return typeof node === "object" && node !== null ? markup.get(node) : undefined;
}
