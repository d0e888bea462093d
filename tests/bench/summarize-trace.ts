import { readFileSync } from "node:fs";
import { reportTrace, summarizeTrace } from "./trace-summary";

/**
 * `npx tsx tests/bench/summarize-trace.ts bench-results/stream.trace.json`: the long-task summary
 * of a saved trace again, without re-running the benchmark (or of a trace from DevTools).
 */
const path = process.argv[2];
if (!path) {
  console.error("usage: tsx tests/bench/summarize-trace.ts <trace.json>");
  process.exit(2);
}
console.info(reportTrace(path, summarizeTrace(readFileSync(path, "utf8"))).join("\n"));
