import { cn } from "@/lib/cn";
import type { CodeExecutionResultPart, ExecutableCodePart } from "@/lib/prompt";
import { Card, Pre } from "./card";
import { Markdown } from "./markdown";

/** A fence longer than any run of backticks in the code, so the code can't close it early. */
export function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}

/** Code the model wrote and ran (code execution tool), highlighted like code in an answer. */
export function ExecutableCode({ part }: { part: ExecutableCodePart }) {
  const python = part.language === "PYTHON";
  return (
    <Card title="Code" detail={python ? "Python" : undefined}>
      <div className="px-2 pb-1">
        <Markdown text={fenced(part.code, python ? "python" : "")} />
      </div>
    </Card>
  );
}

const OUTCOMES: Record<string, { label: string; failed: boolean }> = {
  OUTCOME_OK: { label: "Succeeded", failed: false },
  OUTCOME_FAILED: { label: "Failed", failed: true },
  OUTCOME_DEADLINE_EXCEEDED: { label: "Timed out", failed: true },
  OUTCOME_UNSPECIFIED: { label: "Finished", failed: false },
};

export function CodeExecutionResult({ part }: { part: CodeExecutionResultPart }) {
  const outcome = OUTCOMES[part.outcome] ?? { label: "Finished", failed: false };
  const badge = (
    <span
      className={cn(
        "rounded-full px-2 py-0.5 font-medium",
        outcome.failed ? "bg-danger-soft text-danger" : "bg-success-soft text-success",
      )}
    >
      {outcome.label}
    </span>
  );
  return (
    <Card
      title="Output"
      badge={badge}
      label={`Output, ${outcome.label.toLowerCase()}`}
      className={outcome.failed ? "border-danger-line" : undefined}
    >
      <Pre className={outcome.failed ? "text-danger" : undefined}>
        {part.output || "(no output)"}
      </Pre>
    </Card>
  );
}
