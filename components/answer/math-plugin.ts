import "katex/dist/katex.min.css";
import { createMathPlugin } from "@streamdown/math";
import type { MathPlugin } from "streamdown";
import { cachedMath } from "./katex-cache";

type RehypeKatex = [Parameters<typeof cachedMath>[0], Record<string, unknown>];

/**
 * KaTeX with remark-math and its stylesheet, in a chunk of its own: more than half the size of
 * Streamdown itself, and most answers have no math (see markdown.tsx and math-syntax.ts).
 * Gemini writes inline math as $…$, so single dollars count. Each formula is rendered once per
 * page (katex-cache.ts).
 */
const katex = createMathPlugin({ singleDollarTextMath: true });
const [render, options] = katex.rehypePlugin as RehypeKatex;

export const mathPlugin: MathPlugin = {
  ...katex,
  rehypePlugin: cachedMath(render, options),
};
