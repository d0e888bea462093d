import { createMathPlugin } from "@streamdown/math";
import type { Element, Root, RootContent } from "hast";
import { fromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import { toHtml } from "hast-util-to-html";
import katex, { type KatexOptions } from "katex";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formulaHtml } from "@/components/answer/formula-html";
import { cachedMath } from "@/components/answer/katex-cache";

type Plugin = ReturnType<typeof cachedMath>;

// The app's KaTeX step and its options (math-plugin.ts), so the comparison covers its settings.
const [, katexOptions] = createMathPlugin({ singleDollarTextMath: true }).rehypePlugin as [
  unknown,
  KatexOptions,
];

/** Markdown to a hast tree through the given KaTeX step, as Streamdown's pipeline does. */
function tree(markdown: string, math: Plugin | "plain"): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath, { singleDollarTextMath: true })
    .use(remarkRehype);
  const withMath =
    math === "plain" ? processor.use(rehypeKatex, katexOptions) : processor.use(math);
  return withMath.runSync(withMath.parse(markdown)) as Root;
}
/** Each formula node replaced by the elements of its markup, as the page shows it. */
function expanded<T extends Root | Element>(node: T): T {
  const children: RootContent[] = (node.children as RootContent[]).flatMap((child) => {
    const markup = formulaHtml(child);
    if (markup !== undefined) return fromHtmlIsomorphic(markup, { fragment: true }).children;
    return child.type === "element" ? [expanded(child)] : [child];
  });
  return { ...node, children };
}

const html = (markdown: string, math: Plugin | "plain") => toHtml(expanded(tree(markdown, math)));

const freshCache = () => cachedMath(katexOptions);

/** The formula nodes of a tree, in order. */
function formulaNodes(node: Root | Element): Element[] {
  return node.children.flatMap((child) => {
    if (formulaHtml(child) !== undefined) return [child as Element];
    return child.type === "element" ? formulaNodes(child) : [];
  });
}

/** The TeX of every KaTeX call since the spy was set (an error costs rehype-katex two). */
function katexCalls() {
  const spy = vi.spyOn(katex, "renderToString");
  return () => spy.mock.calls.map(([tex]) => tex);
}

afterEach(() => {
  vi.restoreAllMocks();
});

const DOCUMENTS = {
  inline: "Energy is $E = mc^2$, and $\\frac{a}{b}$ is a fraction.",
  display:
    "The integral:\n\n$$\n\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}\n$$\n\nDone.",
  "math fence": "As a fence:\n\n```math\n\\sum_{i=1}^{n} x_i^2\n```\n",
  "TeX error": "Broken: $\\frac{1}{$ and $\\notacommand{x}$ then fine $x^2$.",
  nested:
    "- item with $\\alpha$\n  > quoted $$\\beta$$\n\n| a | b |\n|---|---|\n| $\\gamma$ | **$\\delta$** |",
  "inline and display of the same TeX": "Inline $x^2$.\n\n$$\nx^2\n$$\n",
};

describe("KaTeX rendered once per formula", () => {
  it.each(Object.entries(DOCUMENTS))("renders %s exactly as rehype-katex does", (_, markdown) => {
    const plain = html(markdown, "plain");
    expect(plain).toContain('class="katex');
    expect(html(markdown, freshCache())).toBe(plain);
  });

  it("shows a TeX error with rehype-katex's error markup", () => {
    const out = html(DOCUMENTS["TeX error"], freshCache());
    expect(out).toContain("katex-error");
    expect(out).toBe(html(DOCUMENTS["TeX error"], "plain"));
  });

  it("renders a document again identically, without calling KaTeX", () => {
    const math = freshCache();
    const markdown = Object.values(DOCUMENTS).join("\n\n");
    const calls = katexCalls();
    const first = html(markdown, math);
    const firstCalls = calls().length;
    expect(firstCalls).toBeGreaterThan(5);

    expect(html(markdown, math)).toBe(first);
    expect(calls()).toHaveLength(firstCalls);
  });

  it("calls KaTeX once for a formula repeated in an answer, and for inline and display apart", () => {
    const math = freshCache();
    const calls = katexCalls();
    const markdown = "With $x^2$ and again $x^2$, then $y$.\n\n$$\nx^2\n$$\n\nAnd $x^2$.";
    expect(html(markdown, math)).toBe(html(markdown, "plain"));
    const counted = (tex: string) => calls().filter((t) => t.trim() === tex).length;
    // Once for the cached step (inline and display), then twice more for the plain comparison
    // (which calls KaTeX for every occurrence: three inline, one display).
    expect(counted("x^2")).toBe(2 + 4);
    expect(counted("y")).toBe(1 + 1);
  });

  it("hands each formula on as one empty node holding KaTeX's markup", () => {
    const math = freshCache();
    const markdown = `${DOCUMENTS.inline}\n\n${DOCUMENTS.display}`;
    const rendered = tree(markdown, math);
    const formulas = formulaNodes(rendered);
    expect(formulas).toHaveLength(3);
    for (const node of formulas) expect(node.children).toEqual([]);
    // No KaTeX element is left in the tree itself: React gets one element per formula.
    expect(toHtml(rendered)).not.toContain("katex");
    expect(formulaHtml(formulas[1])).toBe(
      katex.renderToString("\\frac{a}{b}", { ...katexOptions, throwOnError: true }),
    );
    // Every render makes its own nodes: a node handed to React is never reused.
    expect(formulaNodes(tree(markdown, math))[0]).not.toBe(formulas[0]);
  });

  it("never takes a node it did not make for a formula", () => {
    const lookalike: Element = { type: "element", tagName: "span", properties: {}, children: [] };
    expect(formulaHtml(lookalike)).toBeUndefined();
    const fromAnswer = tree('<span data-formula="<b>x</b>">y</span> and $x$', freshCache());
    expect(formulaNodes(fromAnswer)).toHaveLength(1);
  });

  it("keeps the formulas used most recently when the cache is full", () => {
    const math = freshCache();
    // katex-cache.ts keeps 2,000 formulas.
    const formulas = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `$x_{${from + i}}$`).join(" ");
    html(formulas(0, 2_000), math);
    html("Used again: $x_{0}$.", math);
    html(formulas(2_000, 2_100), math);

    const calls = katexCalls();
    const markdown = "Then $x_{0}$, $x_{1}$ and $x_{2099}$.";
    expect(html(markdown, math)).toBe(html(markdown, "plain"));
    const count = (tex: string) => calls().filter((t) => t === tex).length;
    // One call each comes from the plain comparison; a second means the cache had let it go.
    expect(count("x_{0}")).toBe(1);
    expect(count("x_{1}")).toBe(2);
    expect(count("x_{2099}")).toBe(1);
  });
});
