/**
 * Caches, File Search stores and the built-in tools only some models have, through @google/genai
 * over HTTP: what a missing cache or store gets, Google Maps grounding metadata, and the refusals.
 */
import { Environment } from "@google/genai";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, user } from "./emulator-fixture";

const { client } = setupEmulatorServer();

const failure = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

describe("resources that do not exist", () => {
  it("answers a cachedContent that does not exist with 403 PERMISSION_DENIED", async () => {
    const error = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user("Summarise the cached book"),
        config: { cachedContent: "cachedContents/no-such-cache" },
      }),
    );
    expect(errorBody(error)).toEqual({
      error: {
        code: 403,
        message: "CachedContent not found (or permission denied)",
        status: "PERMISSION_DENIED",
      },
    });
  });

  it("refuses a fileSearch tool naming a store that does not exist", async () => {
    const error = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user("What does the handbook say about leave?"),
        config: {
          tools: [{ fileSearch: { fileSearchStoreNames: ["fileSearchStores/handbook"] } }],
        },
      }),
    );
    expect(errorBody(error)).toEqual({
      error: {
        code: 403,
        message:
          "You do not have permission to access the FileSearchStore fileSearchStores/handbook or it may not exist.",
        status: "PERMISSION_DENIED",
      },
    });
  });
});

describe("Grounding with Google Maps", () => {
  it("grounds the answer in places: maps chunks with place ids, supports, a widget token", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Good Italian restaurants within a short walk?"),
      config: {
        tools: [{ googleMaps: { enableWidget: true } }],
        toolConfig: {
          retrievalConfig: { latLng: { latitude: 34.050481, longitude: -118.248526 } },
        },
      },
    });
    const metadata = response.candidates?.[0]?.groundingMetadata;
    const chunks = metadata?.groundingChunks ?? [];
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      expect(chunk.web).toBeUndefined();
      expect(chunk.maps?.uri).toMatch(/^https:\/\/maps\.example\.com\/\?cid=\d+/);
      expect(chunk.maps?.placeId).toMatch(/^places\/ChIJ[\w-]{23}$/);
      expect(chunk.maps?.title).toBeTruthy();
    }
    expect(metadata?.googleMapsWidgetContextToken).toMatch(/^widgetcontent\//);
    const text = response.text ?? "";
    for (const support of metadata?.groundingSupports ?? []) {
      const bytes = Buffer.from(text, "utf8");
      const { startIndex = 0, endIndex = 0 } = support.segment ?? {};
      expect(bytes.subarray(startIndex, endIndex).toString("utf8")).toBe(support.segment?.text);
    }
    expect(text).toContain("near 34.0505, -118.2485");
    expect(response.usageMetadata?.toolUsePromptTokenCount).toBeGreaterThan(0);
  });

  it("sends the widget token only when the tool asks for it", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3-flash-preview",
      contents: user("Coffee nearby?"),
      config: { tools: [{ googleMaps: {} }] },
    });
    const metadata = response.candidates?.[0]?.groundingMetadata;
    expect(metadata?.groundingChunks?.[0]?.maps).toBeDefined();
    expect(metadata?.googleMapsWidgetContextToken).toBeUndefined();
  });

  it("refuses it with JSON output, and on a model without it", async () => {
    const json = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user("Coffee nearby?"),
        config: { tools: [{ googleMaps: {} }], responseMimeType: "application/json" },
      }),
    );
    expect(errorBody(json).error.message).toBe(
      "Google Maps tool with a response mime type: 'application/json' is unsupported",
    );
    const image = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash-image",
        contents: user("Draw the coffee shops nearby"),
        config: { tools: [{ googleMaps: {} }] },
      }),
    );
    expect(errorBody(image).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
  });
});

describe("Computer Use", () => {
  const computerUse = [{ computerUse: { environment: Environment.ENVIRONMENT_BROWSER } }];

  it("is refused by a model without it", async () => {
    const error = await failure(
      client().models.generateContent({
        model: "gemini-2.5-flash",
        contents: user("Open example.com"),
        config: { tools: computerUse },
      }),
    );
    expect(errorBody(error).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
  });

  it("is required by the computer-use model", async () => {
    const error = await failure(
      client().models.generateContent({
        model: "gemini-2.5-computer-use-preview-10-2025",
        contents: user("Open example.com"),
      }),
    );
    expect(errorBody(error)).toEqual({
      error: {
        code: 400,
        message:
          "This model requires the use of the Computer Use tool. See https://ai.google.dev/gemini-api/docs/computer-use#send-request for instructions on adding the tool.",
        status: "INVALID_ARGUMENT",
      },
    });
    const accepted = await client().models.generateContent({
      model: "gemini-2.5-computer-use-preview-10-2025",
      contents: user("Open example.com"),
      config: { tools: computerUse },
    });
    expect(accepted.candidates?.[0]?.finishReason).toBe("STOP");
  });
});
