import { MediaView } from "@/components/media/media-view";
import type { RunPart } from "@/lib/run/reducer";
import { Card, Pre } from "./card";
import { CodeExecutionResult, ExecutableCode } from "./code-execution";

type BlockPart = Exclude<RunPart, { kind: "text" | "thought" }>;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Tool traffic and media inside a turn: shown as what they are, not as prose. */
export function PartBlock({ part }: { part: BlockPart }) {
  switch (part.kind) {
    case "functionCall":
      return (
        <Card
          title="Function call"
          detail={part.name}
          badge={part.id && <span className="font-mono text-muted-foreground">{part.id}</span>}
        >
          <Pre>{json(part.args)}</Pre>
        </Card>
      );
    case "functionResponse":
      return (
        <Card title="Function response" detail={part.name}>
          <Pre>{json(part.response)}</Pre>
        </Card>
      );
    case "executableCode":
      return <ExecutableCode part={part} />;
    case "codeExecutionResult":
      return <CodeExecutionResult part={part} />;
    case "media":
      return <MediaView part={part} />;
  }
}
