import { mkdtempSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import type { RunEvent } from "@/lib/run/events";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { server } = setupEmulatorServer();

/** A port nothing listens on: one the system just handed out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
const dataDir = mkdtempSync(join(tmpdir(), "app-client-upstream-"));

/** The app's modules, fresh, configured from the environment as the server configures them. */
async function app(env: Record<string, string | undefined>) {
  vi.resetModules();
  vi.stubEnv("GOOGLE_API_KEY", undefined);
  vi.stubEnv("PLAYGROUND_DATA_DIR", dataDir);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { gemini } = await import("@/lib/gemini/client");
  const { predictImages } = await import("@/lib/gemini/predict-images");
  const { preparePrompt } = await import("@/lib/api/prepare");
  const { openRun } = await import("@/lib/gemini/run");
  const { countTokens } = await import("@/lib/gemini/count-tokens");
  const { listModels } = await import("@/lib/gemini/models");
  return { gemini, predictImages, preparePrompt, openRun, countTokens, listModels };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("where the app's Gemini client sends the key", () => {
  it("ignores a stray GOOGLE_GEMINI_BASE_URL: without GEMINI_BASE_URL it is Google", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (input: string | URL | Request) => {
      urls.push(input instanceof Request ? input.url : String(input));
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    });
    const { gemini, predictImages } = await app({
      GEMINI_API_KEY: "app-key",
      GEMINI_BASE_URL: undefined,
      GOOGLE_GEMINI_BASE_URL: server().url,
    });
    const before = server().log.list().length;
    await expect(
      gemini().ai.models.generateContent({ model: "gemini-2.5-flash", contents: user("hi") }),
    ).rejects.toThrow();
    await expect(
      predictImages(
        { model: "imagen-4.0-fast-generate-001", prompt: "A kite" },
        new AbortController().signal,
      ),
    ).rejects.toThrow();
    expect(urls).toHaveLength(2);
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/generativelanguage\.googleapis\.com\/v1beta\//);
    expect(server().log.list().length).toBe(before);
  });
});

describe("an unreachable GEMINI_BASE_URL", () => {
  it.each([
    ["a closed port", async () => `http://127.0.0.1:${await closedPort()}`],
    ["a name that does not resolve", async () => "http://gemini-gateway.invalid:8443"],
  ])("is explained without its host or port (%s)", async (_, address) => {
    const baseUrl = await address();
    const { host, hostname, port } = new URL(baseUrl);
    const secrets = [host, hostname, `:${port}`];
    const { preparePrompt, openRun, countTokens, listModels } = await app({
      GEMINI_API_KEY: "app-key",
      GEMINI_BASE_URL: baseUrl,
    });
    const doc = {
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ kind: "text", text: "Hello" }] }],
    };
    const messages: string[] = [];

    const models = await listModels().catch((error: AppError) => error);
    expect((models as AppError).body).toMatchObject({ code: "network:gemini" });
    messages.push((models as AppError).body.message);

    // Without a catalogue the model is not vetted: the run goes ahead and fails on its own.
    const { upstream } = await preparePrompt(doc);
    const events: RunEvent[] = [];
    for await (const event of openRun(upstream, {
      requestId: "req-unreachable",
      signal: new AbortController().signal,
    })) {
      events.push(event);
    }
    const error = events.find((e) => e.type === "error");
    if (error?.type !== "error") throw new Error("the run did not fail");
    expect(error.data).toMatchObject({ code: "network:gemini", status: 502, retryable: true });
    messages.push(error.data.message);

    const counted = await countTokens(upstream).catch((e: AppError) => e);
    messages.push((counted as AppError).body.message);

    for (const message of messages) {
      expect(message).toContain("Gemini");
      for (const secret of secrets) expect(message).not.toContain(secret);
    }
  });
});

describe("a token count the caller drops", () => {
  it("ends with the caller's own abort: no error to explain, nothing in the error log", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { preparePrompt, countTokens } = await app({
      GEMINI_API_KEY: "app-key",
      GEMINI_BASE_URL: server().url,
    });
    const { upstream } = await preparePrompt({
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ kind: "text", text: "Hello" }] }],
    });
    const dropped = await countTokens(upstream, { signal: AbortSignal.abort() }).catch(
      (error: unknown) => error,
    );
    expect(dropped).toMatchObject({ name: "AbortError" });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
