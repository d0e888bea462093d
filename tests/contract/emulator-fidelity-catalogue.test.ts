/**
 * models.list and models.get as Google serves them (capture 11's listing and page token, the
 * embedding models of captures 12b/12c), through @google/genai and raw HTTP.
 */
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

interface ModelsPage {
  models: { name: string }[];
  nextPageToken?: string;
}

async function page(query = ""): Promise<ModelsPage> {
  const response = await fetch(`${server().url}/v1beta/models${query}`, {
    headers: { "x-goog-api-key": "test-key" },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ModelsPage;
}

describe("models.list paging", () => {
  it("sends 50 models a page by default, then the token capture 11 ends its first page with", async () => {
    const first = await page();
    expect(first.models).toHaveLength(50);
    expect(first.models.at(-1)?.name).toBe("models/veo-3.1-lite-generate-preview");
    expect(first.nextPageToken).toBe("CiRtb2RlbHMvdmVvLTMuMS1saXRlLWdlbmVyYXRlLXByZXZpZXc=");
    const second = await page(`?pageToken=${encodeURIComponent(first.nextPageToken ?? "")}`);
    expect(second.models.length).toBeGreaterThan(0);
    expect(second).not.toHaveProperty("nextPageToken");
  });

  it("keeps capture 11's order and caps pageSize at 1000", async () => {
    const all = await page("?pageSize=5000");
    expect(all).not.toHaveProperty("nextPageToken");
    const names = all.models.map((model) => model.name);
    const captured = [
      "gemini-2.5-flash",
      "gemini-2.5-pro",
      "gemini-2.0-flash",
      "gemini-2.5-flash-preview-tts",
      "gemini-flash-latest",
      "gemini-2.5-flash-image",
      "gemini-3-pro-preview",
      "gemini-3-flash-preview",
      "gemini-3.1-flash-image-preview",
      "gemini-3.5-flash",
      "gemini-3.1-flash-tts-preview",
      "antigravity-preview-05-2026",
      "gemini-embedding-001",
      "aqa",
      "imagen-4.0-generate-001",
      "veo-3.1-lite-generate-preview",
    ].map((id) => `models/${id}`);
    const positions = captured.map((name) => names.indexOf(name));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("lets the SDK's pager walk every page without a page size", async () => {
    const pager = await client().models.list();
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? "");
    expect(names.length).toBeGreaterThan(50);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("models capture 11 lists that the catalogue lacked", () => {
  it("serves the Gemini Embedding 2 models, embedding and counting as captures 12b/12c show", async () => {
    for (const id of ["gemini-embedding-2-preview", "gemini-embedding-2"]) {
      const model = await client().models.get({ model: id });
      expect(model).toMatchObject({
        name: `models/${id}`,
        version: "2",
        inputTokenLimit: 8192,
        outputTokenLimit: 1,
        supportedActions: [
          "embedContent",
          "countTextTokens",
          "countTokens",
          "asyncBatchEmbedContent",
        ],
      });
      expect(model.temperature).toBeUndefined();
    }
    const embedded = await client().models.embedContent({
      model: "gemini-embedding-2-preview",
      contents: ["a short query"],
      config: { outputDimensionality: 768 },
    });
    expect(embedded.embeddings?.[0]?.values).toHaveLength(768);
    const counted = await client().models.countTokens({
      model: "gemini-embedding-2-preview",
      contents: "a short query",
    });
    expect(counted.totalTokens).toBeGreaterThan(0);
  });

  it("serves Gemini 3.1 Flash Image and the agents with Google's fields", async () => {
    expect(await client().models.get({ model: "gemini-3.1-flash-image" })).toMatchObject({
      displayName: "Nano Banana 2",
      inputTokenLimit: 65536,
      outputTokenLimit: 65536,
      supportedActions: ["generateContent", "countTokens", "batchGenerateContent"],
      maxTemperature: 1,
      thinking: true,
    });
    const agent = await client().models.get({ model: "antigravity-preview-05-2026" });
    expect(agent).toMatchObject({
      version: "0.1",
      displayName: "Antigravity Agent Preview",
      inputTokenLimit: 131072,
      outputTokenLimit: 65536,
      supportedActions: ["generateContent", "countTokens"],
    });
    expect(agent.temperature).toBeUndefined();
    expect(agent.thinking).toBeUndefined();
  });
});
