#!/usr/bin/env node
// `npm run test:e2e`: build the production app with a unique fake API key in the environment, then
// run Playwright against it. Building with the canary set means a key inlined into a bundle at
// build time is caught too, not only one leaked at run time.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";

const canary = `AIzaCanary${randomBytes(15).toString("hex")}`;
const env = {
  ...process.env,
  GEMINI_API_KEY: canary,
  E2E_CANARY_KEY: canary,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.GOOGLE_API_KEY;

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;
const built = run("npx", ["next", "build"]);
if (built !== 0) process.exit(built);
process.exit(run("npx", ["playwright", "test", ...process.argv.slice(2)]));
