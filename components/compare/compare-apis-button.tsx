"use client";

import { Button } from "@/components/ui/button";
import { RUN_APIS } from "@/lib/prompt/config";
import { isCompareRunning, usePlayground } from "@/lib/store";

/**
 * Three columns on the shared model, one through each of Google's doors: how one prompt behaves
 * through the Gemini API, the Interactions API and OpenAI compatibility.
 */
export function CompareApisButton() {
  const model = usePlayground((s) => s.compare?.shared.model);
  const running = usePlayground(isCompareRunning);
  const presetColumns = usePlayground((s) => s.presetColumns);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={running || !model}
      onClick={() => model && presetColumns(RUN_APIS.map((api) => ({ model, api })))}
      title="Three columns on this model, one through each API"
    >
      Compare APIs
    </Button>
  );
}
