/**
 * The `searchEntryPoint.renderedContent` snippet: Google requires apps to show its search chips
 * verbatim (usually in a sandboxed iframe or shadow root), so the emulator sends a snippet of the
 * same kind — a style block and a row of chip links — in its own markup, pointing at example.com.
 */

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const STYLE = `<style>
.emulator-search {
  align-items: center;
  border-radius: 8px;
  display: flex;
  font-family: system-ui, sans-serif;
  font-size: 14px;
  gap: 8px;
  padding: 8px 12px;
}
.emulator-search .label {
  white-space: nowrap;
}
.emulator-search .chips {
  overflow-x: auto;
  scrollbar-width: none;
  white-space: nowrap;
}
.emulator-search .chip {
  border: solid 1px;
  border-radius: 16px;
  display: inline-block;
  margin: 0 4px;
  padding: 4px 14px;
  text-decoration: none;
}
@media (prefers-color-scheme: light) {
  .emulator-search { background-color: #f7f7f8; box-shadow: 0 0 0 1px #0000001a; }
  .emulator-search .label { color: #2b2b2b; }
  .emulator-search .chip { background-color: #ffffff; border-color: #d0d0d7; color: #3d3d4e; }
  .emulator-search .chip:hover { background-color: #efeff4; }
}
@media (prefers-color-scheme: dark) {
  .emulator-search { background-color: #202124; box-shadow: 0 0 0 1px #ffffff26; }
  .emulator-search .label { color: #f1f1f1; }
  .emulator-search .chip { background-color: #2d2e31; border-color: #44464b; color: #f1f1f1; }
  .emulator-search .chip:hover { background-color: #38393d; }
}
</style>`;

export function searchEntryPoint(queries: string[]): string {
  const chips = queries.map((query) => {
    const href = `https://search.example.com/search?q=${encodeURIComponent(query)}`;
    return `    <a class="chip" href="${escapeHtml(href)}">${escapeHtml(query)}</a>`;
  });
  return [
    STYLE,
    `<div class="emulator-search">`,
    `  <span class="label">Emulated search</span>`,
    `  <div class="chips">`,
    ...chips,
    "  </div>",
    "</div>",
    "",
  ].join("\n");
}
