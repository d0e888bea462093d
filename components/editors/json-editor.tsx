"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import type { TextIssue } from "@/lib/schema-editor/checks";

export interface JsonEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** The accessible name of the editable area (a contract for tests: e.g. "Response schema"). */
  label: string;
  /** Id of the element listing the problems, read out with the editor. */
  describedBy?: string;
  issues: readonly TextIssue[];
  height?: string;
}

const theme = EditorView.theme({
  "&": { fontSize: "13px", backgroundColor: "var(--background)" },
  "&.cm-focused": { outline: "2px solid var(--primary)", outlineOffset: "-1px" },
  ".cm-content": { fontFamily: "var(--font-mono)", padding: "6px 0" },
  ".cm-gutters": {
    backgroundColor: "var(--sidebar)",
    color: "var(--muted-foreground)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--muted) 45%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--muted)" },
  ".cm-cursor": { borderLeftColor: "var(--foreground)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "color-mix(in srgb, var(--primary) 28%, transparent)" },
});

/** JSON's colours from the page's tokens (globals.css), so the editor follows the theme. */
const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--code-property)" },
  { tag: tags.string, color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--code-literal)" },
  { tag: tags.invalid, color: "var(--danger)" },
]);

/**
 * A CodeMirror 6 JSON editor: highlighting, bracket matching, auto-indent, and problems underlined
 * where they are. The caller validates and passes `issues` in; the editor only shows them.
 * Loaded through next/dynamic (lazy-json-editor.tsx), never in the first page load.
 */
export function JsonEditor({
  value,
  onChange,
  label,
  describedBy,
  issues,
  height = "18rem",
}: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Created once; later prop changes are dispatched into the live view below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial value and attributes only.
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          bracketMatching(),
          indentOnInput(),
          indentUnit.of("  "),
          syntaxHighlighting(jsonHighlight),
          json(),
          lintGutter(),
          history(),
          // Tab indents inside the editor; Escape then Tab still leaves it (CodeMirror's
          // documented escape hatch), so keyboard users are not trapped.
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            "aria-label": label,
            "aria-multiline": "true",
            ...(describedBy && { "aria-describedby": describedBy }),
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
          theme,
          EditorView.theme({ "&": { height }, ".cm-scroller": { overflow: "auto" } }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A template, an import or a reset replaces the text from outside.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const diagnostics: Diagnostic[] = issues.map((issue) => ({
      from: Math.min(issue.from, length),
      to: Math.min(Math.max(issue.to, issue.from), length),
      severity: "error",
      message: issue.message,
    }));
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [issues]);

  return (
    <div
      ref={host}
      className={`overflow-hidden rounded-lg border ${issues.length ? "border-danger" : "border-border"}`}
    />
  );
}
