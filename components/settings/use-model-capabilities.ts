"use client";

import { useMemo } from "react";
import { type ModelCapabilities, modelCapabilities } from "@/lib/models/capabilities";
import { useDraftModel, useDraftModelInfo } from "@/lib/store";

/** What the draft's model accepts; every control reads its bounds and default from here. */
export function useModelCapabilities(): ModelCapabilities {
  const model = useDraftModel();
  const info = useDraftModelInfo();
  return useMemo(() => modelCapabilities(model, info), [model, info]);
}

/** The reason shown under a control the model can't use. */
export function unsupportedReason(caps: ModelCapabilities): string {
  return `Not available for ${caps.displayName}`;
}

/** When a model can use no tool at all, one line says so instead of five. */
export const NO_TOOLS_ID = "tools-unavailable";

export function noToolsAt(caps: ModelCapabilities): string | undefined {
  const any =
    caps.structuredOutput ||
    caps.functionCalling ||
    caps.googleSearch ||
    caps.codeExecution ||
    caps.urlContext;
  return any ? undefined : NO_TOOLS_ID;
}
