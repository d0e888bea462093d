import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";

/** The real upload path: a Request's body streamed into a blob store in a temporary directory. */
let storeUpload: typeof import("@/lib/media/upload").storeUpload;
let serveMedia: typeof import("@/lib/media/serve").serveMedia;

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(join(tmpdir(), "media-test-"));
  process.env.PLAYGROUND_MEDIA_MAX_BYTES = String(64 * 1024);
  ({ storeUpload } = await import("@/lib/media/upload"));
  ({ serveMedia } = await import("@/lib/media/serve"));
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 7),
]);

function upload(body: Uint8Array, type: string, name: string, chunkSize = 1000): Request {
  // Several chunks, as a network delivers them: checks must hold across chunk borders.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += chunkSize)
        controller.enqueue(body.slice(i, i + chunkSize));
      controller.close();
    },
  });
  return new Request("http://app.test/api/media", {
    method: "POST",
    headers: { "content-type": type, "x-file-name": encodeURIComponent(name) },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

const refusal = async (request: Request) => {
  try {
    await storeUpload(request);
  } catch (error) {
    return (error as AppError).body;
  }
  throw new Error("the upload was accepted");
};

describe("POST /api/media", () => {
  it("stores a file by its sha256 and serves the same bytes back", async () => {
    const stored = await storeUpload(upload(PNG, "image/png", "dot.png", 7));
    expect(stored).toEqual({
      sha256: createHash("sha256").update(PNG).digest("hex"),
      mimeType: "image/png",
      bytes: PNG.length,
      name: "dot.png",
    });
    const response = await serveMedia(new Request(`http://app.test/api/media/${stored.sha256}`));
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);

    const part = await serveMedia(
      new Request(`http://app.test/api/media/${stored.sha256}`, {
        headers: { range: "bytes=1-3" },
      }),
    );
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("PNG");
  });

  it("serves stored text as plain text, never as a page", async () => {
    const html = Buffer.from("<script>alert(1)</script>");
    const stored = await storeUpload(upload(html, "text/html", "page.html"));
    const response = await serveMedia(new Request(`http://app.test/api/media/${stored.sha256}`));
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("refuses a type Gemini does not read, naming the file", async () => {
    const body = await refusal(upload(Buffer.from("BM...."), "image/bmp", "old.bmp"));
    expect(body.status).toBe(415);
    expect(body.message).toMatch(/^old\.bmp can't be attached: "image\/bmp" is not a file type/);
  });

  it("refuses a file over the limit while it streams, even without a Content-Length", async () => {
    const big = Buffer.concat([Buffer.from("%PDF-1.7"), Buffer.alloc(70 * 1024)]);
    const body = await refusal(upload(big, "application/pdf", "big.pdf", 8192));
    expect(body.status).toBe(413);
    expect(body.message).toContain("big.pdf is larger than this server accepts (64 KB)");
  });

  it("refuses content that does not match its type", async () => {
    const png = await refusal(upload(Buffer.from("definitely not an image"), "image/png", "x.png"));
    expect(png.message).toBe(
      "x.png can't be attached: its content is not a PNG image (the file may be damaged or renamed).",
    );
    const text = await refusal(
      upload(Buffer.from([0x68, 0xc3, 0x28, 0x69]), "text/plain", "notes.txt"),
    );
    expect(text.message).toContain("not UTF-8 text");
    const tiny = await refusal(upload(Buffer.from([0x89, 0x50]), "image/png", "cut.png"));
    expect(tiny.message).toContain("not a PNG image");
  });

  it("answers 404 for a hash it does not hold", async () => {
    await expect(
      serveMedia(new Request(`http://app.test/api/media/${"0".repeat(64)}`)),
    ).rejects.toMatchObject({
      body: { status: 404, code: "media_missing" },
    });
  });
});
