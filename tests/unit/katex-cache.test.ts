import { createMathPlugin } from "@streamdown/math";
import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import katex from "katex";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cachedMath } from "@/components/answer/katex-cache";

type Attacher = Parameters<typeof cachedMath>[0];
type Plugin = ReturnType<typeof cachedMath>;

// The app's KaTeX step and its options (math-plugin.ts), so the comparison covers its settings.
const [, katexOptions] = createMathPlugin({ singleDollarTextMath: true }).rehypePlugin as [
  unknown,
  Record<string, unknown>,
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
const html = (markdown: string, math: Plugin | "plain") => toHtml(tree(markdown, math));

const freshCache = () => cachedMath(rehypeKatex as Attacher, katexOptions);

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

  it("hands out copies: changing a rendered tree does not change the next render", () => {
    const math = freshCache();
    const markdown = `${DOCUMENTS.inline}\n\n${DOCUMENTS.display}`;
    const expected = html(markdown, "plain");
    const first = tree(markdown, math);

    // What later steps and React may do to the nodes they are given.
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type === "text") child.value = "changed";
        if (child.type !== "element") continue;
        const classes = child.properties.className;
        if (Array.isArray(classes)) classes.push("changed");
        child.properties.style = "color: red";
        visit(child);
        child.children.push({ type: "text", value: "appended" });
      }
    };
    visit(first);
    expect(toHtml(first)).not.toBe(expected);

    expect(html(markdown, math)).toBe(expected);
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
