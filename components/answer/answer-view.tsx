"use client";

import { memo, useMemo } from "react";
import type { RunPart } from "@/lib/run/reducer";
import { runStats } from "@/lib/run/stats";
import type { RunRecord } from "@/lib/store";
import { AnswerBody, type JsonFormat } from "./answer-body";
import { AnswerFooter } from "./answer-footer";
import { GroundingSources } from "./grounding-sources";
import { UrlContextList } from "./url-context-list";

interface AnswerViewProps {
  parts: readonly RunPart[];
  /** The run that wrote this answer; absent for restored or hand-written turns. */
  run?: RunRecord;
  streaming?: boolean;
  /** The run's figures under the answer; compare shows them in its own row instead. */
  showStats?: boolean;
}

/** An answer with everything its run knows about it: sources, fetched URLs, figures. */
export const AnswerView = memo(function AnswerView({
  parts,
  run,
  streaming = false,
  showStats = true,
}: AnswerViewProps) {
  const state = run?.state;
  const config = run?.request.config;
  const json = useMemo<JsonFormat | undefined>(
    () =>
      config?.responseMimeType === "application/json"
        ? { schema: config.responseSchema }
        : undefined,
    [config],
  );
  const stats = useMemo(
    () =>
      run && !streaming && showStats ? runStats(run.state, run, run.request.model) : undefined,
    [run, streaming, showStats],
  );
  return (
    <>
      <AnswerBody
        parts={parts}
        streaming={streaming}
        grounding={state?.groundingMetadata}
        json={json}
      />
      {state?.urlContextMetadata && <UrlContextList context={state.urlContextMetadata} />}
      {!streaming && state?.groundingMetadata && (
        <GroundingSources grounding={state.groundingMetadata} />
      )}
      {!streaming && <AnswerFooter state={state} stats={stats} />}
    </>
  );
});
