import type { ModelCapabilities } from "@/lib/models/capabilities";
import { knowledgeCutoff } from "@/lib/models/knowledge-cutoff";
import type { ModelInfo } from "@/lib/models/types";
import { formatRate, priceFor } from "@/lib/pricing";
import { formatTokens } from "./model-groups";

/** What the model can do, in the words of the settings that use it. */
function features(caps: ModelCapabilities): string[] {
  const thinking =
    caps.thinking.kind === "budget"
      ? "Thinking budget"
      : caps.thinking.kind === "level"
        ? "Thinking levels"
        : null;
  return [
    thinking,
    caps.functionCalling && "Function calling",
    caps.structuredOutput && "Structured output",
    caps.googleSearch && "Google Search",
    caps.codeExecution && "Code execution",
    caps.urlContext && "URL context",
    caps.aspectRatios.length > 0 && "Images out",
    caps.maxSpeakers > 0 && "Speech out",
  ].filter((f): f is string => typeof f === "string");
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-20 shrink-0 text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-foreground">{children}</dd>
    </div>
  );
}

/**
 * The selected model at a glance: Google's description, its limits, list price and knowledge
 * cutoff, and the features this playground can use with it.
 */
export function ModelCard({ info, caps }: { info?: ModelInfo; caps: ModelCapabilities }) {
  const price = priceFor(caps.id);
  const cutoff = knowledgeCutoff(caps.id);
  const input = formatTokens(info?.inputTokenLimit);
  const output = formatTokens(info?.outputTokenLimit);
  const can = features(caps);
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border bg-background p-3 text-xs">
      {info?.description && (
        <p className="line-clamp-3 text-muted-foreground" title={info.description}>
          {info.description}
        </p>
      )}
      <dl className="flex flex-col gap-1">
        {(input || output) && (
          <Fact label="Tokens">
            {[input && `${input} in`, output && `${output} out`].filter(Boolean).join(" · ")}
          </Fact>
        )}
        <Fact label="Price">
          {price
            ? `${formatRate(price.input)} in · ${formatRate(price.output)} out per 1M tokens (list price)`
            : "No list price known"}
        </Fact>
        <Fact label="Knowledge">{cutoff ?? "Cutoff not published"}</Fact>
        {can.length > 0 && <Fact label="Supports">{can.join(", ")}</Fact>}
      </dl>
    </div>
  );
}
