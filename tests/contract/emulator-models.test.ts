import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

describe("models through @google/genai", () => {
  it("iterates every page of models.list with a small page size", async () => {
    const pager = await client().models.list({ config: { pageSize: 5 } });
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? "");
    const listCalls = server()
      .log.list()
      .filter((entry) => entry.path === "/v1beta/models");
    expect(listCalls.length).toBeGreaterThanOrEqual(5);
    expect(names.length).toBeGreaterThan(20);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("models/gemini-3.5-flash");
    expect(names).toContain("models/veo-3.1-lite-generate-preview");
  });

  it("returns one model with the fields the playground reads", async () => {
    const model = await client().models.get({ model: "gemini-2.5-flash" });
    expect(model).toMatchObject({
      name: "models/gemini-2.5-flash",
      displayName: "Gemini 2.5 Flash",
      inputTokenLimit: 1048576,
      outputTokenLimit: 65536,
      supportedActions: [
        "generateContent",
        "countTokens",
        "createCachedContent",
        "batchGenerateContent",
      ],
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
      thinking: true,
    });
  });

  it("answers 404 NOT_FOUND for an unknown model", async () => {
    const failure = await client()
      .models.get({ model: "gemini-9-ultra" })
      .catch((error: unknown) => error);
    expect((failure as { status: number }).status).toBe(404);
    expect(errorBody(failure).error.status).toBe("NOT_FOUND");
  });
});
