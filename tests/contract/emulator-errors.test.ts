import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, user } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function drain(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("errors through @google/genai", () => {
  it.each([
    [400, "INVALID_ARGUMENT"],
    [403, "PERMISSION_DENIED"],
    [404, "NOT_FOUND"],
    [429, "RESOURCE_EXHAUSTED"],
    [500, "INTERNAL"],
    [503, "UNAVAILABLE"],
    [504, "DEADLINE_EXCEEDED"],
  ])("injects %i as ApiError with status %s, unary and streamed", async (code, status) => {
    const contents = user(`Fail please\n#emulator error=${code}`);
    for (const call of [
      () => client().models.generateContent({ model: "gemini-2.5-flash", contents }),
      () => client().models.generateContentStream({ model: "gemini-2.5-flash", contents }),
    ]) {
      const error = await failure(call());
      expect((error as { status: number }).status).toBe(code);
      const body = errorBody(error);
      expect(body.error).toMatchObject({ code, status });
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it("sends QuotaFailure, Help and RetryInfo on a 429", async () => {
    const error = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user("#emulator error=429 retryDelay=2s"),
      }),
    );
    const details = errorBody(error).error.details ?? [];
    expect(details.map((d) => d["@type"])).toEqual([
      "type.googleapis.com/google.rpc.QuotaFailure",
      "type.googleapis.com/google.rpc.Help",
      "type.googleapis.com/google.rpc.RetryInfo",
    ]);
    expect(details[2]?.retryDelay).toBe("2s");
  });

  it("uses Google's 503 wording and lets a directive override the message", async () => {
    const overloaded = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user("#emulator error=503"),
      }),
    );
    expect(errorBody(overloaded).error.message).toBe(
      "This model is currently experiencing high demand. Spikes in demand are usually temporary. Please try again later.",
    );
    const custom = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user('#emulator error=500 message="Custom failure text"'),
      }),
    );
    expect(errorBody(custom).error.message).toBe("Custom failure text");
  });

  it("answers 404 for unknown models and for methods a model lacks", async () => {
    const unknown = await failure(
      client().models.generateContent({ model: "gemini-3.6-flahs", contents: user("hi") }),
    );
    expect(errorBody(unknown).error.message).toBe(
      "models/gemini-3.6-flahs is not found for API version v1beta, or is not supported for generateContent. Call ModelService.ListModels to see the list of available models and their supported methods.",
    );
    const embedding = await failure(
      client().models.generateContent({ model: "gemini-embedding-001", contents: user("hi") }),
    );
    expect((embedding as { status: number }).status).toBe(404);
  });

  it("answers 403 PERMISSION_DENIED to a request without a key", async () => {
    const response = await fetch(`${server().url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contents: user("hi") }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect((await response.json()).error.status).toBe("PERMISSION_DENIED");
  });

  it("makes the SDK's iteration throw when the connection is cut mid-stream", async () => {
    const stream = await client().models.generateContentStream({
      model: "gemini-2.5-flash",
      contents: user("#emulator tokens=400 chunk=20 disconnect=3"),
    });
    const received: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of stream) received.push(chunk);
      })(),
    );
    expect(error).toBeInstanceOf(Error);
    expect(received).toHaveLength(3);
    const entry = server()
      .log.list()
      .find((e) => e.promptExcerpt?.includes("disconnect=3"));
    expect(entry).toMatchObject({ outcome: "disconnected", chunksSent: 3 });
  });

  it("surfaces an error event sent mid-stream as ApiError", async () => {
    const stream = await client().models.generateContentStream({
      model: "gemini-2.5-flash",
      contents: user("#emulator tokens=400 chunk=20 error=503 after=2"),
    });
    const error = await failure(drain(stream));
    expect((error as { status: number }).status).toBe(503);
    expect((error as Error).message).toContain("UNAVAILABLE");
  });

  it("parses a blocked prompt: promptFeedback, usage, no candidates", async () => {
    const contents = user("#emulator block=PROHIBITED_CONTENT");
    const unary = await client().models.generateContent({ model: "gemini-2.5-flash", contents });
    expect(unary.promptFeedback?.blockReason).toBe("PROHIBITED_CONTENT");
    expect(unary.candidates).toBeUndefined();
    expect(unary.usageMetadata?.promptTokenCount).toBeGreaterThan(0);
    const chunks = await drain(
      await client().models.generateContentStream({ model: "gemini-2.5-flash", contents }),
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ promptFeedback: { blockReason: "PROHIBITED_CONTENT" } });
    expect(chunks[0]).not.toHaveProperty("candidates");
  });

  it("parses a SAFETY finish: empty content and a blocking rating", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("#emulator finish=SAFETY"),
    });
    const candidate = response.candidates?.[0];
    expect(candidate?.finishReason).toBe("SAFETY");
    expect(candidate?.content).toEqual({});
    expect(candidate?.safetyRatings?.filter((r) => r.blocked)).toHaveLength(1);
    expect(response.text).toBeUndefined();
  });
});
