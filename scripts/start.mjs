#!/usr/bin/env node
// `npm start`: build once (or again when the sources changed since the last build), then serve.
// A newcomer runs `npm install && npm start` and gets a working playground with no other step.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { announceRuntime } from "./runtime.mjs";

announceRuntime();

const root = new URL("..", import.meta.url).pathname;
// next.config.ts honours NEXT_DIST_DIR (side-by-side builds); so must the freshness check.
const buildId = join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "public", "package.json", "next.config.ts"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newestMtime(join(root, s))));
// Next runs on the runtime announced above, whatever `node` a shebang would find.
const next = join(root, "node_modules", "next", "dist", "bin", "next");
const inherit = { cwd: root, stdio: "inherit" };

if (changedAt > builtAt) {
  console.info(
    builtAt
      ? "Sources changed since the last build; rebuilding…"
      : "First start: building the app (about 30 s)…",
  );
  const build = spawnSync(process.execPath, [next, "build"], inherit);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// Without an access code the server answers this machine only (it refuses to start on another
// address: instrumentation.ts); with one, the team reaches it on every interface.
const gated = Boolean(
  process.env.PLAYGROUND_ACCESS_CODE?.trim() || process.env.PLAYGROUND_TRUSTED_USER_HEADER?.trim(),
);
const host = process.env.HOSTNAME || (gated ? "0.0.0.0" : "127.0.0.1");
if (!gated && host === "127.0.0.1") {
  console.info(
    `No PLAYGROUND_ACCESS_CODE set: listening on this machine only (http://127.0.0.1:${port}). Set one to let your team in.`,
  );
}
const args = [next, "start", "-p", port, "-H", host, ...process.argv.slice(2)];
const server = spawnSync(process.execPath, args, inherit);
process.exit(server.status ?? 0);
