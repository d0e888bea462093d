import { readdirSync, readFileSync } from "node:fs";
import { sleep } from "./browser";

/** Resident memory of a process and its descendants (`next start` may run workers). */
export function treeRss(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(" ") : []) total += treeRss(Number(child));
    }
  } catch {
    // The process ended between reads.
  }
  return total;
}

/** Peak resident memory above the level when sampling began, every 5 ms until stopped. */
export function sampleRss(pid: number): { stop(): Promise<number> } {
  const idle = treeRss(pid);
  let peak = idle;
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      peak = Math.max(peak, treeRss(pid));
      await sleep(5);
    }
  })();
  return {
    async stop() {
      sampling = false;
      await loop;
      return Math.max(0, peak - idle);
    },
  };
}
