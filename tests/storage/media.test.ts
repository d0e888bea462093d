import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "@/lib/auth/person";
import type { Store } from "@/lib/db/database";
import type { SavedDocument } from "@/lib/library/saved-document";
import { savePrompt } from "@/lib/library/server/prompts";
import { saveSnapshot } from "@/lib/library/server/snapshots";
import type { BlobBackend } from "@/lib/media/blob-backend";
import { CHUNK_BYTES, databaseBlobs } from "@/lib/media/database-blobs";
import { startPostgres, type TestPostgres } from "@/tests/support/postgres";
import { storeKinds } from "@/tests/support/stores";

const ada: Person = { name: "Ada", via: "code" };
const HOUR_MS = 3_600_000;

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

const kinds = storeKinds(() => postgres, "media");

/** Writes `bytes` through the backend in pieces of `piece` bytes, as an upload arrives. */
async function store(blobs: BlobBackend, bytes: Buffer, piece = 300_000) {
  const write = await blobs.begin();
  for (let i = 0; i < bytes.length; i += piece) await write.write(bytes.subarray(i, i + piece));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { sha256, added: await write.commit(sha256, "video/mp4") };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of stream) pieces.push(piece);
  return Buffer.concat(pieces);
}

describe.each(Object.entries(kinds))("media in the database on %s", (_dialect, open) => {
  let db: Store;
  let blobs: BlobBackend;
  beforeAll(async () => {
    db = await open();
    blobs = databaseBlobs(async () => db.db);
  });
  afterAll(() => db?.close());

  const chunkRows = async () =>
    (await db.db.selectFrom("blob_chunks").select("upload_id").execute()).length;

  it("keeps a file of several chunks whole, and reads any range across their edges", async () => {
    const file = randomBytes(CHUNK_BYTES * 2 + 12_345);
    const { sha256, added } = await store(blobs, file);
    expect(added).toBe(true);
    expect(await blobs.stat(sha256)).toEqual({
      sha256,
      bytes: file.length,
      mimeType: "video/mp4",
    });
    expect((await blobs.read(sha256)).equals(file)).toBe(true);
    expect((await readAll(blobs.open(sha256))).equals(file)).toBe(true);
    for (const [start, end] of [
      [CHUNK_BYTES - 10, CHUNK_BYTES + 9],
      [0, 0],
      [CHUNK_BYTES * 2, file.length - 1],
      [5, CHUNK_BYTES * 2 + 100],
    ] as const) {
      const part = await readAll(blobs.open(sha256, { start, end }));
      expect(part.equals(file.subarray(start, end + 1))).toBe(true);
    }
  });

  it("stores the same file twice as one, and a cut write leaves nothing", async () => {
    const file = randomBytes(CHUNK_BYTES + 1);
    const before = await chunkRows();
    const first = await store(blobs, file);
    const again = await store(blobs, file, 65_536);
    expect([first.added, again.added]).toEqual([true, false]);
    expect(await chunkRows()).toBe(before + 2);
    expect(await blobs.totalBytes()).toBeGreaterThanOrEqual(file.length);

    const cut = await blobs.begin();
    await cut.write(randomBytes(CHUNK_BYTES + 5));
    await cut.abort();
    expect(await chunkRows()).toBe(before + 2);
  });

  it("answers the files it does not hold, and removes only what stays unused", async () => {
    const { sha256 } = await store(blobs, randomBytes(2048));
    const unknown = "0".repeat(64);
    expect(await blobs.touch([sha256, unknown])).toEqual([unknown]);
    const later = Date.now() + HOUR_MS;
    const unused = [];
    for await (const blob of blobs.unusedSince(later)) unused.push(blob.sha256);
    expect(unused).toContain(sha256);
    expect(await blobs.removeIfUnused(sha256, Date.now() - HOUR_MS)).toBe(0);
    expect(await blobs.removeIfUnused(sha256, later)).toBe(2048);
    expect(await blobs.stat(sha256)).toBeUndefined();
    expect(await blobs.touch([sha256])).toEqual([sha256]);
  });

  it("clears what a crash cut off once it has been idle an hour, never an upload in progress", async () => {
    const stalled = await blobs.begin();
    await stalled.write(randomBytes(CHUNK_BYTES));
    const before = await chunkRows();
    expect(await blobs.removeLeftovers(Date.now() - HOUR_MS)).toBe(0);
    expect(await blobs.removeLeftovers(Date.now() + 1)).toBe(1);
    expect(await chunkRows()).toBe(before - 1);
  });

  it("remembers every file a saved revision or a shared run holds", async () => {
    const image = "a".repeat(64);
    const generated = "b".repeat(64);
    const saved: SavedDocument = {
      kind: "chat",
      document: {
        version: 1,
        model: "gemini-2.5-flash",
        systemInstruction: "",
        contents: [
          {
            role: "user",
            parts: [
              { kind: "text", text: "What is in this picture?" },
              { kind: "media", sha256: image, mimeType: "image/png", name: "cat.png" },
            ],
          },
        ],
        config: {},
        tools: {},
      },
    };
    const { id } = await savePrompt(db, { title: "Cat", description: "", tags: [], saved }, ada);
    await saveSnapshot(
      db,
      id,
      1,
      {
        version: 1,
        kind: "compare",
        runs: { r1: { parts: [{ kind: "media", sha256: generated, mimeType: "image/png" }] } },
        columnRuns: { c1: "r1" },
      },
      ada,
    );
    const kept = await db.db.selectFrom("saved_media").select("sha256").execute();
    expect(kept.map((row) => row.sha256).sort()).toEqual([image, generated]);
  });
});
