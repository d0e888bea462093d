import { createHash } from "node:crypto";
import { createPartFromUri, GoogleGenAI } from "@google/genai";
import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";
import { errorBody, setupEmulatorServer } from "./emulator-fixture";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A second of 16 kHz mono 16-bit silence as a WAV file. */
function wavSecond(): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(44 + 32_000);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode("RIFF"), 0);
  view.setUint32(4, out.length - 8, true);
  out.set(new TextEncoder().encode("WAVEfmt "), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  out.set(new TextEncoder().encode("data"), 36);
  view.setUint32(40, 32_000, true);
  return out;
}

async function waitUntilActive(ai: GoogleGenAI, name: string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const file = await ai.files.get({ name });
    if (file.state === "ACTIVE") return file;
    if (Date.now() > deadline) throw new Error(`${name} still ${file.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("files.upload, get and delete through @google/genai", () => {
  const { client, server } = setupEmulatorServer({ fileProcessingMs: 300 });

  it("uploads a Blob in the SDK's 8 MiB chunks and returns Gemini's File", async () => {
    const bytes = new Uint8Array(9 * 1024 * 1024 + 7).map((_, i) => (i * 31) % 256);
    const before = server().log.list().length;
    const started = Date.now();
    const file = await client().files.upload({
      file: new Blob([bytes], { type: "video/mp4" }),
      config: { displayName: "clip.mp4" },
    });
    const requests = server().log.list().slice(before);
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /upload/v1beta/files 200",
      "POST /upload/v1beta/files 200",
      "POST /upload/v1beta/files 200",
    ]);
    const id = file.name?.slice("files/".length) ?? "";
    expect(file.name).toMatch(/^files\/[a-z0-9]{12}$/);
    expect(file).toMatchObject({
      displayName: "clip.mp4",
      mimeType: "video/mp4",
      sizeBytes: String(bytes.length),
      state: "PROCESSING",
      source: "UPLOADED",
      uri: `${server().url}/v1beta/files/${id}`,
      sha256Hash: Buffer.from(sha256(bytes)).toString("base64"),
    });
    const created = Date.parse(file.createTime ?? "");
    expect(created).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(file.expirationTime ?? "") - created).toBe(48 * 3600 * 1000);
  });

  it("turns a file ACTIVE after the processing delay", async () => {
    const ai = client();
    const started = Date.now();
    const file = await ai.files.upload({ file: new Blob(["hello"], { type: "text/plain" }) });
    expect((await ai.files.get({ name: file.name ?? "" })).state).toBe("PROCESSING");
    const active = await waitUntilActive(ai, file.name ?? "");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.parse(active.updateTime ?? "")).toBeGreaterThan(
      Date.parse(active.createTime ?? ""),
    );
  });

  it("serves the same file on /v1", async () => {
    const file = await client().files.upload({ file: new Blob(["v1"], { type: "text/plain" }) });
    const got = await client("v1").files.get({ name: file.name ?? "" });
    expect(got.sha256Hash).toBe(file.sha256Hash);
  });

  it("deletes a file, after which get is Google's 403", async () => {
    const ai = client();
    const file = await ai.files.upload({ file: new Blob(["bye"], { type: "text/plain" }) });
    await ai.files.delete({ name: file.name ?? "" });
    const id = file.name?.slice(6);
    const error = await ai.files.get({ name: file.name ?? "" }).catch((e: unknown) => e);
    expect(errorBody(error)).toEqual({
      error: {
        code: 403,
        message: `You do not have permission to access the File ${id} or it may not exist.`,
        status: "PERMISSION_DENIED",
      },
    });
    const again = await ai.files.delete({ name: file.name ?? "" }).catch((e: unknown) => e);
    expect(errorBody(again).error.code).toBe(403);
  });
});

describe("files.list through @google/genai", () => {
  const { client } = setupEmulatorServer({ fileProcessingMs: 0 });

  it("pages newest first with pageSize and nextPageToken", async () => {
    const ai = client();
    const names: string[] = [];
    for (const text of ["one", "two", "three", "four", "five"]) {
      const file = await ai.files.upload({ file: new Blob([text], { type: "text/plain" }) });
      names.push(file.name ?? "");
    }
    const pager = await ai.files.list({ config: { pageSize: 2 } });
    expect(pager.page.map((f) => f.name)).toEqual([names[4], names[3]]);
    expect(pager.hasNextPage()).toBe(true);
    const seen: string[] = [];
    for await (const file of pager) seen.push(file.name ?? "");
    expect(seen).toEqual([...names].reverse());
  });
});

describe("fileData parts in generateContent", () => {
  const slow = setupEmulatorServer({ fileProcessingMs: 60_000 });
  const quick = setupEmulatorServer({ fileProcessingMs: 0 });

  it("refuses a file that is still PROCESSING with FAILED_PRECONDITION", async () => {
    const ai = slow.client();
    const file = await ai.files.upload({ file: new Blob([wavSecond()], { type: "audio/wav" }) });
    const error = await ai.models
      .generateContent({
        model: "gemini-2.5-flash",
        contents: [createPartFromUri(file.uri ?? "", "audio/wav"), "Transcribe this."],
      })
      .catch((e: unknown) => e);
    expect(errorBody(error)).toEqual({
      error: {
        code: 400,
        message: `The File ${file.name?.slice(6)} is not in an ACTIVE state and usage is not allowed.`,
        status: "FAILED_PRECONDITION",
      },
    });
  });

  it("describes an ACTIVE file with its hash, length and name", async () => {
    const ai = quick.client();
    const wav = wavSecond();
    const file = await ai.files.upload({ file: new Blob([wav], { type: "audio/wav" }) });
    const response = await ai.models.generateContent({
      model: "gemini-2.5-flash",
      contents: [createPartFromUri(file.uri ?? "", "audio/wav"), "Transcribe this."],
    });
    expect(response.text).toContain(
      `- Media 1: audio/wav, 32044 bytes, sha256 ${sha256(wav).slice(0, 12)}, 1.00 s, file ${file.name}`,
    );
    // 32 tokens per second of audio, and countTokens agrees with the generation.
    expect(response.usageMetadata?.promptTokensDetails).toContainEqual({
      modality: "AUDIO",
      tokenCount: 32,
    });
    const counted = await ai.models.countTokens({
      model: "gemini-2.5-flash",
      contents: [createPartFromUri(file.uri ?? "", "audio/wav"), "Transcribe this."],
    });
    expect(counted.totalTokens).toBe(response.usageMetadata?.promptTokenCount);
  });

  it("answers Google's 403 for a deleted file", async () => {
    const ai = quick.client();
    const file = await ai.files.upload({ file: new Blob(["gone"], { type: "text/plain" }) });
    await ai.files.delete({ name: file.name ?? "" });
    const error = await ai.models
      .generateContent({
        model: "gemini-2.5-flash",
        contents: [createPartFromUri(file.uri ?? "", "text/plain"), "Summarise."],
      })
      .catch((e: unknown) => e);
    expect(errorBody(error).error).toMatchObject({ code: 403, status: "PERMISSION_DENIED" });
  });
});

describe("files in process, as offline mode mounts the emulator", () => {
  it("uploads through httpOptions.fetch and describes the file in a generation", async () => {
    const emulator = createEmulator({ fileProcessingMs: 0 });
    const ai = new GoogleGenAI({
      apiKey: "offline",
      httpOptions: {
        baseUrl: "http://emulator.invalid",
        apiVersion: "v1beta",
        fetch: (url, init) => emulator(new Request(url, init)),
      },
    });
    const wav = wavSecond();
    const file = await ai.files.upload({ file: new Blob([wav], { type: "audio/wav" }) });
    expect(file.uri).toBe(`http://emulator.invalid/v1beta/files/${file.name?.slice(6)}`);
    const response = await ai.models.generateContent({
      model: "gemini-2.5-flash",
      contents: [createPartFromUri(file.uri ?? "", "audio/wav"), "What is this?"],
    });
    expect(response.text).toContain(
      `sha256 ${sha256(wav).slice(0, 12)}, 1.00 s, file ${file.name}`,
    );
  });
});
