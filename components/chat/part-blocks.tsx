import type { ReactNode } from "react";
import type { RunPart } from "@/lib/run/reducer";

type BlockPart = Exclude<RunPart, { kind: "text" | "thought" }>;

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="overflow-hidden rounded-lg border border-border">
      <div className="border-b border-border bg-sidebar px-3 py-1.5 text-xs font-medium text-muted-foreground">
        {title}
      </div>
      {children}
    </div>
  );
}

function Pre({ children }: { children: ReactNode }) {
  return (
    <pre className="max-h-96 overflow-auto px-3 py-2 font-mono text-[13px] leading-relaxed whitespace-pre-wrap">
      {children}
    </pre>
  );
}

const OUTCOME_LABEL: Record<string, string> = {
  OUTCOME_OK: "succeeded",
  OUTCOME_FAILED: "failed",
  OUTCOME_DEADLINE_EXCEEDED: "timed out",
  OUTCOME_UNSPECIFIED: "finished",
};

/** Tool traffic and media inside a turn: shown as what they are, not as prose. */
export function PartBlock({ part }: { part: BlockPart }) {
  switch (part.kind) {
    case "functionCall":
      return (
        <Card title="Function call">
          <Pre>{`${part.name}(${JSON.stringify(part.args, null, 2)})`}</Pre>
        </Card>
      );
    case "functionResponse":
      return (
        <Card title={`Function response · ${part.name}`}>
          <Pre>{JSON.stringify(part.response, null, 2)}</Pre>
        </Card>
      );
    case "executableCode":
      return (
        <Card title={`Code · ${part.language === "PYTHON" ? "Python" : "unspecified language"}`}>
          <Pre>{part.code}</Pre>
        </Card>
      );
    case "codeExecutionResult":
      return (
        <Card title={`Code execution ${OUTCOME_LABEL[part.outcome] ?? "finished"}`}>
          <Pre>{part.output || "(no output)"}</Pre>
        </Card>
      );
    case "inlineData":
      return <InlineMedia mimeType={part.mimeType} data={part.data} />;
    case "media":
      return (
        <span className="inline-flex items-center gap-2 rounded-md border border-border bg-sidebar px-2 py-1 text-xs text-muted-foreground">
          {part.name ?? "Attachment"} · {part.mimeType}
        </span>
      );
  }
}

function InlineMedia({ mimeType, data }: { mimeType: string; data: string }) {
  const src = `data:${mimeType};base64,${data}`;
  if (mimeType.startsWith("image/")) {
    return (
      // biome-ignore lint/performance/noImgElement: a data URL from the stream; next/image can't optimize it.
      <img src={src} alt="Generated" className="max-h-[32rem] rounded-lg border border-border" />
    );
  }
  if (mimeType.startsWith("audio/")) {
    // biome-ignore lint/a11y/useMediaCaption: generated speech has no caption track.
    return <audio controls src={src} className="w-full" />;
  }
  return <p className="text-sm text-muted-foreground">Generated file ({mimeType})</p>;
}
