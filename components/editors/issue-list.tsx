import { lineOf, type TextIssue } from "@/lib/schema-editor/json-text";

const SHOWN = 4;

/**
 * The problems under an editor, in words, with their line. Polite live region: read out after
 * typing pauses, never interrupting. The editor names this list in its aria-describedby.
 */
export function IssueList({
  id,
  text,
  issues,
  okMessage,
}: {
  id: string;
  text: string;
  issues: readonly TextIssue[];
  okMessage: string;
}) {
  return (
    <div id={id} aria-live="polite" className="min-h-5 text-xs">
      {issues.length === 0 ? (
        <p className="text-success">{okMessage}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-danger">
          {issues.slice(0, SHOWN).map((issue) => (
            <li key={`${issue.from}:${issue.message}`}>
              <span className="font-medium">Line {lineOf(text, issue.from)}:</span> {issue.message}
            </li>
          ))}
          {issues.length > SHOWN && <li>…and {issues.length - SHOWN} more.</li>}
        </ul>
      )}
    </div>
  );
}
