"use client";

import { useId } from "react";
import type { TextIssue } from "@/lib/schema-editor/json-text";
import { IssueList } from "./issue-list";
import { LazyJsonEditor } from "./lazy-json-editor";

/** A JSON editor with its problems listed underneath and announced with the editor's name. */
export function CheckedJsonEditor({
  value,
  onChange,
  label,
  issues,
  okMessage,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  issues: readonly TextIssue[];
  okMessage: string;
}) {
  const issuesId = useId();
  return (
    <>
      <LazyJsonEditor
        value={value}
        onChange={onChange}
        label={label}
        describedBy={issuesId}
        issues={issues}
      />
      <IssueList id={issuesId} text={value} issues={issues} okMessage={okMessage} />
    </>
  );
}
