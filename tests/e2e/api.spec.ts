import { expect, test } from "@playwright/test";
import { type RunEvent, readEvents } from "@/lib/run/events";
import { APP_URL, textDoc, uniqueMarker, waitForEmulatorEnd } from "./support/servers";

async function run(body: unknown): Promise<{ status: number; events: RunEvent[]; json?: unknown }> {
  const response = await fetch(`${APP_URL}/api/run`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: APP_URL },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  if (!response.headers.get("content-type")?.includes("text/event-stream")) {
    return { status: response.status, events: [], json: await response.json() };
  }
  const events: RunEvent[] = [];
  if (response.body) for await (const event of readEvents(response.body)) events.push(event);
  return { status: response.status, events };
}

test.describe("POST /api/run", () => {
  test("streams meta, chunks, timing and done for a prompt", async () => {
    const { status, events } = await run(
      textDoc("Hello there\n#emulator tokens=300", {
        systemInstruction: "Answer like a pirate.",
        config: { temperature: 0.35 },
      }),
    );
    expect(status).toBe(200);
    expect(events[0]).toMatchObject({
      type: "meta",
      data: { model: "gemini-2.5-flash", simulated: false },
    });
    const chunks = events.filter((e) => e.type === "chunk");
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks
      .map((e) =>
        e.type === "chunk" ? (e.data.candidates?.[0]?.content?.parts?.[0]?.text ?? "") : "",
      )
      .join("");
    expect(text).toContain("gemini-2.5-flash");
    expect(text).toContain("Answer like a pirate.");
    expect(text).toContain("0.35");
    const timing = events.at(-2);
    expect(timing).toMatchObject({ type: "meta" });
    if (timing?.type !== "meta") throw new Error("no timing meta");
    expect(timing.data.timing?.firstChunkMs).toBeGreaterThan(0);
    expect(timing.data.timing?.totalMs).toBeGreaterThanOrEqual(
      timing.data.timing?.firstChunkMs ?? 0,
    );
    expect(events.at(-1)).toEqual({ type: "done", data: {} });
  });

  test("rejects malformed JSON with 400", async () => {
    const { status, json } = await run("{not json");
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: "bad_request:json" } });
  });

  test("rejects a schema violation naming the field", async () => {
    const { status, json } = await run({
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ kind: "text", text: 42 }] }],
    });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      error: { code: "bad_request:prompt", field: "contents.0.parts.0.text" },
    });
  });

  test("rejects a body over the limit with 413", async () => {
    const { status, json } = await run(textDoc("x".repeat(300_000)));
    expect(status).toBe(413);
    expect(json).toMatchObject({ error: { code: "payload_too_large" } });
  });

  test("rejects an unknown model before calling Gemini", async () => {
    const marker = uniqueMarker("unknown-model");
    const { status, json } = await run({ ...textDoc(marker), model: "gemini-9-ultra" });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: "bad_request:model", field: "model" } });
    await expect(waitForEmulatorEnd(marker, 500)).rejects.toThrow();
  });

  test("rejects a model that cannot chat", async () => {
    const { status, json } = await run({ ...textDoc("hi"), model: "gemini-embedding-001" });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: "bad_request:model" } });
  });

  test("explains a quota error with its retry delay, as an error event after the meta", async () => {
    const { status, events } = await run(textDoc("#emulator error=429 retryDelay=7s"));
    expect(status).toBe(200);
    expect(events.map((e) => e.type)).toEqual(["meta", "error", "meta", "done"]);
    const error = events[1]?.type === "error" ? events[1].data : undefined;
    expect(error).toMatchObject({
      code: "rate_limit:gemini",
      status: 429,
      googleStatus: "RESOURCE_EXHAUSTED",
      retryAfterMs: 7000,
      retryable: true,
    });
    expect(error?.message).toMatch(/quota/i);
  });

  const upstreamErrors = [
    [503, "overloaded:gemini"],
    [500, "internal:gemini"],
    [403, "permission:gemini"],
    [400, "invalid_argument:gemini"],
  ] as const;
  for (const [code, appCode] of upstreamErrors) {
    test(`translates an upstream ${code} into ${appCode} without internals`, async () => {
      const { status, events } = await run(textDoc(`#emulator error=${code}`));
      expect(status).toBe(200);
      const error = events.find((e) => e.type === "error");
      if (error?.type !== "error") throw new Error(`no error event for ${code}`);
      expect(error.data.code).toBe(appCode);
      expect(error.data.status).toBe(code === 403 ? 502 : code);
      expect(error.data.message).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(error.data.message).not.toMatch(/127\.0\.0\.1|:\d{4}/);
    });
  }

  test("keeps a quota error that arrives mid-stream a quota error, after the partial answer", async () => {
    const { events } = await run(
      textDoc("#emulator tokens=400 chunk=20 error=429 after=3 retryDelay=7s"),
    );
    expect(events.filter((e) => e.type === "chunk")).toHaveLength(3);
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({
      type: "error",
      data: { code: "rate_limit:gemini", status: 429, retryable: true, retryAfterMs: 7000 },
    });
    expect(events.at(-1)?.type).toBe("done");
  });

  test("reports a mid-stream disconnect as an error event after the partial answer", async () => {
    const { status, events } = await run(textDoc("#emulator tokens=2000 chunk=20 disconnect=3"));
    expect(status).toBe(200);
    expect(events.filter((e) => e.type === "chunk").length).toBeGreaterThanOrEqual(1);
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({
      type: "error",
      data: { code: "stream:gemini", retryable: true },
    });
    expect(events.at(-1)?.type).toBe("done");
  });

  test("passes blocked prompts and safety finishes through as chunks", async () => {
    const blocked = await run(textDoc("#emulator block=PROHIBITED_CONTENT"));
    const blockChunk = blocked.events.find((e) => e.type === "chunk");
    expect(blockChunk).toMatchObject({
      data: { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } },
    });
    const safety = await run(textDoc("#emulator finish=SAFETY"));
    const last = safety.events.filter((e) => e.type === "chunk").at(-1);
    expect(last).toMatchObject({ data: { candidates: [{ finishReason: "SAFETY" }] } });
  });

  test("aborting the request closes the upstream stream within 1 s", async () => {
    const marker = uniqueMarker("abort");
    const controller = new AbortController();
    const response = await fetch(`${APP_URL}/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_URL },
      body: JSON.stringify(textDoc(`${marker}\n#emulator tokens=20000 rate=200/s`)),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.read();
    const abortedAt = Date.now();
    controller.abort();
    const entry = await waitForEmulatorEnd(marker);
    expect(entry.outcome).toBe("client_closed");
    expect((entry.endedAt ?? 0) - abortedAt).toBeLessThan(1000);
  });
});

