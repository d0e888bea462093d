import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * lib/codegen runs in the browser (the Get code panel) and prints the one mapping, so biome.json
 * lets it import only zod, @google/genai types, lib/prompt and lib/wire. Fixtures that break the
 * rule are linted with the project's own configuration and must be reported; one that keeps it
 * must pass (as tests/unit/boundaries.test.ts does for the other folders).
 */
const root = process.cwd();
const RESTRICTED = "lint/style/noRestrictedImports";
const SDK_VALUES = "plugin";

const fixtures: Record<string, string> = {
  "lib/codegen/f-store.ts": 'import { usePlayground } from "@/lib/store";\nvoid usePlayground;\n',
  "lib/codegen/f-gemini.ts": 'import { gemini } from "@/lib/gemini/client";\nvoid gemini;\n',
  "lib/codegen/f-node.ts": 'import { readFileSync } from "node:fs";\nvoid readFileSync;\n',
  "lib/codegen/f-sdk.ts": 'import { GoogleGenAI } from "@google/genai";\nvoid GoogleGenAI;\n',
  "lib/codegen/f-parent.ts":
    'import { toRestBody } from "../codegen/rest-body";\nvoid toRestBody;\n',
  "lib/codegen/ok.ts":
    'import type { Part } from "@google/genai";\nimport { z } from "zod";\nimport type { PromptDoc } from "@/lib/prompt";\nimport { PartSchema } from "@/lib/prompt/parts";\nimport { toUpstreamRequest } from "@/lib/wire/request";\nimport { printLiteral } from "./literals";\nexport type T = Part | PromptDoc;\nvoid z;\nvoid PartSchema;\nvoid toUpstreamRequest;\nvoid printLiteral;\n',
};

let workdir: string;
let found: Map<string, { category: string; message: string }[]>;

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), "codegen-boundaries-"));
  cpSync(join(root, "biome.json"), join(workdir, "biome.json"));
  cpSync(join(root, "lint"), join(workdir, "lint"), { recursive: true });
  for (const [path, source] of Object.entries(fixtures)) {
    mkdirSync(dirname(join(workdir, path)), { recursive: true });
    writeFileSync(join(workdir, path), source);
  }
  const result = spawnSync(
    join(root, "node_modules", ".bin", "biome"),
    ["lint", "--vcs-enabled=false", "--reporter=json", "--max-diagnostics=none", "."],
    { cwd: workdir, encoding: "utf8" },
  );
  const report = JSON.parse(result.stdout) as {
    diagnostics: { category: string; message: string; location: { path: string } }[];
  };
  found = new Map();
  for (const d of report.diagnostics) {
    if (d.category !== RESTRICTED && d.category !== SDK_VALUES) continue;
    const path = d.location.path.replace(/^\.\//, "");
    found.set(path, [...(found.get(path) ?? []), d]);
  }
});

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe("what lib/codegen may import", () => {
  it.each([
    ["lib/codegen/f-store.ts", RESTRICTED, /lib\/codegen imports only/],
    ["lib/codegen/f-gemini.ts", RESTRICTED, /lib\/codegen imports only/],
    ["lib/codegen/f-node.ts", RESTRICTED, /lib\/codegen imports only/],
    ["lib/codegen/f-sdk.ts", SDK_VALUES, /import type/],
    ["lib/codegen/f-parent.ts", RESTRICTED, /not \.\.\//],
  ])("%s breaks the rule and is reported by %s", (path, rule, message) => {
    const diagnostics = found.get(path) ?? [];
    expect(diagnostics.find((d) => d.category === rule)?.message).toMatch(message);
  });

  it("is zod, SDK types, the document, the mapping and its own files", () => {
    expect(found.get("lib/codegen/ok.ts") ?? []).toEqual([]);
  });
});
