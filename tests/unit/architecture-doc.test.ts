import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/ARCHITECTURE.md is the map of the code; a map that names files which moved, or leaves out
 * a folder, misleads the next change. Every path it names must exist, and every folder of lib/,
 * lib/emulator/ and components/ must be on it.
 */
const root = process.cwd();
const doc = readFileSync(join(root, "docs", "ARCHITECTURE.md"), "utf8");
const TOP = /^(app|components|lib|tests|scripts|lint|docs)\//;

/** Backticked paths such as `lib/wire/parts.ts` or `lib/client/`; globs and patterns left out. */
function namedPaths(): string[] {
  const paths = new Set<string>();
  for (const [, token] of doc.matchAll(/`([^`\s]+)`/g)) {
    if (!token || !TOP.test(token) || /[*<>{}]/.test(token)) continue;
    paths.add(token.replace(/\/$/, ""));
  }
  return [...paths];
}

const folders = (dir: string) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}`);

describe("docs/ARCHITECTURE.md", () => {
  it("names only paths that exist", () => {
    const paths = namedPaths();
    expect(paths.length).toBeGreaterThan(30);
    const exists = (p: string) =>
      ["", ".ts", ".tsx"].some((ext) => existsSync(join(root, p + ext)));
    expect(paths.filter((p) => !exists(p))).toEqual([]);
  });

  it("has every folder of lib/ and components/ on the map", () => {
    const missing = [...folders("lib"), ...folders("components")].filter(
      (folder) => !doc.includes(`\`${folder}/`) && !doc.includes(`\`${folder.split("/")[1]}/\``),
    );
    expect(missing).toEqual([]);
  });

  it("has every surface of the emulator on the map", () => {
    const missing = folders("lib/emulator")
      .map((folder) => folder.replace("lib/emulator/", ""))
      .filter((name) => !doc.includes(`\`${name}/\``));
    expect(missing).toEqual([]);
  });
});
