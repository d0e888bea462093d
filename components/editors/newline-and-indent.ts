import { getIndentation, IndentContext, indentString } from "@codemirror/language";
import { EditorSelection } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";

/**
 * Enter: a line break indented for the JSON around it, and between a bracket pair ("{|}") the
 * closing bracket moves to its own line. `@codemirror/commands` (which has this) is not installed,
 * and without a handler the browser's own line break leaves the new line unindented.
 */
export function newlineAndIndent(view: EditorView): boolean {
  const { state } = view;
  const changes = state.changeByRange((range) => {
    const before = state.sliceDoc(range.from - 1, range.from);
    const after = state.sliceDoc(range.to, range.to + 1);
    const explode = (before === "{" && after === "}") || (before === "[" && after === "]");
    const cx = new IndentContext(state, {
      simulateBreak: range.from,
      simulateDoubleBreak: explode,
    });
    const inner = indentString(state, getIndentation(cx, range.from) ?? 0);
    const line = state.doc.lineAt(range.from);
    const outer = /^\s*/.exec(line.text)?.[0] ?? "";
    const insert = explode ? `\n${inner}\n${outer}` : `\n${inner}`;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + 1 + inner.length),
    };
  });
  view.dispatch(changes, { scrollIntoView: true, userEvent: "input" });
  return true;
}
