import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/sqlite-driver";

const dir = mkdtempSync(join(tmpdir(), "sqlite-driver-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pragma = (db: ReturnType<typeof openSqlite>, name: string) =>
  db.prepare(`PRAGMA ${name}`).all([])[0];

describe("the SQLite connection", () => {
  it("writes ahead, waits for another writer, checks references and commits without an fsync", () => {
    const db = openSqlite(join(dir, "playground.sqlite"));
    try {
      expect(pragma(db, "journal_mode")).toEqual({ journal_mode: "wal" });
      expect(pragma(db, "busy_timeout")).toEqual({ timeout: 5000 });
      expect(pragma(db, "foreign_keys")).toEqual({ foreign_keys: 1 });
      // NORMAL (1): a commit does not wait for the disk; only a checkpoint does.
      expect(pragma(db, "synchronous")).toEqual({ synchronous: 1 });
    } finally {
      db.close();
    }
  });
});
