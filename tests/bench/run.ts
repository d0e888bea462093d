import { mkdirSync, writeFileSync } from "node:fs";
import { startEmulatorServer } from "@/lib/emulator/node-server";
import { direct, measure, report, summarize, throughApp } from "./proxy-overhead";
import { ensureBuild, startApp } from "./servers";

/**
 * `npm run bench`: prints figures (never asserts; budgets live in the issues) and writes them
 * to bench-results/latest.json.
 */
async function main() {
  ensureBuild();
  const emulator = await startEmulatorServer({ port: 0 });
  const app = await startApp(4390, emulator.url, "bench-key");
  const results: Record<string, unknown> = {};
  const lines: string[] = ["", "## Proxy overhead: 2,000-token streamed answer"];
  try {
    // Warm both paths (JIT, connection pools, the app's model-list cache).
    await measure(() => direct(emulator.url), 4, 8);
    await measure(() => throughApp(app.url), 4, 8);
    for (const concurrency of [1, 20]) {
      const samples = concurrency === 1 ? 30 : 60;
      const a = summarize(await measure(() => direct(emulator.url), concurrency, samples));
      const b = summarize(await measure(() => throughApp(app.url), concurrency, samples));
      results[`proxy_c${concurrency}`] = { direct: a, app: b };
      lines.push("", ...report(`${concurrency} concurrent`, a, b));
    }
  } finally {
    await app.stop();
    await emulator.close();
  }
  console.info(lines.join("\n"));
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
