import { GoogleGenAI } from "@google/genai";
import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";
import { errorBody, readToEnd, user } from "./emulator-fixture";

/** Offline mode: the app hands the SDK the handler as its fetch, with no socket in between. */
function inProcess() {
  const emulator = createEmulator();
  const ai = new GoogleGenAI({
    apiKey: "offline",
    httpOptions: {
      baseUrl: "http://emulator.invalid",
      apiVersion: "v1beta",
      fetch: (input, init) => emulator(new Request(input, init)),
    },
  });
  return { emulator, ai };
}

describe("the emulator in process, behind httpOptions.fetch", () => {
  it("streams and fails exactly as over HTTP", async () => {
    const { ai } = inProcess();
    const chunks = [];
    const stream = await ai.models.generateContentStream({
      model: "gemini-2.0-flash",
      contents: user("In process"),
    });
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.text).join("")).toContain("- Turns: 1");

    const failure = await ai.models
      .generateContent({ model: "gemini-2.0-flash", contents: user("#emulator error=429") })
      .catch((error: unknown) => error);
    expect(errorBody(failure).error.status).toBe("RESOURCE_EXHAUSTED");
  });

  it("stops a paced stream as soon as config.abortSignal fires", async () => {
    const { ai, emulator } = inProcess();
    const controller = new AbortController();
    const stream = await ai.models.generateContentStream({
      model: "gemini-2.0-flash",
      contents: user("#emulator tokens=4000 rate=100/s"),
      config: { abortSignal: controller.signal },
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const abortedAt = Date.now();
    controller.abort();
    await expect(readToEnd(iterator)).rejects.toThrow();
    const [entry] = emulator.log.list();
    expect(entry?.outcome).toBe("client_closed");
    expect(entry?.endedAt ?? Infinity).toBeLessThan(abortedAt + 1000);
  });
});
