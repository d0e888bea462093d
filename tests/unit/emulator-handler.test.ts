import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";

const BASE = "http://emulator.test/v1beta/models";

function post(
  emulator: ReturnType<typeof createEmulator>,
  path: string,
  body: unknown,
  init: RequestInit = {},
) {
  return emulator(
    new Request(`${BASE}/${path}`, {
      method: "POST",
      headers: { "x-goog-api-key": "k", "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
      ...init,
    }),
  );
}

const hello = { contents: [{ role: "user", parts: [{ text: "Hello" }] }] };

describe("emulator handler (in process)", () => {
  it("answers 403 PERMISSION_DENIED without a key, and accepts ?key=", async () => {
    const emulator = createEmulator();
    const denied = await emulator(new Request(`${BASE}`));
    expect(denied.status).toBe(403);
    expect(denied.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(await denied.json()).toEqual({
      error: {
        code: 403,
        message: expect.stringContaining("Method doesn't allow unregistered callers"),
        status: "PERMISSION_DENIED",
      },
    });
    expect((await emulator(new Request(`${BASE}?key=abc`))).status).toBe(200);
  });

  it("answers 400 API_KEY_INVALID for keys the options reject", async () => {
    const emulator = createEmulator({ acceptKey: (key) => key !== "bad" });
    const response = await emulator(new Request(BASE, { headers: { "x-goog-api-key": "bad" } }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.details[0].reason).toBe("API_KEY_INVALID");
  });

  it.each([
    ["not json", /^Invalid JSON payload received\. Unexpected token\./],
    [{}, /contents: contents is not specified/],
    [
      { contents: [{ role: "user", parts: [] }] },
      /contents\[0\]\.parts: contents\.parts must not be empty/,
    ],
    [
      { contents: [{ role: "system", parts: [{ text: "x" }] }] },
      /^Please use a valid role: user, model\.$/,
    ],
    [{ contents: [{ parts: [{ thought: true }] }] }, /required oneof field 'data'/],
    [{ contents: [{ parts: [{ text: "#emulator tokns=1" }] }] }, /unknown key "tokns"/],
  ])("rejects a bad body %j with 400 INVALID_ARGUMENT", async (body, message) => {
    const response = await post(createEmulator(), "gemini-2.5-flash:generateContent", body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.status).toBe("INVALID_ARGUMENT");
    expect(error.message).toMatch(message);
  });

  it("rejects maxOutputTokens beyond the model's limit", async () => {
    const body = { ...hello, generationConfig: { maxOutputTokens: 9000 } };
    const response = await post(createEmulator(), "gemini-2.0-flash:generateContent", body);
    expect((await response.json()).error.message).toContain(
      "supported range is from 1 (inclusive) to 8193",
    );
  });

  it("streams frames whose text and usage add up to the unary answer", async () => {
    const emulator = createEmulator();
    const unary = await (await post(emulator, "gemini-2.0-flash:generateContent", hello)).json();
    const stream = await post(emulator, "gemini-2.0-flash:streamGenerateContent?alt=sse", hello);
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    const raw = await stream.text();
    expect(raw.endsWith("\r\n\r\n")).toBe(true);
    const chunks = raw
      .split("\r\n\r\n")
      .filter(Boolean)
      .map((frame) => JSON.parse(frame.replace(/^data: /, "")));
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.map((c) => c.candidates[0].content.parts[0].text).join("");
    expect(text).toBe(unary.candidates[0].content.parts[0].text);
    const counts = chunks.map((c) => c.usageMetadata.candidatesTokenCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(chunks.at(-1).usageMetadata).toEqual(unary.usageMetadata);
    expect(chunks.at(-1).candidates[0].finishReason).toBe("STOP");
    expect(chunks.slice(0, -1).every((c) => !("finishReason" in c.candidates[0]))).toBe(true);
    expect(Object.keys(chunks[0])).toEqual([
      "candidates",
      "usageMetadata",
      "modelVersion",
      "responseId",
    ]);
  });

  it("logs a cancelled stream body as client_closed and stops producing", async () => {
    const emulator = createEmulator();
    const body = { contents: [{ parts: [{ text: "#emulator tokens=4000 rate=200/s" }] }] };
    const response = await post(emulator, "gemini-2.5-flash:streamGenerateContent?alt=sse", body);
    const reader = response.body?.getReader();
    await reader?.read();
    const cancelledAt = Date.now();
    await reader?.cancel();
    const [entry] = emulator.log.list();
    expect(entry).toMatchObject({ outcome: "client_closed", chunksSent: 1, status: 200 });
    expect((entry?.endedAt ?? Infinity) - cancelledAt).toBeLessThan(100);
  });

  it("logs an aborted request signal as client_closed while waiting for a delay", async () => {
    const emulator = createEmulator();
    const controller = new AbortController();
    const body = { contents: [{ parts: [{ text: "#emulator delay=5s" }] }] };
    const pending = post(emulator, "gemini-2.5-flash:generateContent", body, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(emulator.log.list()[0]).toMatchObject({ outcome: "client_closed", status: null });
  });

  it("keeps only the newest entries and serves them at /emulator/requests", async () => {
    const emulator = createEmulator({ logCapacity: 2 });
    for (const key of ["a", "b", "c"]) {
      await emulator(new Request(`${BASE}?key=${key}`));
    }
    const response = await emulator(new Request("http://emulator.test/emulator/requests"));
    const { requests } = await response.json();
    expect(requests.map((r: { id: string }) => r.id)).toEqual(["req-000002", "req-000003"]);
    expect(requests[0]).toMatchObject({ method: "GET", path: "/v1beta/models", outcome: "ok" });
  });
});
