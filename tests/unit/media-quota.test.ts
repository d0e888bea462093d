import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";

/** The real upload path into a store whose quota is 10 KB. */
let storeUpload: typeof import("@/lib/media/upload").storeUpload;
let putBytes: typeof import("@/lib/media/blob-store").putBytes;
let mediaUsage: typeof import("@/lib/media/usage").mediaUsage;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "media-quota-"));
  process.env.PLAYGROUND_DATA_DIR = dataDir;
  process.env.PLAYGROUND_MEDIA_TOTAL_BYTES = String(10 * 1024);
  process.env.PLAYGROUND_MEDIA_RETENTION_DAYS = "30";
  ({ storeUpload } = await import("@/lib/media/upload"));
  ({ putBytes } = await import("@/lib/media/blob-store"));
  ({ mediaUsage } = await import("@/lib/media/usage"));
});

/** A text file of `bytes` random hex characters, sent in 1 KB chunks, with or without a length. */
function upload(name: string, bytes: number, declare: boolean): Request {
  const body = Buffer.from(randomBytes(bytes / 2).toString("hex"));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += 1024) controller.enqueue(body.subarray(i, i + 1024));
      controller.close();
    },
  });
  const headers: Record<string, string> = { "content-type": "text/plain", "x-file-name": name };
  if (declare) headers["content-length"] = String(bytes);
  return new Request("http://app.test/api/media", {
    method: "POST",
    headers,
    body: stream,
    duplex: "half",
  } as RequestInit);
}

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).body;
  }
  throw new Error("the file was stored");
};

const leftovers = () => readdirSync(join(dataDir, "media", "tmp"));

describe("the media store's total quota", () => {
  it("stores files until the quota is reached, then refuses with 507 naming the file and the limit", async () => {
    await storeUpload(upload("a.txt", 4096, true));
    await storeUpload(upload("b.txt", 4096, false));
    expect((await mediaUsage()).storedBytes).toBe(8192);

    const declared = await refusal(storeUpload(upload("c.txt", 4096, true)));
    expect(declared).toMatchObject({ status: 507, code: "storage_full" });
    expect(declared.message).toBe(
      "c.txt can't be attached. The server's media storage is full: 2 KB of its 10 KB is free (PLAYGROUND_MEDIA_TOTAL_BYTES), not enough for this file. Files nobody has used for 30 days are removed on their own; to make room sooner, ask the server's owner to raise the quota.",
    );
    // Without a declared length it is refused as its bytes pass the quota, leaving nothing behind.
    const streamed = await refusal(storeUpload(upload("d.txt", 4096, false)));
    expect(streamed.code).toBe("storage_full");
    expect(leftovers()).toEqual([]);
    expect((await mediaUsage()).storedBytes).toBe(8192);
  });

  it("counts uploads in progress, so two at once cannot share the same free room", async () => {
    const results = await Promise.allSettled([
      storeUpload(upload("e.txt", 1536, true)),
      storeUpload(upload("f.txt", 1536, true)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await mediaUsage()).storedBytes).toBe(8192 + 1536);
  });

  it("refuses generated media past the quota too, and stores nothing of it", async () => {
    const error = await refusal(putBytes(randomBytes(2048), "image/png"));
    expect(error.code).toBe("storage_full");
    expect((await mediaUsage()).storedBytes).toBe(8192 + 1536);
  });
});

describe("measuring the store again", () => {
  it("takes the new figure, unless a write ended while it was being measured", async () => {
    const { MediaUsage } = await import("@/lib/media/usage");
    const usage = new MediaUsage(10_000, 1_000, 30);
    await usage.remeasure(async () => 4_000);
    expect(usage.storedBytes).toBe(4_000);

    const claim = usage.claim();
    claim.ensure(500);
    await usage.remeasure(async () => {
      // The write lands after the folder was read: the figure would lose its 500 bytes.
      claim.settle(true);
      return 4_000;
    });
    expect(usage.storedBytes).toBe(4_500);
  });
});
