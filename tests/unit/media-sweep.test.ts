import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

let blobs: typeof import("@/lib/media/blob-store");
let blobPath: typeof import("@/lib/media/blob-layout").blobPath;
let sweepMedia: typeof import("@/lib/media/sweep").sweepMedia;
let mediaUsage: typeof import("@/lib/media/usage").mediaUsage;
let dataDir: string;

const DAY_MS = 86_400_000;
const RETENTION_MS = 30 * DAY_MS;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "media-sweep-"));
  process.env.PLAYGROUND_DATA_DIR = dataDir;
  process.env.PLAYGROUND_MEDIA_TOTAL_BYTES = String(64 * 1024);
  // The server's own scheduled sweep keeps everything here; the tests sweep with their own period.
  process.env.PLAYGROUND_MEDIA_RETENTION_DAYS = "0";
  blobs = await import("@/lib/media/blob-store");
  ({ blobPath } = await import("@/lib/media/blob-layout"));
  ({ sweepMedia } = await import("@/lib/media/sweep"));
  ({ mediaUsage } = await import("@/lib/media/usage"));
});

/** Store 4 KB of random bytes and pretend it was last used `daysAgo` days ago. */
async function storedDaysAgo(daysAgo: number) {
  const blob = await blobs.putBytes(randomBytes(4096), "image/png");
  const then = new Date(Date.now() - daysAgo * DAY_MS);
  utimesSync(blobPath(blob.sha256), then, then);
  return blob;
}

describe("the retention sweep", () => {
  it("removes blobs unused past the retention period, and keeps every other", async () => {
    const stale = await storedDaysAgo(31);
    const recent = await storedDaysAgo(29);
    const renewed = await storedDaysAgo(40);
    const referenced = await storedDaysAgo(90);
    // A page that opens with a saved draft holding it renews it.
    expect(await blobs.touchBlobs([renewed.sha256, "f".repeat(64)])).toEqual(["f".repeat(64)]);
    const before = (await mediaUsage()).storedBytes;

    const result = await sweepMedia({
      retentionMs: RETENTION_MS,
      isReferenced: (sha256) => sha256 === referenced.sha256,
    });

    expect(result).toMatchObject({ removed: 1, freedBytes: 4096 });
    expect(await blobs.statBlob(stale.sha256)).toBeUndefined();
    expect(existsSync(`${blobPath(stale.sha256)}.json`)).toBe(false);
    for (const kept of [recent, renewed, referenced]) {
      expect(await blobs.statBlob(kept.sha256)).toMatchObject({ bytes: 4096 });
    }
    expect((await mediaUsage()).storedBytes).toBe(before - 4096);
  });

  it("keeps everything when the retention is 0", async () => {
    const ancient = await storedDaysAgo(3650);
    expect((await sweepMedia({ retentionMs: 0 })).removed).toBe(0);
    expect(await blobs.statBlob(ancient.sha256)).toBeDefined();
  });

  it("removes half-written files a crash left behind, not the one being written", async () => {
    const tmp = join(dataDir, "media", "tmp");
    mkdirSync(tmp, { recursive: true });
    const old = join(tmp, "crashed-upload");
    const fresh = join(tmp, "upload-in-progress");
    writeFileSync(old, "partial");
    writeFileSync(fresh, "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);

    const result = await sweepMedia({ retentionMs: RETENTION_MS });
    expect(result.leftovers).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it("marks a blob used when it is served or stored again", async () => {
    const served = await storedDaysAgo(45);
    const { serveMedia } = await import("@/lib/media/serve");
    await serveMedia(new Request(`http://app.test/api/media/${served.sha256}`));
    const again = await storedDaysAgo(45);
    await blobs.putBytes(await blobs.readBlob(again.sha256), "image/png");

    await sweepMedia({ retentionMs: RETENTION_MS });
    expect(await blobs.statBlob(served.sha256)).toBeDefined();
    expect(await blobs.statBlob(again.sha256)).toBeDefined();
  });
});
