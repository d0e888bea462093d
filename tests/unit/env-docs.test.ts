import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * An operator learns the server's settings from the README and `.env.example`; a setting that
 * only the code knows cannot be found. Every variable `lib/env.ts` reads must be in both.
 */
const read = (path: string) => readFileSync(join(process.cwd(), path), "utf8");
const schema = read("lib/env.ts").split("const EnvSchema")[1]?.split("});")[0] ?? "";
const variables = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string);

describe("the server's settings", () => {
  it("are read from the environment", () => {
    expect(variables).toContain("PLAYGROUND_MEDIA_TOTAL_BYTES");
    expect(variables.length).toBeGreaterThan(20);
  });

  it.each(["README.md", ".env.example"])("are each documented in %s", (file) => {
    const text = read(file);
    // The README's table names a per-client variant after its overall setting as `…_PER_CLIENT`.
    const documented = (name: string) =>
      text.includes(name) ||
      (name.endsWith("_PER_CLIENT") && text.includes(name.replace(/_PER_CLIENT$/, "")));
    expect(variables.filter((name) => !documented(name))).toEqual([]);
  });
});
