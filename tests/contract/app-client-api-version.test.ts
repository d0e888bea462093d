import { afterEach, describe, expect, it, vi } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { server } = setupEmulatorServer();

/**
 * The app's own client, configured from the environment as the server configures it. SDK 3 calls
 * `/v1/` unless told otherwise, and some features the playground uses are v1beta-only, so the
 * version the app asks for must be the one on the wire.
 */
async function appClient(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { gemini } = await import("@/lib/gemini/client");
  const { predictImages } = await import("@/lib/gemini/predict-images");
  return { gemini, predictImages };
}

const paths = (from: number) =>
  server()
    .log.list()
    .slice(from)
    .map((entry) => entry.path);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the app's Gemini client", () => {
  it("speaks v1beta by default, through the SDK and over REST", async () => {
    const { gemini, predictImages } = await appClient({
      GEMINI_API_KEY: "app-key",
      GEMINI_BASE_URL: server().url,
      GEMINI_API_VERSION: undefined,
    });
    const before = server().log.list().length;
    const answer = await gemini().ai.models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Which version?"),
    });
    expect(answer.text).toContain("- Turns: 1");
    await gemini().ai.models.list();
    const images = await predictImages(
      { model: "imagen-4.0-fast-generate-001", prompt: "A kite", config: { numberOfImages: 1 } },
      new AbortController().signal,
    );
    expect(images).toHaveLength(1);
    expect(paths(before)).toEqual([
      "/v1beta/models/gemini-2.5-flash:generateContent",
      "/v1beta/models",
      "/v1beta/models/imagen-4.0-fast-generate-001:predict",
    ]);
  });

  it("follows GEMINI_API_VERSION when it is set", async () => {
    const { gemini } = await appClient({
      GEMINI_API_KEY: "app-key",
      GEMINI_BASE_URL: server().url,
      GEMINI_API_VERSION: "v1",
    });
    const before = server().log.list().length;
    await gemini().ai.models.generateContent({ model: "gemini-2.5-flash", contents: user("v1") });
    expect(paths(before)).toEqual(["/v1/models/gemini-2.5-flash:generateContent"]);
  });
});
