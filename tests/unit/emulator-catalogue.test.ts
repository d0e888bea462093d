import { describe, expect, it } from "vitest";
import {
  catalogueSize,
  DEFAULT_PAGE_SIZE,
  decodePageToken,
  encodePageToken,
  findModel,
  listModels,
  supportsMethod,
} from "@/lib/emulator/catalogue/catalogue";

describe("emulator model catalogue", () => {
  it("lists the models the playground offers, with real limits", () => {
    for (const id of [
      "gemini-2.5-flash",
      "gemini-2.5-pro",
      "gemini-2.5-flash-lite",
      "gemini-2.0-flash",
      "gemini-3-pro-preview",
      "gemini-3-flash-preview",
      "gemini-3.5-flash",
      "gemini-flash-latest",
      "gemini-2.5-flash-image",
      "gemini-3.1-flash-image-preview",
      "gemini-2.5-flash-preview-tts",
      "gemini-2.5-pro-preview-tts",
      "gemini-3.1-flash-tts-preview",
      "gemini-embedding-001",
      "imagen-4.0-generate-001",
      "veo-3.1-lite-generate-preview",
    ]) {
      expect(findModel(id), id).toBeDefined();
    }
    expect(findModel("models/gemini-2.5-flash")).toMatchObject({
      inputTokenLimit: 1048576,
      outputTokenLimit: 65536,
      thinking: true,
    });
  });

  it("keeps Google's field order and leaves sampling fields off media models", () => {
    expect(Object.keys(findModel("gemini-2.5-flash") ?? {})).toEqual([
      "name",
      "version",
      "displayName",
      "description",
      "inputTokenLimit",
      "outputTokenLimit",
      "supportedGenerationMethods",
      "temperature",
      "topP",
      "topK",
      "maxTemperature",
      "thinking",
    ]);
    const imagen = findModel("imagen-4.0-generate-001") ?? {};
    expect(imagen).not.toHaveProperty("temperature");
    expect(imagen).not.toHaveProperty("thinking");
    expect(findModel("gemini-2.5-flash-image")?.maxTemperature).toBe(1);
    expect(findModel("gemini-2.0-flash")).not.toHaveProperty("thinking");
  });

  it("derives streaming and batch embedding support from the listed methods", () => {
    const flash = findModel("gemini-2.5-flash");
    const embedding = findModel("gemini-embedding-001");
    if (!flash || !embedding) throw new Error("missing models");
    expect(supportsMethod(flash, "streamGenerateContent")).toBe(true);
    expect(supportsMethod(embedding, "generateContent")).toBe(false);
    expect(supportsMethod(embedding, "batchEmbedContents")).toBe(true);
  });

  it("pages through every model exactly once, the last page without a token", () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page = listModels("5", token);
      seen.push(...page.models.map((m) => m.name));
      token = page.nextPageToken ?? null;
      pages += 1;
      if (token === null) expect(page).not.toHaveProperty("nextPageToken");
    } while (token);
    expect(pages).toBe(Math.ceil(catalogueSize() / 5));
    expect(new Set(seen).size).toBe(catalogueSize());
  });

  it("defaults to pages of 50 like Google", () => {
    expect(DEFAULT_PAGE_SIZE).toBe(50);
    expect(listModels(null, null).models).toHaveLength(Math.min(50, catalogueSize()));
  });

  it("encodes page tokens as Google does and rejects garbage", () => {
    expect(encodePageToken("models/veo-3.1-lite-generate-preview")).toBe(
      "CiRtb2RlbHMvdmVvLTMuMS1saXRlLWdlbmVyYXRlLXByZXZpZXc=",
    );
    expect(decodePageToken(encodePageToken("models/x"))).toBe("models/x");
    expect(() => listModels("5", "not-a-token")).toThrow("Invalid page token.");
  });
});
