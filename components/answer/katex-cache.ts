import type { Element, ElementContent, Root, RootContent } from "hast";
import katex, { type KatexOptions } from "katex";
import { escapeHtml } from "@/lib/escape-html";
import { formulaNode } from "./formula-html";

/** Formulas kept per page: a long answer or conversation re-renders the same ones often. */
const CACHE_LIMIT = 2_000;

/**
 * The KaTeX step of the markdown pipeline (in place of rehype-katex), with every formula
 * rendered once per page and handed on as markup, not as a tree.
 *
 * Once: a streaming answer re-renders its last block on each update, and a block of prose with a
 * dozen formulas paid for KaTeX each time. Each formula (by its TeX and whether it is displayed)
 * goes through KaTeX once; later renders reuse its markup.
 *
 * As markup: rehype-katex parses KaTeX's HTML into a tree, and React then holds an element for
 * each of its spans (dozens per formula) and compares them all on every update of the block. A
 * formula here is one node that renders KaTeX's HTML as it is (formula-html.ts), so an answer
 * dense with math is hundreds of React elements fewer, and a formula that didn't change costs
 * React one string comparison.
 *
 * Errors are shown as rehype-katex shows them: KaTeX's own error rendering, or else the TeX in
 * `errorColor` with the message as its title.
 */
export function cachedMath(options: KatexOptions) {
  const cache = new Map<string, string>();

  return function cachedMathPlugin() {
    return (tree: Root) => {
      visitMath(tree, (scope, display) => {
        const tex = textOf(scope);
        const key = `${display ? "D" : "I"}${tex}`;
        let html = cache.get(key);
        if (html !== undefined) {
          // Most recently used last: the oldest is the first to go.
          cache.delete(key);
        } else {
          html = renderFormula(tex, display, options);
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        }
        cache.set(key, html);
        return [formulaNode(html)];
      });
    };
  };
}

function renderFormula(tex: string, displayMode: boolean, options: KatexOptions): string {
  try {
    return katex.renderToString(tex, { ...options, displayMode, throwOnError: true });
  } catch (error) {
    try {
      return katex.renderToString(tex, {
        ...options,
        displayMode,
        strict: "ignore",
        throwOnError: false,
      });
    } catch {
      const color = options.errorColor || "#cc0000";
      return `<span class="katex-error" style="${escapeHtml(`color:${color}`)}" title="${escapeHtml(String(error))}">${escapeHtml(tex)}</span>`;
    }
  }
}

/**
 * Calls `replace` for each formula remark-math marked (inline, display, or a ```math fence with
 * its <pre>) and puts what it returns in its place.
 */
function visitMath(
  parent: Root | Element,
  replace: (scope: Element, display: boolean) => ElementContent[],
): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node?.type !== "element") continue;
    const kind = mathKind(node);
    if (kind === null) {
      visitMath(node, replace);
      continue;
    }
    const out = replace(node, kind);
    children.splice(i, 1, ...out);
    i += out.length - 1;
  }
}

/** true: displayed; false: inline; null: not a formula. */
function mathKind(node: Element): boolean | null {
  const classes = classesOf(node);
  if (classes.includes("math-display")) return true;
  if (classes.includes("math-inline")) return false;
  if (node.tagName === "pre") {
    const code = node.children.find((c): c is Element => c.type === "element");
    if (code?.tagName === "code" && classesOf(code).includes("language-math")) return true;
  }
  // A ```math fence outside a <pre> (never from markdown) renders inline, as rehype-katex does.
  if (classes.includes("language-math")) return false;
  return null;
}

function classesOf(node: Element): readonly unknown[] {
  const name = node.properties.className;
  return Array.isArray(name) ? name : [];
}

function textOf(node: ElementContent | Root): string {
  if (node.type === "text") return node.value;
  if (!("children" in node)) return "";
  let out = "";
  for (const child of node.children) out += textOf(child as ElementContent);
  return out;
}
