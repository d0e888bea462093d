import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layering rules of docs/ARCHITECTURE.md live in biome.json. Each is proven to bite here:
 * fixtures that break a rule are linted with the project's own configuration, and the named
 * rule must report them (and clean fixtures must pass), so a rule edited away or a glob that no
 * longer matches fails this test instead of rotting silently.
 */
const root = process.cwd();
const RESTRICTED = "lint/style/noRestrictedImports";
const SDK_VALUES = "plugin";
const PROCESS_ENV = "lint/style/noProcessEnv";
const BOUNDARY_RULES = new Set([RESTRICTED, SDK_VALUES, PROCESS_ENV]);

/** Modules that declare themselves server-only, as `@/…` specifiers. */
const serverOnlyModules = execFileSync(
  "git",
  ["grep", "-l", '^import "server-only"', "--", "lib", "app"],
  {
    cwd: root,
    encoding: "utf8",
  },
)
  .trim()
  .split("\n")
  .map((file) => `@/${file.replace(/\.tsx?$/, "")}`);

const fixtures: Record<string, string> = {
  "components/f-gemini.tsx": 'import { gemini } from "@/lib/gemini/client";\nvoid gemini;\n',
  "lib/store/f-emulator.ts":
    'import { createEmulator } from "@/lib/emulator";\nvoid createEmulator;\n',
  "lib/hooks/f-env.ts": 'import { serverEnv } from "@/lib/env";\nvoid serverEnv;\n',
  "lib/client/f-log.ts": 'import { log } from "@/lib/log";\nvoid log;\n',
  "components/f-db.tsx": 'import { db } from "@/lib/db/client";\nvoid db;\n',
  "components/f-server-only.tsx": 'import "server-only";\n',
  "components/f-sdk.tsx": 'import { GoogleGenAI } from "@google/genai";\nvoid GoogleGenAI;\n',
  "components/f-env.tsx": "export const key = process.env.GEMINI_API_KEY;\n",
  "lib/run/f-gemini.ts": 'import { openRun } from "@/lib/gemini/run";\nvoid openRun;\n',
  "lib/wire/f-models.ts": 'import { isRunnable } from "@/lib/models/types";\nvoid isRunnable;\n',
  "lib/wire/f-sdk.ts":
    'import { createPartFromText } from "@google/genai";\nvoid createPartFromText;\n',
  "lib/prompt/f-wire.ts": 'import { toWirePart } from "@/lib/wire/parts";\nvoid toWirePart;\n',
  "lib/emulator/f-app.ts":
    'import { VOICE_NAMES } from "@/lib/models/voices";\nvoid VOICE_NAMES;\n',
  "lib/emulator/native/f-server-only.ts": 'import "server-only";\n',
  "lib/gemini/f-parent.ts": 'import { AppError } from "../errors";\nvoid AppError;\n',
  "components/chat/f-parent.tsx": 'import { Button } from "../ui/button";\nvoid Button;\n',
  // What each folder may import: these must pass.
  "lib/wire/ok.ts":
    'import type { Part } from "@google/genai";\nimport { z } from "zod";\nimport type { PromptDoc } from "@/lib/prompt";\nimport { PartSchema } from "@/lib/prompt/parts";\nimport { modelKind } from "./model-kind";\nexport type T = Part | PromptDoc;\nvoid z;\nvoid PartSchema;\nvoid modelKind;\n',
  "lib/emulator/native/ok.ts":
    'import type { Part } from "@google/genai";\nimport { RequestLog } from "@/lib/emulator/log";\nimport { sibling } from "./sibling";\nexport type T = Part;\nvoid RequestLog;\nvoid sibling;\n',
  "components/ok.tsx":
    'import type { GenerateContentResponse } from "@google/genai";\nimport { AppError } from "@/lib/errors";\nimport { PromptDocSchema } from "@/lib/prompt";\nimport { runReducer } from "@/lib/run/reducer";\nimport { toUpstreamRequest } from "@/lib/wire/request";\nexport type T = GenerateContentResponse;\nvoid AppError;\nvoid PromptDocSchema;\nvoid runReducer;\nvoid toUpstreamRequest;\n',
};
serverOnlyModules.forEach((specifier, i) => {
  fixtures[`components/server-only-${i}.tsx`] = `import * as m from "${specifier}";\nvoid m;\n`;
});

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

