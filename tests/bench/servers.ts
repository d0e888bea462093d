import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

/** Build the production app if there is no build yet (benchmarks never measure `next dev`). */
export function ensureBuild(): void {
  if (existsSync(join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) return;
  console.info("No production build found; running `next build` first…");
  const result = spawnSync(join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export interface AppServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `next start` of the production build, pointed at an upstream Gemini-compatible URL. */
export async function startApp(
  port: number,
  upstream: string,
  apiKey: string,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const child = spawn(
    join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env,
        GEMINI_API_KEY: apiKey,
        GOOGLE_API_KEY: "",
        GEMINI_BASE_URL: upstream,
        PLAYGROUND_DATA_DIR: join(tmpdir(), `playground-bench-${port}`),
        NEXT_TELEMETRY_DISABLED: "1",
        // The benchmark is one client standing in for twenty people streaming at once; the
        // per-client limit (8 by default) would refuse the ninth.
        PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT: "64",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("next start did not become healthy in 30 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
