import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { GATE, LIMITED, MEDIA_LIMITS, PORTS } from "./tests/e2e/support/ports";

/**
 * Five servers: the standalone emulator, the app pointed at it with a canary key (as in
 * production with a real key), the app with no key at all (offline mode), the app in front
 * of the emulator again with short timeouts and small limits (`LIMITED`), and the app behind
 * an access code (`GATE`).
 */
const canary = process.env.E2E_CANARY_KEY;
if (!canary) throw new Error("Run the e2e suite with `npm run test:e2e` (it sets E2E_CANARY_KEY).");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.app}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: `npx tsx scripts/emulator.ts --port ${PORTS.emulator}`,
      url: `http://127.0.0.1:${PORTS.emulator}/emulator/requests`,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx next start -p ${PORTS.app} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORTS.app}/api/health`,
      env: {
        GEMINI_API_KEY: canary,
        GOOGLE_API_KEY: "",
        GEMINI_BASE_URL: `http://127.0.0.1:${PORTS.emulator}`,
        PLAYGROUND_MAX_BODY_BYTES: "200000",
        // Small limits so the Files API path and the size refusal are reached with small files.
        PLAYGROUND_MEDIA_INLINE_BYTES: String(MEDIA_LIMITS.inlineBytes),
        PLAYGROUND_MEDIA_MAX_BYTES: String(MEDIA_LIMITS.maxBytes),
        PLAYGROUND_DATA_DIR: join(tmpdir(), `playground-e2e-${PORTS.app}`),
      },
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx next start -p ${PORTS.limited} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORTS.limited}/api/health`,
      env: {
        GEMINI_API_KEY: canary,
        GOOGLE_API_KEY: "",
        GEMINI_BASE_URL: `http://127.0.0.1:${PORTS.emulator}`,
        PLAYGROUND_DATA_DIR: join(tmpdir(), `playground-e2e-${PORTS.limited}`),
        PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS: String(LIMITED.firstChunkSeconds),
        PLAYGROUND_UPSTREAM_IDLE_SECONDS: String(LIMITED.idleSeconds),
        PLAYGROUND_STREAM_PING_SECONDS: String(LIMITED.pingSeconds),
        PLAYGROUND_MAX_CONCURRENT_RUNS: String(LIMITED.maxConcurrentRuns),
        PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT: String(LIMITED.maxConcurrentRunsPerClient),
        PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT: String(LIMITED.maxConcurrentUploadsPerClient),
        PLAYGROUND_MEDIA_TOTAL_BYTES: String(LIMITED.mediaTotalBytes),
        PLAYGROUND_MEDIA_RETENTION_DAYS: String(LIMITED.mediaRetentionSeconds / 86_400),
        PLAYGROUND_UPLOAD_IDLE_SECONDS: String(LIMITED.uploadIdleSeconds),
        // A name and an origin of a reverse proxy in front of it (tests/e2e/cross-site.spec.ts).
        PLAYGROUND_PUBLIC_HOSTS: "playground.test",
        PLAYGROUND_ALLOWED_ORIGINS: "https://playground.test",
      },
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx next start -p ${PORTS.gated} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORTS.gated}/api/health`,
      env: {
        GEMINI_API_KEY: canary,
        GOOGLE_API_KEY: "",
        GEMINI_BASE_URL: `http://127.0.0.1:${PORTS.emulator}`,
        PLAYGROUND_DATA_DIR: join(tmpdir(), `playground-e2e-${PORTS.gated}`),
        PLAYGROUND_ACCESS_CODE: GATE.codes.join(", "),
        PLAYGROUND_TRUSTED_USER_HEADER: GATE.trustedUserHeader,
      },
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      // The offline server starts the way the README says to: `npm start`'s script, which checks
      // the runtime, finds the build just made fresh, and serves it.
      command: "node scripts/start.mjs",
      url: `http://127.0.0.1:${PORTS.offline}/api/health`,
      env: {
        PORT: String(PORTS.offline),
        HOSTNAME: "127.0.0.1",
        GEMINI_API_KEY: "",
        GOOGLE_API_KEY: "",
        GEMINI_BASE_URL: "",
        PLAYGROUND_DATA_DIR: join(tmpdir(), `playground-e2e-${PORTS.offline}`),
      },
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
