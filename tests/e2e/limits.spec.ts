import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { LIMITED, PORTS } from "./support/ports";
import { APP_URL, emulatorRequests, LIMITED_URL, textDoc, uniqueMarker } from "./support/servers";

/**
 * The server's limits seen from a client: runs at once per client and overall (the limited
 * server: 3 overall, 2 per client), documents too deep or empty refused before Gemini is asked,
 * and a client that leaves mid-upload ending quietly.
 */
const SLOW = "#emulator tokens=2000 rate=100/s";

interface OpenRun {
  response: Response;
  stop(): void;
}

async function openRun(url: string, text: string, client?: string): Promise<OpenRun> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/run`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: url,
      // From loopback, as a reverse proxy on this machine would say who it forwards.
      ...(client && { "x-forwarded-for": client }),
    },
    body: JSON.stringify(textDoc(text)),
    signal: controller.signal,
  });
  return { response, stop: () => controller.abort() };
}

async function refusalOf(run: OpenRun) {
  expect(run.response.headers.get("content-type")).toContain("application/json");
  return ((await run.response.json()) as { error: Record<string, unknown> }).error;
}

/** Runs until one is accepted (a freed slot is given back when the run's events end). */
async function acceptedWithin(ms: number, text: string): Promise<OpenRun> {
  const deadline = Date.now() + ms;
  for (;;) {
    const run = await openRun(LIMITED_URL, text);
    if (run.response.status === 200) return run;
    run.stop();
    if (Date.now() > deadline) throw new Error(`still refused: ${run.response.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test.describe("runs at once", () => {
  test("a client's third run is refused with 429 until one of its two ends", async () => {
    const marker = uniqueMarker("slots");
    const first = await openRun(LIMITED_URL, `${marker} one\n${SLOW}`);
    const second = await openRun(LIMITED_URL, `${marker} two\n${SLOW}`);
    const runs = [first, second];
    try {
      expect(first.response.status).toBe(200);
      expect(second.response.status).toBe(200);

      const third = await openRun(LIMITED_URL, `${marker} three\n${SLOW}`);
      expect(third.response.status).toBe(429);
      expect(Number(third.response.headers.get("retry-after"))).toBeGreaterThan(0);
      const error = await refusalOf(third);
      expect(error).toMatchObject({ code: "limit:runs", status: 429, retryable: true });
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(String(error.message)).toContain(
        `PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT=${LIMITED.maxConcurrentRunsPerClient}`,
      );
      // Refused before its body was read: the emulator never heard of it.
      expect(
        (await emulatorRequests()).some((e) => e.promptExcerpt?.includes(`${marker} three`)),
      ).toBe(false);

      first.stop();
      runs.push(await acceptedWithin(3_000, `${marker} four\n${SLOW}`));
    } finally {
      for (const run of runs) run.stop();
    }
  });

  test("the server's own limit holds across clients, and refusals before the stream give slots back", async () => {
    const marker = uniqueMarker("overall");
    // The test before stopped its runs; on a busy machine the server may take a moment to see
    // them go. Start from a server with every slot free, as this test's counting needs.
    await (await acceptedWithin(5_000, `${marker} settle\n#emulator tokens=5`)).response.text();
    // Refused bodies (bad JSON, a bad document) must not keep their slots.
    for (let i = 0; i < 4; i++) {
      const bad = await fetch(`${LIMITED_URL}/api/run`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: LIMITED_URL },
        body: i % 2 ? "{not json" : JSON.stringify({ model: "gemini-2.5-flash", contents: 3 }),
      });
      expect(bad.status).toBe(400);
    }
    const runs: OpenRun[] = [];
    try {
      for (const client of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
        const run = await openRun(LIMITED_URL, `${marker} ${client}\n${SLOW}`, client);
        runs.push(run);
        expect(run.response.status).toBe(200);
      }
      const fourth = await openRun(LIMITED_URL, `${marker} four\n${SLOW}`, "198.51.100.4");
      expect(fourth.response.status).toBe(429);
      const error = await refusalOf(fourth);
      expect(error.code).toBe("limit:runs");
      expect(String(error.message)).toContain(
        `PLAYGROUND_MAX_CONCURRENT_RUNS=${LIMITED.maxConcurrentRuns}`,
      );
    } finally {
      for (const run of runs) run.stop();
    }
    // All given back once the streams are gone.
    const again = await acceptedWithin(3_000, `${marker} again\n#emulator tokens=20`);
    await again.response.text();
  });
});

test.describe("documents refused before Gemini is asked", () => {
  const post = (body: unknown) =>
    fetch(`${APP_URL}/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_URL },
      body: JSON.stringify(body),
    });

  test("a 3,000-deep response schema is a 400 naming where, and never reaches the emulator", async () => {
    const marker = uniqueMarker("deep");
    let schema: unknown = { type: "string" };
    for (let i = 0; i < 3_000; i++) schema = { type: "array", items: schema };
    const response = await post(
      textDoc(marker, {
        config: { responseMimeType: "application/json", responseSchema: schema },
      }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: Record<string, unknown> };
    expect(error.code).toBe("bad_request:json");
    expect(String(error.field)).toMatch(/^config\.responseSchema\.items\.items\./);
    expect(String(error.message)).toContain("PLAYGROUND_MAX_JSON_DEPTH");
    expect((await emulatorRequests()).some((e) => e.promptExcerpt?.includes(marker))).toBe(false);
  });

  test("a prompt with no messages is a 400 a person understands", async () => {
    for (const contents of [[], [{ role: "user", parts: [] }]]) {
      const response = await post({ model: "gemini-2.5-flash", contents });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: Record<string, unknown> };
      expect(error).toMatchObject({ code: "bad_request:prompt", field: "contents" });
      expect(String(error.message)).toContain("Write a message");
    }
  });
});

test.describe("a client that leaves mid-upload", () => {
  let server: ChildProcess | undefined;
  const output: string[] = [];
  const port = PORTS.limited + 10;
  const url = `http://127.0.0.1:${port}`;

  test.beforeAll(async () => {
    // A server of our own, so its log can be read.
    server = spawn(
      join("node_modules", ".bin", "next"),
      ["start", "-p", String(port), "-H", "127.0.0.1"],
      {
        env: {
          ...process.env,
          GEMINI_API_KEY: "",
          GOOGLE_API_KEY: "",
          GEMINI_BASE_URL: "",
          PLAYGROUND_DATA_DIR: join(tmpdir(), `playground-e2e-${port}`),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    server.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
    server.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const healthy = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) break;
      if (Date.now() > deadline) throw new Error(`no server on ${port}:\n${output.join("")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("is a normal end: no error line, no stack in the server's log", async () => {
    const controller = new AbortController();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        stream.enqueue(encoder.encode(`{"model":"gemini-2.5-flash","title":"${"x".repeat(4096)}`));
        await new Promise((r) => setTimeout(r, 50));
      },
    });
    const sent = fetch(`${url}/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body,
      signal: controller.signal,
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 400));
    controller.abort();
    expect(await sent).toBeInstanceOf(Error);
    await expect
      .poll(() => output.join(""), { timeout: 3_000 })
      .toContain("client closed the request");
    const log = output.join("");
    expect(log).not.toContain('"level":"error"');
    expect(log).not.toContain("unhandled route error");
    expect(log).not.toMatch(/\n\s+at /);
  });
});
