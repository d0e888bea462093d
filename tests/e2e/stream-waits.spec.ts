import { expect, type Page, test } from "@playwright/test";
import { parseEventBlock, type RunEvent } from "@/lib/run/events";
import { chat } from "./support/chat";
import { LIMITED } from "./support/ports";
import { LIMITED_URL, textDoc, uniqueMarker, waitForEmulatorEnd } from "./support/servers";

/**
 * What a run's stream does while Gemini keeps it waiting, on the limited server (first chunk
 * and idle waits of 2 s, a ping every 0.5 s): the headers and the meta leave at once, pings keep
 * the connection busy, and a wait that runs out ends the run and the upstream request.
 */
interface Arrival {
  /** Milliseconds after the request was sent. */
  at: number;
  event?: RunEvent;
  ping?: true;
}

async function timedRun(doc: unknown) {
  const started = Date.now();
  const response = await fetch(`${LIMITED_URL}/api/run`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: LIMITED_URL },
    body: JSON.stringify(doc),
  });
  const headersAt = Date.now() - started;
  const arrivals: Arrival[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  if (!response.body) throw new Error("no body");
  for await (const bytes of response.body) {
    buffer += decoder.decode(bytes, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const at = Date.now() - started;
      if (block.startsWith(":")) arrivals.push({ at, ping: true });
      else {
        const event = parseEventBlock(block);
        if (event) arrivals.push({ at, event });
      }
      boundary = buffer.indexOf("\n\n");
    }
  }
  const events = arrivals.flatMap((a) => (a.event ? [a.event] : []));
  return { started, response, headersAt, arrivals, events };
}

const errorOf = (arrivals: Arrival[]) => arrivals.find((a) => a.event?.type === "error");
const pingsBetween = (arrivals: Arrival[], from: number, to: number) =>
  arrivals.filter((a) => a.ping && a.at > from && a.at < to).length;

test.describe("a run Gemini keeps waiting", () => {
  test("answers at once, pings while the first chunk is late, then times out and lets go", async () => {
    const marker = uniqueMarker("stall-first");
    const { started, response, headersAt, arrivals, events } = await timedRun(
      textDoc(`${marker}\n#emulator delay=5s`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(headersAt).toBeLessThan(1000);
    expect(arrivals[0]?.event?.type).toBe("meta");
    expect(arrivals[0]?.at).toBeLessThan(1000);
    expect(events.map((e) => e.type)).toEqual(["meta", "error", "meta", "done"]);

    const error = errorOf(arrivals);
    const waitMs = LIMITED.firstChunkSeconds * 1000;
    expect(error?.at).toBeGreaterThanOrEqual(waitMs - 100);
    expect(error?.at).toBeLessThan(waitMs + 1500);
    expect(pingsBetween(arrivals, arrivals[0]?.at ?? 0, error?.at ?? 0)).toBeGreaterThanOrEqual(2);
    expect(error?.event?.data).toMatchObject({ code: "timeout:gemini", status: 504 });
    const message = error?.event?.type === "error" ? error.event.data.message : "";
    expect(message).toContain(`${LIMITED.firstChunkSeconds} s`);
    expect(message).toContain("PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS");

    const upstream = await waitForEmulatorEnd(marker, 5000);
    expect(upstream.outcome).toBe("client_closed");
    expect((upstream.endedAt ?? 0) - (started + (error?.at ?? 0))).toBeLessThan(1000);
  });

  test("pings between chunks, then times out when they stop, keeping what arrived", async () => {
    const marker = uniqueMarker("stall-idle");
    // The image model's text comes at once; its picture, 1290 tokens at 500 a second, 2.6 s later.
    const { started, arrivals, events } = await timedRun({
      ...textDoc(`A kite ${marker}\n#emulator rate=500/s`),
      model: "gemini-2.5-flash-image",
    });
    const chunk = arrivals.findLast((a) => a.event?.type === "chunk");
    const error = errorOf(arrivals);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("meta");
    expect(types.filter((t) => t === "chunk").length).toBeGreaterThanOrEqual(1);
    expect(types.slice(types.lastIndexOf("chunk") + 1)).toEqual(["error", "meta", "done"]);
    expect(pingsBetween(arrivals, chunk?.at ?? 0, error?.at ?? 0)).toBeGreaterThanOrEqual(2);
    expect((error?.at ?? 0) - (chunk?.at ?? 0)).toBeGreaterThanOrEqual(
      LIMITED.idleSeconds * 1000 - 100,
    );
    const message = error?.event?.type === "error" ? error.event.data.message : "";
    expect(error?.event?.data).toMatchObject({ code: "timeout:gemini", status: 504 });
    expect(message).toContain("What arrived is kept");
    expect(message).toContain("PLAYGROUND_UPSTREAM_IDLE_SECONDS");

    const upstream = await waitForEmulatorEnd(marker, 5000);
    expect(upstream.outcome).toBe("client_closed");
    expect((upstream.endedAt ?? 0) - (started + (error?.at ?? 0))).toBeLessThan(1000);
  });
});

/** The chat with nothing saved in this browser. */
async function emptyChat(page: Page) {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return chat(page);
}

test("a quota error mid-answer keeps the partial answer and counts down to Retry", async ({
  page,
}) => {
  const ui = await emptyChat(page);
  await ui.send("Tell me a story\n#emulator tokens=400 chunk=20 error=429 after=3 retryDelay=5s");
  await expect(ui.alert).toContainText(/quota/i);
  await expect(ui.alert).toContainText(/retry in [1-5] s/i);
  const retry = page.getByRole("button", { name: "Retry" });
  await expect(retry).toBeDisabled();
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  await expect(retry).toBeEnabled({ timeout: 8000 });
  await expect(ui.alert).not.toContainText(/retry in/i);
});

test("a server error mid-answer is named as Gemini's error, not a broken connection", async ({
  page,
}) => {
  const ui = await emptyChat(page);
  await ui.send("Tell me a story\n#emulator tokens=400 chunk=20 error=500 after=3");
  await expect(ui.alert).toContainText("Gemini had an internal error (500)");
  await expect(ui.alert).toContainText("What arrived before it is kept");
  await expect(ui.alert).not.toContainText(/connection|broke off/i);
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  await expect(ui.status).toHaveText(/^Error/);
});