test.describe("GET /api/models and POST /api/count-tokens", () => {
  test("lists the whole catalogue with limits and actions", async () => {
    const response = await fetch(`${APP_URL}/api/models`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      models: { id: string; inputTokenLimit?: number; supportedActions: string[] }[];
    };
    const flash = body.models.find((m) => m.id === "gemini-2.5-flash");
    expect(flash).toMatchObject({
      inputTokenLimit: 1048576,
      outputTokenLimit: 65536,
      kind: "text",
    });
    expect(flash?.supportedActions).toContain("generateContent");
    expect(body.models.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        "gemini-embedding-001",
        "gemini-2.5-flash-preview-tts",
        "imagen-4.0-generate-001",
      ]),
    );
  });

  test("counts tokens with the API, including the system instruction", async () => {
    const count = async (doc: unknown) => {
      const response = await fetch(`${APP_URL}/api/count-tokens`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: APP_URL },
        body: JSON.stringify(doc),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { totalTokens: number }).totalTokens;
    };
    const plain = await count(textDoc("Count these words, please."));
    const withSystem = await count(
      textDoc("Count these words, please.", { systemInstruction: "x ".repeat(200) }),
    );
    expect(plain).toBeGreaterThan(0);
    expect(withSystem).toBeGreaterThan(plain + 50);
  });
});