let workdir: string;
let found: Map<string, Diagnostic[]>;

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), "boundaries-"));
  cpSync(join(root, "biome.json"), join(workdir, "biome.json"));
  cpSync(join(root, "lint"), join(workdir, "lint"), { recursive: true });
  for (const [path, source] of Object.entries(fixtures)) {
    mkdirSync(dirname(join(workdir, path)), { recursive: true });
    writeFileSync(join(workdir, path), source);
  }
  const biome = join(root, "node_modules", ".bin", "biome");
  const result = spawnSync(
    biome,
    ["lint", "--vcs-enabled=false", "--reporter=json", "--max-diagnostics=none", "."],
    { cwd: workdir, encoding: "utf8" },
  );
  const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  found = new Map();
  for (const d of report.diagnostics) {
    if (!BOUNDARY_RULES.has(d.category)) continue;
    const path = d.location.path.replace(/^\.\//, "");
    found.set(path, [...(found.get(path) ?? []), d]);
  }
});

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

const rulesAt = (path: string) => (found.get(path) ?? []).map((d) => d.category);

describe("layering rules the linter enforces", () => {
  it.each([
    ["components/f-gemini.tsx", RESTRICTED, /lib\/client/],
    ["lib/store/f-emulator.ts", RESTRICTED, /Browser code/],
    ["lib/hooks/f-env.ts", RESTRICTED, /Browser code/],
    ["lib/client/f-log.ts", RESTRICTED, /Browser code/],
    ["components/f-db.tsx", RESTRICTED, /database/],
    ["components/f-server-only.tsx", RESTRICTED, /server-only/],
    ["components/f-sdk.tsx", SDK_VALUES, /import type/],
    ["components/f-env.tsx", PROCESS_ENV, /process\.env/i],
    ["lib/run/f-gemini.ts", RESTRICTED, /Isomorphic/],
    ["lib/wire/f-models.ts", RESTRICTED, /lib\/wire imports only/],
    ["lib/wire/f-sdk.ts", SDK_VALUES, /import type/],
    ["lib/prompt/f-wire.ts", RESTRICTED, /lib\/prompt is the document/],
    ["lib/emulator/f-app.ts", RESTRICTED, /knows the wire/],
    ["lib/emulator/native/f-server-only.ts", RESTRICTED, /knows the wire/],
    ["lib/gemini/f-parent.ts", RESTRICTED, /not \.\.\//],
    ["components/chat/f-parent.tsx", RESTRICTED, /not \.\.\//],
  ])("%s breaks a rule and is reported by %s", (path, rule, message) => {
    const diagnostics = found.get(path) ?? [];
    expect(diagnostics.map((d) => d.category)).toContain(rule);
    expect(diagnostics.find((d) => d.category === rule)?.message).toMatch(message);
  });

  it("keeps every server-only module out of browser code", () => {
    expect(serverOnlyModules.length).toBeGreaterThan(10);
    const unguarded = serverOnlyModules.filter(
      (_, i) => !rulesAt(`components/server-only-${i}.tsx`).includes(RESTRICTED),
    );
    expect(unguarded).toEqual([]);
  });

  it("lets each folder import what it is allowed to", () => {
    expect(rulesAt("lib/wire/ok.ts")).toEqual([]);
    expect(rulesAt("lib/emulator/native/ok.ts")).toEqual([]);
    expect(rulesAt("components/ok.tsx")).toEqual([]);
  });

  it("covers every browser folder and the isomorphic core", () => {
    const config = JSON.parse(readFileSync(join(root, "biome.json"), "utf8")) as {
      overrides: { includes: string[] }[];
    };
    const covered = config.overrides.flatMap((o) => o.includes);
    for (const folder of ["components/**", "lib/store/**", "lib/hooks/**", "lib/client/**"]) {
      expect(covered).toContain(folder);
    }
    for (const folder of ["lib/wire/**", "lib/prompt/**", "lib/emulator/**"]) {
      expect(covered).toContain(folder);
    }
  });
});
