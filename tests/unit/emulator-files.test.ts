import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";
import { fileResource } from "@/lib/emulator/files/file-resource";
import { FILE_TTL_MS, FileStore, fileIdFromUri } from "@/lib/emulator/files/file-store";

const ORIGIN = "http://emulator.test";

function clock(start = Date.UTC(2026, 0, 2, 3, 4, 5)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function storeFile(store: FileStore, text: string, meta: { id?: string } = {}) {
  const session = store.startUpload({
    ...meta,
    mimeType: "text/plain",
    uriBase: `${ORIGIN}/v1beta/files/`,
  });
  session.append(new TextEncoder().encode(text));
  return store.finalize(session);
}

describe("file store", () => {
  it("keeps uploads as Gemini's File resource, PROCESSING then ACTIVE", async () => {
    const time = clock();
    const store = new FileStore({ processingMs: 500, now: time.now });
    const file = await storeFile(store, "abc");
    expect(file.id).toMatch(/^[a-z0-9]{12}$/);
    const processing = fileResource(file, store);
    expect(processing).toEqual({
      name: `files/${file.id}`,
      mimeType: "text/plain",
      sizeBytes: "3",
      createTime: "2026-01-02T03:04:05.000000Z",
      updateTime: "2026-01-02T03:04:05.000000Z",
      expirationTime: "2026-01-04T03:04:05.000000Z",
      // base64 of the hex digest of "abc", the encoding Gemini uses
      sha256Hash: btoa("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      uri: `${ORIGIN}/v1beta/files/${file.id}`,
      state: "PROCESSING",
      source: "UPLOADED",
    });
    time.advance(500);
    expect(fileResource(file, store)).toMatchObject({
      state: "ACTIVE",
      updateTime: "2026-01-02T03:04:05.500000Z",
    });
  });

  it("forgets files 48 hours after creation", async () => {
    const time = clock();
    const store = new FileStore({ now: time.now });
    const file = await storeFile(store, "x");
    time.advance(FILE_TTL_MS - 1);
    expect(store.get(file.id)).toBeDefined();
    time.advance(1);
    expect(store.get(file.id)).toBeUndefined();
    expect(store.list(null, null).files).toEqual([]);
  });

  it("pages newest first and survives a deletion between pages", async () => {
    const store = new FileStore();
    const files = [];
    for (const text of ["a", "b", "c", "d", "e"]) files.push(await storeFile(store, text));
    const first = store.list("2", null);
    expect(first.files.map((f) => f.id)).toEqual([files[4]?.id, files[3]?.id]);
    store.delete(files[2]?.id ?? "");
    const second = store.list("2", first.nextPageToken ?? null);
    expect(second.files.map((f) => f.id)).toEqual([files[1]?.id, files[0]?.id]);
    expect(second.nextPageToken).toBeUndefined();
    expect(() => store.list("2", "bogus")).toThrow("Invalid page token.");
  });

  it("takes a client-chosen id once, and checks its form", async () => {
    const store = new FileStore();
    await storeFile(store, "x", { id: "my-notes-1" });
    expect(() => store.startUpload({ id: "my-notes-1", mimeType: "x/y", uriBase: "" })).toThrow(
      "File files/my-notes-1 already exists.",
    );
    expect(() => store.startUpload({ id: "-Bad", mimeType: "x/y", uriBase: "" })).toThrow(
      "Invalid file name: files/-Bad.",
    );
  });

  it("refuses bytes past the declared length and can rewind a chunk", () => {
    const store = new FileStore();
    const session = store.startUpload({ mimeType: "x/y", declaredBytes: 4, uriBase: "" });
    expect(session.append(new Uint8Array([1, 2, 3]))).toBe(true);
    expect(session.append(new Uint8Array([4, 5]))).toBe(false);
    expect(session.received).toBe(3);
    session.rewind(1);
    expect(session.append(new Uint8Array([9, 9, 9]))).toBe(true);
    expect([...session.bytes()]).toEqual([1, 9, 9, 9]);
  });

  it("keeps a declared upload in one buffer of exactly its size", () => {
    const store = new FileStore();
    const session = store.startUpload({ mimeType: "x/y", declaredBytes: 300_000, uriBase: "" });
    const chunk = new Uint8Array(100_000).fill(7);
    for (let i = 0; i < 3; i++) session.append(chunk);
    const bytes = session.bytes();
    expect(bytes.byteLength).toBe(300_000);
    // The very buffer the chunks were copied into, not a copy of it.
    expect(bytes.buffer.byteLength).toBe(300_000);
    expect(session.bytes()).toBe(bytes);
  });

  it("grows an undeclared upload by doubling", () => {
    const store = new FileStore();
    const session = store.startUpload({ mimeType: "x/y", uriBase: "" });
    for (let i = 0; i < 5; i++) session.append(new Uint8Array(50_000).fill(i));
    const bytes = session.bytes();
    expect(bytes.byteLength).toBe(250_000);
    expect([bytes[0], bytes[50_000], bytes[249_999]]).toEqual([0, 1, 4]);
  });

  it("finds file ids in URIs and names", () => {
    expect(fileIdFromUri("https://generativelanguage.googleapis.com/v1beta/files/abc123")).toBe(
      "abc123",
    );
    expect(fileIdFromUri("files/abc-1")).toBe("abc-1");
    expect(fileIdFromUri("https://www.youtube.com/watch?v=x")).toBeUndefined();
  });
});

describe("resumable upload protocol (in process, under a mount prefix)", () => {
  const mount = `${ORIGIN}/api/emulator`;

  async function start(emulator: ReturnType<typeof createEmulator>, size: number) {
    const response = await emulator(
      new Request(`${mount}/upload/v1beta/files`, {
        method: "POST",
        headers: {
          "x-goog-api-key": "k",
          "content-type": "application/json",
          "x-goog-upload-protocol": "resumable",
          "x-goog-upload-command": "start",
          "x-goog-upload-header-content-length": String(size),
          "x-goog-upload-header-content-type": "text/plain",
        },
        body: JSON.stringify({ file: { displayName: "notes.txt" } }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-goog-upload-status")).toBe("active");
    return response.headers.get("x-goog-upload-url") ?? "";
  }

  const send = (
    emulator: ReturnType<typeof createEmulator>,
    url: string,
    command: string,
    body?: string,
    offset?: number,
  ) =>
    emulator(
      new Request(url, {
        method: "POST",
        headers: {
          "x-goog-upload-command": command,
          ...(offset !== undefined && { "x-goog-upload-offset": String(offset) }),
        },
        body,
      }),
    );

  it("hands out an upload URL through the mount and finalizes without a key", async () => {
    const emulator = createEmulator({ fileProcessingMs: 0 });
    const url = await start(emulator, 10);
    expect(url).toMatch(
      /^http:\/\/emulator\.test\/api\/emulator\/upload\/v1beta\/files\?upload_id=[\w-]+&upload_protocol=resumable$/,
    );
    const first = await send(emulator, url, "upload", "hello", 0);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-goog-upload-status")).toBe("active");
    expect(first.headers.get("x-goog-upload-size-received")).toBe("5");
    const last = await send(emulator, url, "upload, finalize", "world", 5);
    expect(last.headers.get("x-goog-upload-status")).toBe("final");
    const { file } = await last.json();
    expect(file).toMatchObject({
      displayName: "notes.txt",
      mimeType: "text/plain",
      sizeBytes: "10",
      state: "ACTIVE",
    });
    expect(file.uri).toBe(`${mount}/v1beta/files/${file.name.slice(6)}`);
    // The session is gone once the file exists.
    expect((await send(emulator, url, "query")).status).toBe(404);
  });

  it("refuses a wrong offset, reports what it has, and lets the client resume", async () => {
    const emulator = createEmulator();
    const url = await start(emulator, 6);
    await send(emulator, url, "upload", "abc", 0);
    const wrong = await send(emulator, url, "upload", "def", 1);
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await wrong.text()).toMatch(
      /^Invalid request\. {2}X-Goog-Upload-Offset is 1, but 3 bytes/,
    );
    const query = await send(emulator, url, "query");
    expect(query.headers.get("x-goog-upload-size-received")).toBe("3");
    expect((await send(emulator, url, "upload, finalize", "def", 3)).status).toBe(200);
  });

  it("refuses more bytes than declared and a finalize that comes short", async () => {
    const emulator = createEmulator();
    const url = await start(emulator, 4);
    const over = await send(emulator, url, "upload", "12345", 0);
    expect(over.status).toBe(400);
    expect(over.headers.get("x-goog-upload-size-received")).toBe("0");
    const short = await send(emulator, url, "upload, finalize", "12", 0);
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Finalized after 2 bytes, but 4 were declared");
  });

  it("cancels a session and answers 404 for unknown ones", async () => {
    const emulator = createEmulator();
    const url = await start(emulator, 4);
    const cancel = await send(emulator, url, "cancel");
    expect(cancel.headers.get("x-goog-upload-status")).toBe("cancelled");
    expect((await send(emulator, url, "upload", "1234", 0)).status).toBe(404);
  });

  it("needs a key to start and a resumable protocol", async () => {
    const emulator = createEmulator();
    const noKey = await emulator(new Request(`${mount}/upload/v1beta/files`, { method: "POST" }));
    expect(noKey.status).toBe(403);
    const multipart = await emulator(
      new Request(`${mount}/upload/v1/files`, {
        method: "POST",
        headers: { "x-goog-api-key": "k", "x-goog-upload-protocol": "multipart" },
        body: "{}",
      }),
    );
    expect(multipart.status).toBe(400);
    expect((await multipart.json()).error.status).toBe("INVALID_ARGUMENT");
  });
});
