import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * "Run in background" by the app's own server code against the emulator in this process, with a
 * real SQLite database: the run goes on without a page, a page reads it from any event on, Stop
 * cancels it at Google, and a server that goes away mid-run leaves it to the next, which resumes
 * the interaction's stream from the last event written and loses or repeats nothing.
 */
const saved = { ...process.env };
delete process.env.GEMINI_API_KEY;
delete process.env.GOOGLE_API_KEY;
delete process.env.GEMINI_BASE_URL;
delete process.env.DATABASE_URL;
process.env.PLAYGROUND_DATA_DIR = mkdtempSync(join(tmpdir(), "background-runs-"));
process.env.PLAYGROUND_BACKGROUND_LEASE_SECONDS = "1";

const { preparePrompt } = await import("@/lib/api/prepare");
const { startBackgroundRun } = await import("@/lib/background/server/start");
const { watchJob } = await import("@/lib/background/server/watch");
const { cancelBackgroundRun, listBackgroundRuns, ownJob } = await import(
  "@/lib/background/server/runs"
);
const { stopFollowing, startFollowing } = await import("@/lib/background/server/follower");
const { findJob } = await import("@/lib/background/server/jobs");
const { openRun } = await import("@/lib/gemini/run");
const { offlineEmulator } = await import("@/lib/gemini/offline");
const { store } = await import("@/lib/db/store");
const { listRuns } = await import("@/lib/history/server/list");
const { foldRunActions, initialRunState } = await import("@/lib/run/reducer");

afterAll(() => {
  stopFollowing();
  process.env = saved;
});

type RunEvent = import("@/lib/run/events").RunEvent;
type RunState = import("@/lib/run/reducer").RunState;

const ada = { name: "Ada", via: "code" as const };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function prepared(text: string, background = true) {
  return preparePrompt({
    model: "gemini-2.5-flash",
    contents: [{ role: "user", parts: [{ kind: "text", text }] }],
    config: { api: "interactions", ...(background && { background: true }) },
  });
}

async function start(text: string): Promise<string> {
  const { doc, upstream } = await prepared(text);
  if (upstream.method !== "generateContent") throw new Error("not a generateContent request");
  return startBackgroundRun(upstream.params, doc, ada, { requestId: "req-background" });
}

async function watch(id: string, from = 0, take = Number.POSITIVE_INFINITY) {
  const events: RunEvent[] = [];
  for await (const event of watchJob(id, from, new AbortController().signal)) {
    events.push(event);
    if (events.length >= take) break;
  }
  return events;
}

const fold = (events: RunEvent[]) => foldRunActions(initialRunState(), events);
const text = (state: RunState) =>
  state.parts
    .filter((p) => p.kind === "text")
    .map((p) => (p as { text: string }).text)
    .join("");

