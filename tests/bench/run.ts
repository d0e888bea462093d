import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { startEmulatorServer } from "@/lib/emulator/node-server";
import { describeRuntime } from "@/scripts/runtime.mjs";
import { launchBrowser } from "./browser";
import { type BenchOutput, benchConversation, benchStream } from "./browser-benches";
import { benchCompare } from "./compare-bench";
import { benchCorpus } from "./corpus-bench";
import { benchDoors } from "./doors-overhead";
import { benchLibrary } from "./library-bench";
import { benchMediaUpload } from "./media-upload";
import { options } from "./options";
import { direct, measure, report, summarize, throughApp } from "./proxy-overhead";
import { ensureBuild, startApp } from "./servers";

/** The same streamed answer straight from the emulator and through /api/run. */
async function proxyOverhead(emulatorUrl: string, appUrl: string): Promise<BenchOutput> {
  const results: Record<string, unknown> = {};
  const lines: string[] = ["", "## Proxy overhead: 2,000-token streamed answer"];
  // Warm both paths (JIT, connection pools, the app's model-list cache).
  await measure(() => direct(emulatorUrl), 4, 8);
  await measure(() => throughApp(appUrl), 4, 8);
  for (const concurrency of [1, 20]) {
    const samples = concurrency === 1 ? 30 : 60;
    const a = summarize(await measure(() => direct(emulatorUrl), concurrency, samples));
    const b = summarize(await measure(() => throughApp(appUrl), concurrency, samples));
    results[`proxy_c${concurrency}`] = { direct: a, app: b };
    lines.push("", ...report(`${concurrency} concurrent`, a, b));
  }
  return { lines, results };
}

/** The browser benchmarks share one Chromium; each run gets a fresh context. */
async function browserBenches(
  appUrl: string,
  emulatorUrl: string,
  serverPid: number,
): Promise<BenchOutput[]> {
  // The server's first page render loads its modules; no run should pay for that.
  for (let i = 0; i < 3; i++) await (await fetch(appUrl)).text();
  const browser = await launchBrowser();
  try {
    const outputs: BenchOutput[] = [];
    if (options.only.includes("stream")) outputs.push(await benchStream(browser, appUrl));
    if (options.only.includes("corpus")) {
      outputs.push(await benchCorpus(browser, appUrl, emulatorUrl));
    }
    if (options.only.includes("conversation")) {
      outputs.push(await benchConversation(browser, appUrl));
    }
    if (options.only.includes("media")) {
      outputs.push(await benchMediaUpload(browser, appUrl, serverPid, options.conversationRuns));
    }
    if (options.only.includes("compare")) {
      outputs.push(await benchCompare(browser, appUrl, serverPid));
    }
    return outputs;
  } finally {
    await browser.close();
  }
}

function writeResults(results: Record<string, unknown>): void {
  const path = "bench-results/latest.json";
  mkdirSync("bench-results", { recursive: true });
  // A partial run (BENCH_ONLY) updates its own figures and keeps the others'.
  const previous =
    options.partial && existsSync(path)
      ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>)
      : {};
  writeFileSync(path, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
}

/**
 * `npm run bench`: prints figures (never asserts; budgets live in the issues) and writes them
 * to bench-results/latest.json. Knobs (a subset, a quick mode, another port): see options.ts.
 */
async function main() {
  // Figures are only comparable on the same runtime; say which one produced them.
  console.info(describeRuntime().message);
  ensureBuild();
  const emulator = await startEmulatorServer({ port: 0 });
  const app = await startApp(options.appPort, emulator.url, "bench-key");
  const outputs: BenchOutput[] = [];
  try {
    if (options.only.includes("proxy")) outputs.push(await proxyOverhead(emulator.url, app.url));
    if (options.only.includes("doors")) outputs.push(await benchDoors(emulator.url, app.url));
    const browser = options.only.filter((name) => !["proxy", "doors", "library"].includes(name));
    if (browser.length > 0) {
      outputs.push(...(await browserBenches(app.url, emulator.url, app.process.pid ?? 0)));
    }
  } finally {
    await app.stop();
  }
  try {
    // Its own servers, on seeded stores.
    if (options.only.includes("library")) {
      outputs.push(await benchLibrary(options.appPort + 1, emulator.url));
    }
  } finally {
    await emulator.close();
  }
  console.info(outputs.flatMap((o) => o.lines).join("\n"));
  writeResults(Object.assign({}, ...outputs.map((o) => o.results)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
