import { describe, expect, it } from "vitest";
import { readToEnd, setupEmulatorServer, user, waitForEnd } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

describe("aborting through @google/genai", () => {
  it("closes the upstream stream within 1 s of config.abortSignal", async () => {
    const controller = new AbortController();
    const stream = await client().models.generateContentStream({
      model: "gemini-2.5-flash",
      contents: user("A long, slow answer\n#emulator tokens=4000 rate=100/s"),
      config: { abortSignal: controller.signal },
    });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    const id = first.value?.sdkHttpResponse?.headers?.["x-emulator-request-id"];
    expect(id).toMatch(/^req-\d+$/);

    const abortedAt = Date.now();
    controller.abort();
    await expect(readToEnd(iterator)).rejects.toThrow();

    const entry = await waitForEnd(server(), id ?? "");
    expect(entry.outcome).toBe("client_closed");
    expect(entry.endedAt ?? Infinity).toBeLessThan(abortedAt + 1000);
    // 4,000 tokens at 100/s would take 40 s: the stream really stopped early.
    expect(entry.chunksSent).toBeLessThan(10);
  });

  it("stops a paced unary call when the client aborts", async () => {
    const controller = new AbortController();
    const pending = client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Slow unary\n#emulator tokens=2000 rate=100/s"),
      config: { abortSignal: controller.signal },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toThrow();
    const started = server()
      .log.list()
      .find((entry) => entry.promptExcerpt?.startsWith("Slow unary"));
    const entry = await waitForEnd(server(), started?.id ?? "");
    expect(entry.outcome).toBe("client_closed");
    expect(entry.endedAt ?? Infinity).toBeLessThan(abortedAt + 1000);
  });
});
