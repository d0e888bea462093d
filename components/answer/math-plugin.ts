import "katex/dist/katex.min.css";
import { createMathPlugin } from "@streamdown/math";
import type { KatexOptions } from "katex";
import type { MathPlugin } from "streamdown";
import { cachedMath } from "./katex-cache";

/**
 * KaTeX with remark-math and its stylesheet, in a chunk of its own: more than half the size of
 * Streamdown itself, and most answers have no math (see markdown.tsx and math-syntax.ts).
 * Gemini writes inline math as $…$, so single dollars count. rehype-katex's step is replaced by
 * katex-cache.ts, with the options Streamdown gives it: each formula is rendered once per page,
 * and reaches the page as markup.
 */
const katex = createMathPlugin({ singleDollarTextMath: true });
const [, options] = katex.rehypePlugin as [unknown, KatexOptions];

export const mathPlugin: MathPlugin = {
  ...katex,
  rehypePlugin: cachedMath(options),
};