async function foreground(prompt: string) {
  const { upstream } = await prepared(prompt, false);
  const events: RunEvent[] = [];
  for await (const event of openRun(upstream, {
    requestId: "req-foreground",
    signal: new AbortController().signal,
    api: "interactions",
  })) {
    events.push(event);
  }
  return fold(events);
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

describe("Deep Research", () => {
  const research = (config: Record<string, unknown>) => ({
    model: "deep-research-preview-04-2026",
    contents: [{ role: "user", parts: [{ kind: "text", text: "How do tides work?" }] }],
    config,
  });

  it("runs as an agent in the background: its research becomes sources, its report the answer", async () => {
    const { doc, upstream } = await preparePrompt(
      research({ api: "interactions", background: true }),
    );
    if (upstream.method !== "generateContent") throw new Error("not a generateContent request");
    const id = await startBackgroundRun(upstream.params, doc, ada, { requestId: "req-research" });
    const state = fold(await watch(id));
    expect(state.status).toBe("done");
    expect(text(state).length).toBeGreaterThan(200);
    // Searches it made and pages it read are the answer's sources, as Gemini's grounding.
    expect(state.groundingMetadata?.groundingChunks?.length).toBeGreaterThan(0);
    expect(state.meta?.background).toEqual({ id });
  });

  it("is refused, before anything is sent, outside the background or with a model's settings", async () => {
    await expect(preparePrompt(research({ api: "interactions" }))).rejects.toMatchObject({
      body: { message: expect.stringContaining("Deep Research without Run in background") },
    });
    await expect(preparePrompt(research({ background: true }))).rejects.toMatchObject({
      body: {
        message: expect.stringContaining("Deep Research (an agent of the Interactions API)"),
      },
    });
    await expect(
      preparePrompt(research({ api: "interactions", background: true, temperature: 0.3 })),
    ).rejects.toMatchObject({
      body: { message: expect.stringContaining("Run settings for a model (temperature)") },
    });
  });
});

describe("a background run", () => {
  it("answers as the same prompt does through the page, and is kept in the history", async () => {
    const prompt = "Name three rivers.\n#emulator tokens=80 chunk=10 rate=400/s";
    const id = await start(prompt);
    const events = await watch(id);
    const state = fold(events);
    expect(state.status).toBe("done");
    expect(state.meta?.background).toEqual({ id });
    expect(state.meta?.api).toBe("interactions");
    const direct = await foreground(prompt);
    expect(text(state)).toBe(text(direct));
    expect(state.usage?.candidatesTokenCount).toBe(direct.usage?.candidatesTokenCount);

    // Created unstreamed (answered at once, in progress), then read from its own stream.
    const job = await findJob(id);
    const requests = offlineEmulator().log.list();
    const created = requests.find((r) => r.method === "POST" && r.path.endsWith("/interactions"));
    expect(created).toMatchObject({ status: 200, chunksSent: 0 });
    const followed = requests.find(
      (r) => r.method === "GET" && r.path.endsWith(`/interactions/${job?.interaction_id}`),
    );
    expect(followed?.query).toBe("?stream=true");
    expect(followed?.chunksSent).toBeGreaterThan(0);

    const kept = await until(
      async () => listRuns(await store(), "Ada", "rivers"),
      (runs) => runs.length > 0,
    );
    expect(kept).toMatchObject([{ status: "done", answer: text(state).slice(0, 300) }]);
    expect((await listBackgroundRuns("Ada")).find((r) => r.id === id)?.status).toBe("done");
  });

  it("is read again from any event on by a page that left and came back", async () => {
    const id = await start("Tell me a long story\n#emulator tokens=150 chunk=10 rate=300/s");
    const first = await watch(id, 0, 4);
    const rest = await watch(id, 4);
    const whole = await watch(id);
    expect([...first, ...rest]).toEqual(whole);
    expect(fold(whole).status).toBe("done");
  });

  it("takes the name the page gave it, and refuses a name already taken", async () => {
    const { doc, upstream } = await prepared("Named\n#emulator tokens=10");
    if (upstream.method !== "generateContent") throw new Error("not a generateContent request");
    const name = "page-chosen-name-0123456789";
    const id = await startBackgroundRun(upstream.params, doc, ada, { requestId: "r", id: name });
    expect(id).toBe(name);
    expect(fold(await watch(id)).status).toBe("done");
    await expect(
      startBackgroundRun(upstream.params, doc, ada, { requestId: "r", id: name }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      startBackgroundRun(upstream.params, doc, ada, { requestId: "r", id: "../../etc" }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("stopped before it was registered, never starts", async () => {
    const name = "stopped-before-it-began-01";
    await cancelBackgroundRun(name, "Ada");
    const { doc, upstream } = await prepared("Too late\n#emulator tokens=10");
    if (upstream.method !== "generateContent") throw new Error("not a generateContent request");
    const before = offlineEmulator().log.list().length;
    await expect(
      startBackgroundRun(upstream.params, doc, ada, { requestId: "r", id: name }),
    ).rejects.toMatchObject({ status: 400 });
    expect(offlineEmulator().log.list().length).toBe(before);
    expect((await findJob(name))?.status).toBe("stopped");
    expect((await listBackgroundRuns("Ada")).map((r) => r.id)).not.toContain(name);
  });

  it("belongs to the person who started it", async () => {
    const id = await start("Mine\n#emulator tokens=10");
    await expect(ownJob(id, "Grace")).rejects.toMatchObject({ body: { code: "not_found" } });
    await expect(cancelBackgroundRun(id, "Grace")).rejects.toMatchObject({ status: 404 });
    expect((await listBackgroundRuns("Grace")).map((r) => r.id)).not.toContain(id);
  });

  it("stops at Google when cancelled, and is kept as stopped", async () => {
    const id = await start("A slow answer\n#emulator tokens=400 chunk=10 rate=100/s");
    const early = await watch(id, 0, 3);
    expect(early.some((e) => e.type === "chunk")).toBe(true);
    await cancelBackgroundRun(id, "Ada");
    const state = fold(await watch(id));
    expect(state.finishMessage).toBe("The background run was cancelled.");
    expect(text(state).length).toBeLessThan(1600);
    expect((await findJob(id))?.status).toBe("stopped");
    const cancel = offlineEmulator()
      .log.list()
      .find((r) => r.method === "POST" && r.path.endsWith("/cancel"));
    expect(cancel).toBeDefined();
  });

  it("ends with Google's error when the interaction fails", async () => {
    const id = await start("This will break\n#emulator error=503 delay=100ms");
    const state = fold(await watch(id));
    expect(state.status).toBe("error");
    expect(state.error?.message).toMatch(/high demand|overloaded|unavailable/i);
    expect((await findJob(id))?.status).toBe("error");
  });

  it("is taken over from the last event written when its server goes away", async () => {
    const prompt = "Keep going\n#emulator tokens=200 chunk=10 rate=200/s";
    const id = await start(prompt);
    const early = await watch(id, 0, 5);
    expect(early.filter((e) => e.type === "chunk").length).toBeGreaterThan(0);
    // The server stops without a word: its lease is left to lapse.
    stopFollowing();
    const left = await findJob(id);
    expect(left?.status).toBe("streaming");
    expect(left?.last_event_id).toBeTruthy();

    startFollowing();
    const state = fold(await watch(id));
    expect(state.status).toBe("done");
    expect(text(state)).toBe(text(await foreground(prompt)));
    const resumed = offlineEmulator()
      .log.list()
      .filter(
        (r) => r.method === "GET" && r.path.endsWith(`/interactions/${left?.interaction_id}`),
      );
    expect(resumed.map((r) => r.query)).toEqual([
      "?stream=true",
      `?last_event_id=${left?.last_event_id}&stream=true`,
    ]);
  });
});
