import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";

/**
 * An app server a test starts, stops and starts again itself (the shared ones must keep
 * running): `next start` of the build on its own port, offline, no access code, its data in
 * a folder that outlives each start, unless `env` says otherwise.
 */
export function ownServer(port: number, env: Record<string, string> = {}) {
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "playground-own-"));
  let child: ChildProcess | null = null;
  const next = join("node_modules", "next", "dist", "bin", "next");
  return {
    url,
    dataDir,
    async start() {
      child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
        env: {
          ...process.env,
          GEMINI_API_KEY: "",
          GOOGLE_API_KEY: "",
          GEMINI_BASE_URL: "",
          PLAYGROUND_ACCESS_CODE: "",
          PLAYGROUND_TRUSTED_USER_HEADER: "",
          DATABASE_URL: "",
          PLAYGROUND_DATA_DIR: dataDir,
          ...env,
        },
        stdio: "ignore",
      });
      await expect
        .poll(
          () =>
            fetch(`${url}/api/health`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 20_000 },
        )
        .toBe(200);
    },
    /** SIGKILL: nothing is flushed on the way out, as when a machine loses power. */
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        running.kill("SIGKILL");
      });
    },
  };
}
