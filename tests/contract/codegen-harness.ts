/**
 * What the "Get code" contract tests stand on: the emulator behind a recording proxy; the request
 * Run sends, made by the app's own preparation and run producer pointed at that proxy; and
 * generated programs run for real (node, bash with curl, Apps Script in Node with stand-ins for
 * its services) against the same proxy. Only `*.test.ts` files are collected, so this is not a
 * test itself.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, vi } from "vitest";
import type { GeneratedCode } from "@/lib/codegen/generate";
import { GEMINI_BASE_URL } from "@/lib/codegen/rest-body";
import type { MediaPart, PromptDocInput } from "@/lib/prompt";
import { setupEmulatorServer } from "./emulator-fixture";

const run = promisify(execFile);
const root = process.cwd();
export const API_KEY = "codegen-key";

/** One request as it reached the proxy: its JSON body parsed, any other body by its size. */
export interface SentRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  body: unknown;
}

/**
 * The model calls, the requests compared, through any of the three doors; uploads, file polls
 * and the catalogue are left out.
 */
const MODEL_CALL =
  /\/models\/[^/:]+:(generateContent|streamGenerateContent|predict)\b|\/openai\/chat\/completions$|\/interactions$/;

/**
 * `inlineBytes` is the server's PLAYGROUND_MEDIA_INLINE_BYTES, kept small so a test's "large"
 * file is small too; the code is generated with the same limit.
 */
