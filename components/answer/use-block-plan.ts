"use client";

import { useRef } from "react";
import { parseMarkdownIntoBlocks } from "streamdown";
import { type BlockPlan, EMPTY_PLAN, planBlocks } from "./block-plan";

/** This answer's pieces (block-plan.ts), carried from one render to the next. */
export function useBlockPlan(text: string, streaming: boolean): BlockPlan {
  const plan = useRef<BlockPlan>(EMPTY_PLAN);
  plan.current = planBlocks(plan.current, text, streaming, parseMarkdownIntoBlocks);
  return plan.current;
}
