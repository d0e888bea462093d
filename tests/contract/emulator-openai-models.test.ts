/**
 * Models and embeddings on the OpenAI-compatible endpoint with the real `openai` client: the list
 * and retrieve shapes Google sends (ids keep `models/`, no `created`), and embeddings whose
 * vectors equal the native API's for the same text.
 */
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";

const { server, client } = setupEmulatorServer();

const openai = () =>
  new OpenAI({
    apiKey: "test-key",
    baseURL: `${server().url}/v1beta/openai/`,
    maxRetries: 0,
  });

describe("models", () => {
  it("lists every catalogue model, in the native order, with Google's ids", async () => {
    const models = [];
    for await (const model of openai().models.list()) models.push(model);
    const native = [];
    for await (const model of await client().models.list({ config: { pageSize: 1000 } })) {
      native.push(model.name);
    }
    expect(models.map((model) => model.id)).toEqual(native);
    expect(models[0]).toEqual({
      id: "models/gemini-2.5-flash",
      object: "model",
      owned_by: "google",
    });
    expect(models.every((model) => model.created === undefined)).toBe(true);
  });

  it("retrieves a model with or without the models/ prefix, and 404s an unknown one", async () => {
    expect(await openai().models.retrieve("gemini-3-flash-preview")).toEqual({
      id: "models/gemini-3-flash-preview",
      object: "model",
      owned_by: "google",
    });
    const prefixed = await openai().models.retrieve("models/gemini-2.0-flash");
    expect(prefixed.id).toBe("models/gemini-2.0-flash");
    const error = await openai()
      .models.retrieve("gemini-0-nonexistent")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const response = await fetch(`${server().url}/v1beta/openai/models/gemini-0-nonexistent`, {
      headers: { authorization: "Bearer test-key" },
    });
    expect(await response.json()).toEqual([
      {
        error: {
          code: 404,
          message: "Model is not found: models/gemini-0-nonexistent for api version v1beta",
          status: "NOT_FOUND",
        },
      },
    ]);
  });
});

describe("embeddings", () => {
  it("embeds one text into the native vector", async () => {
    const native = await client().models.embedContent({
      model: "gemini-embedding-001",
      contents: "The quick brown fox",
    });
    const result = await openai().embeddings.create({
      model: "gemini-embedding-001",
      input: "The quick brown fox",
      encoding_format: "float",
    });
    expect(result.object).toBe("list");
    expect(result.model).toBe("gemini-embedding-001");
    expect(result.data).toHaveLength(1);
    expect(result.data[0]?.object).toBe("embedding");
    expect(result.data[0]?.index).toBe(0);
    expect(result.data[0]?.embedding).toHaveLength(3072);
    expect(result.data[0]?.embedding).toEqual(native.embeddings?.[0]?.values);
    expect(result.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
  });

  it("embeds a batch in order, at the asked dimensions", async () => {
    const texts = ["alpha", "beta", "alpha"];
    const result = await openai().embeddings.create({
      model: "gemini-embedding-001",
      input: texts,
      dimensions: 256,
      encoding_format: "float",
    });
    expect(result.data.map((entry) => entry.index)).toEqual([0, 1, 2]);
    expect(result.data.every((entry) => entry.embedding.length === 256)).toBe(true);
    expect(result.data[0]?.embedding).toEqual(result.data[2]?.embedding);
    expect(result.data[0]?.embedding).not.toEqual(result.data[1]?.embedding);
    const norm = Math.hypot(...(result.data[1]?.embedding ?? []));
    expect(norm).toBeCloseTo(1, 5);
  });

  it("sends base64 float32 when the client asks for it, which it does by default", async () => {
    const floats = await openai().embeddings.create({
      model: "gemini-embedding-001",
      input: "encode me",
      dimensions: 64,
      encoding_format: "float",
    });
    // Without encoding_format the client asks for base64 and decodes it into float32 values.
    const decoded = await openai().embeddings.create({
      model: "gemini-embedding-001",
      input: "encode me",
      dimensions: 64,
    });
    const expected = (floats.data[0]?.embedding ?? []).map((value) => Math.fround(value));
    expect(Array.from(decoded.data[0]?.embedding ?? [])).toEqual(expected);
    const raw = await fetch(`${server().url}/v1beta/openai/embeddings`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({
        model: "gemini-embedding-001",
        input: "encode me",
        dimensions: 64,
        encoding_format: "base64",
      }),
    });
    const body = (await raw.json()) as { data: { embedding: string }[] };
    expect(Buffer.from(body.data[0]?.embedding ?? "", "base64")).toHaveLength(64 * 4);
  });

  it("refuses a chat model, bad dimensions and an empty input", async () => {
    const wrongModel = await openai()
      .embeddings.create({ model: "gemini-2.5-flash", input: "x", encoding_format: "float" })
      .catch((e: unknown) => e);
    expect(wrongModel).toBeInstanceOf(OpenAI.NotFoundError);
    const post = (body: Record<string, unknown>) =>
      fetch(`${server().url}/v1beta/openai/embeddings`, {
        method: "POST",
        headers: { authorization: "Bearer test-key", "content-type": "application/json" },
        body: JSON.stringify({ model: "gemini-embedding-001", ...body }),
      });
    const big = await post({ input: "x", dimensions: 5000 });
    expect(big.status).toBe(400);
    const [bigError] = (await big.json()) as { error: { message: string } }[];
    expect(bigError?.error.message).toContain("must be between 1 and 3072");
    const empty = await post({ input: [] });
    expect(empty.status).toBe(400);
  });
});