export function setupCodegenHarness(options: { inlineBytes: number }) {
  const emulator = setupEmulatorServer();
  const sent: SentRequest[] = [];
  let proxy: Server | undefined;
  let proxyUrl = "";
  let app: Awaited<ReturnType<typeof importApp>> | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "codegen-data-"));
  /** Bytes of every stored file by sha256, to write beside generated programs. */
  const stored = new Map<string, Uint8Array>();

  beforeAll(async () => {
    proxy = createServer((req, res) => {
      void forward(req, res, new URL(emulator.server().url), sent);
    });
    await new Promise<void>((resolve) => proxy?.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    vi.stubEnv("GOOGLE_API_KEY", undefined);
    vi.stubEnv("GOOGLE_GEMINI_BASE_URL", undefined);
    vi.stubEnv("GEMINI_API_KEY", API_KEY);
    vi.stubEnv("GEMINI_BASE_URL", proxyUrl);
    vi.stubEnv("PLAYGROUND_DATA_DIR", dataDir);
    vi.stubEnv("PLAYGROUND_MEDIA_INLINE_BYTES", String(options.inlineBytes));
    app = await importApp();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise((resolve) => proxy?.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const current = () => {
    if (!app) throw new Error("the harness has not started");
    return app;
  };

  /** The model calls made while `action` ran. */
  async function record(action: () => Promise<void>): Promise<SentRequest[]> {
    const start = sent.length;
    await action();
    const calls = sent.slice(start).filter((r) => MODEL_CALL.test(r.path));
    return Promise.all(calls.map((call) => withFileHashes(call, emulator.server().url)));
  }

  return {
    /** Stores a file as an upload does and gives the part that references it. */
    async attach(bytes: Uint8Array, mimeType: string, name?: string): Promise<MediaPart> {
      const blob = await current().putBytes(bytes, mimeType);
      stored.set(blob.sha256, bytes);
      return {
        kind: "media",
        sha256: blob.sha256,
        mimeType,
        bytes: bytes.byteLength,
        ...(name && { name }),
      };
    },

    /**
     * What Run sends for the document: `preparePrompt` (model vetted, media inline or uploaded
     * to the Files API) and `openRun`, the producer behind /api/run, which always streams. Not
     * streaming, the same prepared parameters go to the app's client's `generateContent`.
     */
    runSends(doc: PromptDocInput, stream = true): Promise<SentRequest[]> {
      return record(async () => {
        const { preparePrompt, openRun, gemini } = current();
        const { upstream, doc: prepared } = await preparePrompt(doc);
        // The door the run goes through, as /api/run chooses it; the other doors always stream.
        const api = prepared.config.api ?? "gemini";
        if (stream || api !== "gemini" || upstream.method === "generateImages") {
          const signal = new AbortController().signal;
          for await (const event of openRun(upstream, { requestId: "codegen", signal, api })) {
            expect(event.type, JSON.stringify(event)).not.toBe("error");
          }
        } else {
          await gemini().ai.models.generateContent(upstream.params);
        }
      });
    },

    /**
     * Runs a generated program in a fresh folder with the files it reads, Google's host
     * replaced by the proxy, and gives the model calls it made and what it printed.
     */
    async codeSends(
      generated: GeneratedCode,
      runner: "node" | "bash" | "apps-script",
      files: Record<string, string> = {},
    ): Promise<{ sent: SentRequest[]; output: string }> {
      const dir = mkdtempSync(join(tmpdir(), "codegen-run-"));
      let output = "";
      try {
        for (const [sha256, path] of Object.entries(files)) {
          const bytes = stored.get(sha256);
          if (!bytes) throw new Error(`no stored file ${sha256}`);
          mkdirSync(join(dir, path, ".."), { recursive: true });
          writeFileSync(join(dir, path), bytes);
        }
        const code = generated.code.replaceAll(GEMINI_BASE_URL, proxyUrl);
        writeFileSync(join(dir, generated.fileName), code);
        const sentRequests = await record(async () => {
          output = await execute(dir, generated.fileName, runner, proxyUrl);
        });
        return { sent: sentRequests, output };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function importApp() {
  vi.resetModules();
  const { preparePrompt } = await import("@/lib/api/prepare");
  const { openRun } = await import("@/lib/gemini/run");
  const { gemini } = await import("@/lib/gemini/client");
  const { putBytes } = await import("@/lib/media/blob-store");
  return { preparePrompt, openRun, gemini, putBytes };
}

/** A clean environment: the key, and the SDK's own base-URL variable pointing at the proxy. */
async function execute(
  dir: string,
  file: string,
  runner: "node" | "bash" | "apps-script",
  proxyUrl: string,
): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    GEMINI_API_KEY: API_KEY,
    GOOGLE_GEMINI_BASE_URL: proxyUrl,
  };
  const options = { cwd: dir, env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 };
  if (runner === "bash") return (await run("bash", [file], options)).stdout;
  // ES modules resolve packages from node_modules folders above them, not from NODE_PATH.
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  if (runner === "node") return (await run(process.execPath, [file], options)).stdout;
  copyFileSync(
    join(root, "tests/contract/codegen-apps-script-runner.cjs"),
    join(dir, "runner.cjs"),
  );
  return (await run(process.execPath, ["runner.cjs", file], options)).stdout;
}

/** Forwards to the emulator as it came (its Host too, so upload URLs point back here). */
async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: URL,
  sent: SentRequest[],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  sent.push({
    method: req.method ?? "GET",
    path: req.url ?? "/",
    // The Gemini API's header, or OpenAI compatibility's bearer token.
    apiKey: header(req, "x-goog-api-key") ?? header(req, "authorization")?.replace(/^Bearer /, ""),
    body: parseBody(body, header(req, "content-type")),
  });
  // The body is already here: nothing is left to wait for a `100 Continue` on.
  const { expect: _, ...headers } = req.headers;
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...headers, "content-length": String(body.byteLength) },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => res.destroy());
  upstream.end(body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  if (!body.byteLength) return undefined;
  if (contentType?.includes("json")) {
    try {
      return JSON.parse(body.toString("utf8"));
    } catch {
      // Not JSON after all: compared by size like any other bytes.
    }
  }
  return { bytes: body.byteLength };
}

/**
 * A Files API URI names one upload, so Run's and the program's uploads of the same file differ:
 * each is replaced by the sha256 of the bytes the emulator holds under it, which is what must
 * be equal.
 */
async function withFileHashes(call: SentRequest, emulatorUrl: string): Promise<SentRequest> {
  if (call.body === undefined) return call;
  const uris = new Map<string, string>();
  // `fileUri` in a Gemini API body, `uri` in an Interactions API step.
  const isUri = (key: string) => key === "fileUri" || key === "uri";
  JSON.stringify(call.body, (key, value) => {
    if (isUri(key) && typeof value === "string") uris.set(value, value);
    return value;
  });
  for (const uri of uris.keys()) {
    const name = /files\/[^/?]+/.exec(uri)?.[0];
    const response = await fetch(`${emulatorUrl}/v1beta/${name}`, {
      headers: { "x-goog-api-key": API_KEY },
    });
    const file = (await response.json()) as { sha256Hash: string };
    uris.set(uri, `uploaded file with sha256 ${atob(file.sha256Hash)}`);
  }
  const body = JSON.parse(JSON.stringify(call.body), (key, value) =>
    isUri(key) && typeof value === "string" ? uris.get(value) : value,
  );
  return { ...call, body };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Run's model calls and the program's are the same requests: path, key and JSON body. */
export function expectSameRequests(code: SentRequest[], runs: SentRequest[]): void {
  expect(runs.length).toBeGreaterThan(0);
  for (const r of runs) expect(r.apiKey).toBe(API_KEY);
  expect(code).toEqual(runs);
}
