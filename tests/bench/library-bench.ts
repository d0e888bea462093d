import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "@/tests/support/postgres";
import type { BenchOutput } from "./browser-benches";
import { SEED, WORDS } from "./library-seed";
import { startApp } from "./servers";
import { fmt, median, percentile } from "./stats";

/** Seeds the store in a process of its own (see library-seed-cli.ts). */
function seed(
  dataDir: string,
  databaseUrl: string | undefined,
): { promptIds: string[]; mine: string[] } {
  const out = execFileSync(
    join("node_modules", ".bin", "tsx"),
    [
      "--conditions=react-server",
      join("tests", "bench", "library-seed-cli.ts"),
      dataDir,
      databaseUrl ?? "",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out);
}

interface Figures {
  median: number;
  p95: number;
}

const figures = (samples: number[]): Figures => ({
  median: median(samples),
  p95: percentile(samples, 95),
});

/** Times `request` `n` times one after another, after `warm` untimed ones. */
async function timed(n: number, warm: number, request: (i: number) => Promise<Response>) {
  for (let i = 0; i < warm; i++) await (await request(i)).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const response = await request(warm + i);
    await response.arrayBuffer();
    samples.push(performance.now() - start);
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  }
  return figures(samples);
}

/**
 * The team library at size on each database: a seeded store (10,000 prompts, 50,000 revisions,
 * 100,000 runs) behind a real app server, timed over HTTP on loopback, so each figure is the
 * server's whole answer: opening a share link (the page, server-rendered), the library's and the
 * history's search, and a save.
 */
export async function benchLibrary(appPort: number, emulatorUrl: string): Promise<BenchOutput> {
  const lines = [
    "",
    `## Team library at size: ${SEED.prompts.toLocaleString("en-US")} prompts, ${(SEED.prompts * SEED.revisionsEach).toLocaleString("en-US")} revisions, ${SEED.runs.toLocaleString("en-US")} runs (median / p95, server time over loopback)`,
    "",
    "| database | open a share link | library search | …finding nothing | history search | …finding nothing | save |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  const results: Record<string, unknown> = {};
  const postgres = await startPostgres();
  try {
    for (const dialect of ["sqlite", "postgres"] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), "bench-library-"));
      const databaseUrl =
        dialect === "postgres" ? await postgres.createDatabase("bench_library") : undefined;
      const seeding = performance.now();
      const { promptIds, mine } = seed(dataDir, databaseUrl);
      const seededMs = performance.now() - seeding;
      const app = await startApp(appPort, emulatorUrl, "bench-key", {
        PLAYGROUND_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? "",
      });
      try {
        const url = app.url;
        const word = (i: number) => WORDS[(i * 37) % WORDS.length] as string;
        const open = await timed(60, 5, (i) =>
          fetch(`${url}/p/${promptIds[(i * 7919) % promptIds.length]}`),
        );
        const library = await timed(40, 5, (i) => fetch(`${url}/api/prompts?q=${word(i)}`));
        const history = await timed(40, 5, (i) => fetch(`${url}/api/history?q=${word(i)}`));
        // A word nothing contains: every row is read, the slowest search there is.
        const nothing = (i: number) => `qzx${i}`;
        const libraryMiss = await timed(20, 3, (i) => fetch(`${url}/api/prompts?q=${nothing(i)}`));
        const historyMiss = await timed(20, 3, (i) => fetch(`${url}/api/history?q=${nothing(i)}`));
        const save = await timed(40, 5, (i) =>
          fetch(`${url}/api/prompts`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: url },
            body: JSON.stringify({
              id: mine[i % mine.length],
              kind: "chat",
              title: "Benchmark save",
              document: {
                version: 1,
                model: "gemini-2.5-flash",
                systemInstruction: `revision ${i}`,
                contents: [{ role: "user", parts: [{ kind: "text", text: word(i) }] }],
                config: {},
                tools: {},
              },
            }),
          }),
        );
        results[`library_${dialect}`] = {
          open,
          library,
          history,
          libraryMiss,
          historyMiss,
          save,
          seededMs,
        };
        const cell = (f: Figures) => `${fmt(f.median)} / ${fmt(f.p95)}`;
        lines.push(
          `| ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"} | ${cell(open)} | ${cell(library)} | ${cell(libraryMiss)} | ${cell(history)} | ${cell(historyMiss)} | ${cell(save)} |`,
        );
      } finally {
        await app.stop();
      }
    }
  } finally {
    postgres.stop();
  }
  lines.push(
    "",
    "Budgets: a share link under 50 ms and searches under 100 ms at the median, a save under 20 ms.",
  );
  return { lines, results };
}
