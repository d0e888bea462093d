import "katex/dist/katex.min.css";
import { createMathPlugin } from "@streamdown/math";

/**
 * KaTeX with remark-math and its stylesheet, in a chunk of its own: more than half the size of
 * Streamdown itself, and most answers have no math (see markdown.tsx and math-syntax.ts).
 * Gemini writes inline math as $…$, so single dollars count.
 */
export const mathPlugin = createMathPlugin({ singleDollarTextMath: true });
