/**
 * Rendering checks a prompt can ask for. `hostile=1` is markdown a model could be tricked into
 * writing: raw HTML with script, event handlers and `javascript:`/`data:` links. A safe renderer
 * shows it inert; `window.__pwned` staying undefined is the test. `math=1` is inline and display
 * LaTeX for a math plugin (inline `$…$` renders only where single-dollar math is switched on).
 */

export const HOSTILE_MARKDOWN = [
  "### Rendering check: hostile markdown",
  "",
  "Everything below is hostile on purpose. A safe renderer shows it as inert text or drops it.",
  "",
  "<script>window.__pwned=1</script>",
  "",
  '<img src="x" onerror="window.__pwned=1">',
  "",
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  "",
  "- [click me](javascript:window.__pwned=1)",
  "- [data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
  '- <a href="javascript:window.__pwned=1">raw link</a>',
  "- [a normal link](https://example.com/emulator/safe-link)",
].join("\n");

export const MATH_MARKDOWN = [
  "### Rendering check: math",
  "",
  "Inline, the best-known formula is $E = mc^2$, and a display block follows:",
  "",
  "$$",
  "\\int_0^1 x^2\\,dx = \\tfrac{1}{3}",
  "$$",
].join("\n");
