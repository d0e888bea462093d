import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { LIMITED, PORTS } from "./support/ports";
import { openWithDraft } from "./support/saved-draft";
import { LIMITED_URL } from "./support/servers";

/**
 * The media store as the limited server runs it: a 1 MB quota, blobs unused for 6 seconds swept,
 * and uploads that stop arriving for 2 seconds cut off (playwright.config.ts).
 */
const TMP_DIR = join(tmpdir(), `playground-e2e-${PORTS.limited}`, "media", "tmp");

/**
 * Half-written files. A server stopped mid-upload by an earlier run may have left some, and the
 * sweep removes those once they are an hour old: a test looks only for files its upload added.
 */
const halfWritten = () => (existsSync(TMP_DIR) ? readdirSync(TMP_DIR) : []);

async function upload(name: string, bytes: Uint8Array) {
  const response = await fetch(`${LIMITED_URL}/api/media`, {
    method: "POST",
    headers: { "content-type": "text/plain", "x-file-name": name, origin: LIMITED_URL },
    body: new Uint8Array(bytes),
  });
  const json = (await response.json()) as { sha256?: string; error?: Record<string, unknown> };
  return { status: response.status, ...json };
}

async function keep(sha256: string[]) {
  const response = await fetch(`${LIMITED_URL}/api/media/keep`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: LIMITED_URL },
    body: JSON.stringify({ sha256 }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { missing: string[]; retentionDays: number };
}

const text = (bytes: number) => new TextEncoder().encode(randomBytes(bytes / 2).toString("hex"));

interface RawExchange {
  /** Everything the server sent back before it closed the connection. */
  answer: string;
  /** When the answer began. */
  answeredAfterMs: number;
}

/**
 * An upload over a raw socket: the headers promise `declared` bytes, then `send` writes what it
 * likes, and the server must answer and close the connection within `timeoutMs` (Node alone
 * would wait five minutes for the rest of the body).
 */
function rawUpload(
  declared: number,
  send: (write: (bytes: string) => void) => void,
  timeoutMs = 15_000,
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(PORTS.limited, "127.0.0.1");
    let answer = "";
    let answeredAfterMs = -1;
    const give = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${timeoutMs} ms; so far: ${answer.slice(0, 200)}`));
    }, timeoutMs);
    socket.on("connect", () => {
      socket.write(
        [
          "POST /api/media HTTP/1.1",
          `Host: 127.0.0.1:${PORTS.limited}`,
          `Origin: ${LIMITED_URL}`,
          "Content-Type: text/plain",
          "X-File-Name: slow.txt",
          `Content-Length: ${declared}`,
          "",
          "",
        ].join("\r\n"),
      );
      send((bytes) => {
        if (!socket.destroyed) socket.write(bytes);
      });
    });
    socket.on("data", (data) => {
      if (answeredAfterMs < 0) answeredAfterMs = Date.now() - started;
      answer += data.toString();
    });
    socket.on("close", () => {
      clearTimeout(give);
      resolve({ answer, answeredAfterMs });
    });
    socket.on("error", () => {});
  });
}

test.describe("an upload that stops arriving", () => {
  test("is cut off with 408 after the idle window, the connection closed and nothing left on disk", async () => {
    const before = halfWritten();
    const exchange = await rawUpload(100_000, (write) => write("x".repeat(100)));
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.answer).toContain('"code":"timeout:upload"');
    expect(exchange.answer).toContain("The upload of slow.txt stopped arriving");
    expect(exchange.answeredAfterMs).toBeGreaterThanOrEqual(LIMITED.uploadIdleSeconds * 1000);
    expect(halfWritten().filter((file) => !before.includes(file))).toEqual([]);
  });

  test("is cut off when it trickles a byte at a time, though it never goes silent", async () => {
    const before = halfWritten();
    let sender: ReturnType<typeof setInterval> | undefined;
    const exchange = await rawUpload(100_000, (write) => {
      sender = setInterval(() => write("x"), 200);
    });
    clearInterval(sender);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(halfWritten().filter((file) => !before.includes(file))).toEqual([]);
  });
});

test("a client's uploads at once are limited; a stalled one gives its slot back when cut off", async () => {
  const stalled = [1, 2].map(() => rawUpload(100_000, (write) => write("x".repeat(100))));
  const small = text(2048);
  await expect
    .poll(async () => (await upload("third.txt", small)).status, { timeout: 5_000 })
    .toBe(429);
  const refused = await upload("third.txt", small);
  expect(refused.error).toMatchObject({ code: "limit:uploads", retryable: true });
  expect(String(refused.error?.message)).toContain(
    `PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT=${LIMITED.maxConcurrentUploadsPerClient}`,
  );
  for (const exchange of await Promise.all(stalled)) expect(exchange.answer).toMatch(/ 408 /);
  expect((await upload("third.txt", small)).status).toBe(201);
});

test("the media quota refuses with 507 until the retention sweep frees room; a kept file stays", async () => {
  test.setTimeout(60_000);
  const kept = await upload("kept.txt", text(1024));
  const first = await upload("first.txt", text(600 * 1024));
  expect(kept.status).toBe(201);
  expect(first.status).toBe(201);

  const refused = await upload("second.txt", text(600 * 1024));
  expect(refused.status).toBe(507);
  expect(refused.error).toMatchObject({ code: "storage_full", retryable: false });
  expect(String(refused.error?.message)).toMatch(
    /^second\.txt can't be attached\. The server's media storage is full: .* of its 1 MB is free \(PLAYGROUND_MEDIA_TOTAL_BYTES\)/,
  );

  // Nobody uses first.txt; a page holding kept.txt keeps saying so.
  const second = text(600 * 1024);
  let stored: Awaited<ReturnType<typeof upload>> | undefined;
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    expect((await keep([kept.sha256 as string])).missing).toEqual([]);
    stored = await upload("second.txt", second);
    if (stored.status === 201) break;
    expect(stored.status).toBe(507);
    await new Promise((r) => setTimeout(r, 1000));
  }
  expect(stored?.status).toBe(201);
  const after = await keep([kept.sha256 as string, first.sha256 as string]);
  expect(after.missing).toEqual([first.sha256]);
  expect(after.retentionDays).toBeCloseTo(LIMITED.mediaRetentionSeconds / 86_400);
});

test("a saved draft whose file the server no longer holds says so when the page opens", async ({
  page,
}) => {
  const gone = { kind: "media" as const, sha256: "ab".repeat(32), mimeType: "image/png" };
  await openWithDraft(
    page,
    {
      contents: [
        { role: "user", parts: [{ ...gone, sha256: "cd".repeat(32), name: "old-chart.png" }] },
      ],
    },
    { attachments: [{ ...gone, name: "photo.png", bytes: 2048 }] },
  );
  const ui = chat(page);
  await expect(ui.alert.filter({ hasText: "photo.png" })).toHaveText(
    "photo.png is no longer stored on the server (files nobody uses for 30 days are removed). Remove it and attach it again.",
  );
  await expect(ui.alert.filter({ hasText: "old-chart.png" })).toContainText(
    "old-chart.png is no longer stored on the server",
  );
});
