import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { preparePrompt } from "@/lib/api/prepare";
import { encodePng } from "@/lib/emulator/media/png-writer";
import type { AppError } from "@/lib/errors";
import { offlineEmulator } from "@/lib/gemini/offline";
import { openRun } from "@/lib/gemini/run";
import type { PromptDocInput } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { foldRunActions, initialRunState } from "@/lib/run/reducer";
import { runApi } from "@/lib/wire/api";

/**
 * One prompt through the Gemini API and through the OpenAI-compatible endpoint, by the app's own
 * run producer against the emulator in this process: the answers fold into the same state, and
 * what the endpoint cannot carry is refused before anything is sent.
 */
const saved = { ...process.env };
delete process.env.GEMINI_API_KEY;
delete process.env.GOOGLE_API_KEY;
delete process.env.GEMINI_BASE_URL;
process.env.PLAYGROUND_DATA_DIR = mkdtempSync(join(tmpdir(), "run-apis-"));
afterAll(() => {
  process.env = saved;
});

type Api = "gemini" | "interactions" | "openai";

async function run(doc: PromptDocInput, api: Api) {
  const signal = new AbortController().signal;
  const { doc: parsed, upstream } = await preparePrompt(
    { ...doc, config: { ...doc.config, api } },
    signal,
  );
  const events: RunEvent[] = [];
  for await (const event of openRun(upstream, {
    requestId: `req-${api}`,
    signal,
    api: runApi(parsed.config),
  })) {
    events.push(event);
  }
  return { events, state: foldRunActions(initialRunState(), events) };
}

const ask = (text: string, rest: Partial<PromptDocInput> = {}): PromptDocInput => ({
  model: "gemini-2.5-flash",
  contents: [{ role: "user", parts: [{ kind: "text", text }] }],
  ...rest,
});

const text = (state: Awaited<ReturnType<typeof run>>["state"]) =>
  state.parts
    .filter((p) => p.kind === "text")
    .map((p) => (p as { text: string }).text)
    .join("");

const lastRequest = () => offlineEmulator().log.list().at(-1);

const PATHS = {
  openai: /\/v1beta\/openai\/chat\/completions$/,
  interactions: /\/v1beta\/interactions$/,
};

describe.each(["openai", "interactions"] as const)(
  "one prompt through the Gemini API and %s",
  (door) => {
    it("gives the same answer and figures, and says which door it took", async () => {
      const prompt = ask("Name three rivers.\n#emulator tokens=60", {
        systemInstruction: "Be brief.",
        config: { temperature: 0.2 },
      });
      const native = await run(prompt, "gemini");
      const compat = await run(prompt, door);
      expect(lastRequest()?.path).toMatch(PATHS[door]);
      expect(compat.state.status).toBe("done");
      expect(text(compat.state)).toBe(text(native.state));
      expect(compat.state.usage?.promptTokenCount).toBe(native.state.usage?.promptTokenCount);
      expect(compat.state.usage?.candidatesTokenCount).toBe(
        native.state.usage?.candidatesTokenCount,
      );
      expect(compat.state.finishReason).toBe("STOP");
      expect(compat.events[0]).toMatchObject({ type: "meta", data: { api: door } });
      expect(native.events[0]).toMatchObject({ type: "meta", data: { api: "gemini" } });
    });

    it("shows thought summaries as thoughts, with the thinking tokens", async () => {
      const prompt = ask("Why is the sky blue?\n#emulator thoughts=40 tokens=30", {
        config: { thinking: { includeThoughts: true } },
      });
      const native = await run(prompt, "gemini");
      const compat = await run(prompt, door);
      const thoughts = (s: typeof compat.state) =>
        s.parts.filter((p) => p.kind === "thought").map((p) => (p as { text: string }).text);
      // The summary's wording follows the request's fingerprint, which the translation changes.
      expect(thoughts(compat.state).join("")).toContain("“Why is the sky blue?”");
      expect(thoughts(native.state).join("")).toContain("“Why is the sky blue?”");
      expect(text(compat.state)).toBe(text(native.state));
      expect(text(compat.state)).not.toContain("thought>");
      expect(compat.state.usage?.thoughtsTokenCount).toBe(native.state.usage?.thoughtsTokenCount);
    });

    it("calls a function on Gemini 3 and goes on once it has the result, its signature sent back", async () => {
      const tools = {
        functionDeclarations: [
          {
            name: "get_weather",
            parameters: { type: "object", properties: { city: { type: "string" } } },
          },
        ],
      };
      const first = ask("Weather in Paris?", { model: "gemini-3-flash-preview", tools });
      const called = await run(first, door);
      const call = called.state.parts.find((p) => p.kind === "functionCall");
      expect(call).toMatchObject({ kind: "functionCall", name: "get_weather" });
      expect((call as { thoughtSignature?: string }).thoughtSignature).toBeTruthy();

      const followUp: PromptDocInput = {
        ...first,
        contents: [
          ...(first.contents ?? []),
          { role: "model", parts: called.state.parts },
          {
            role: "user",
            parts: [{ kind: "functionResponse", name: "get_weather", response: { celsius: 18 } }],
          },
        ],
      };
      const answered = await run(followUp, door);
      expect(answered.state.status).toBe("done");
      expect(text(answered.state)).not.toBe("");
    });

    it("carries an image and answers structured output that parses", async () => {
      const png = await encodePng(4, 3, new Uint8Array(4 * 3 * 3).fill(200));
      const { putBytes } = await import("@/lib/media/blob-store");
      const blob = await putBytes(png, "image/png");
      const withImage = await run(
        {
          model: "gemini-2.5-flash",
          contents: [
            {
              role: "user",
              parts: [
                { kind: "text", text: "What is this?" },
                { kind: "media", sha256: blob.sha256, mimeType: "image/png" },
              ],
            },
          ],
        },
        door,
      );
      expect(text(withImage.state)).toContain(`sha256 ${blob.sha256.slice(0, 12)}, 4×3 px`);

      const json = await run(
        ask("A city.", {
          config: {
            responseMimeType: "application/json",
            responseSchema: {
              type: "object",
              properties: { name: { type: "string" } },
              required: ["name"],
            },
          },
        }),
        door,
      );
      expect(JSON.parse(text(json.state))).toEqual({ name: expect.any(String) });
    });

    it("keeps Google's own error, with the retry delay where the door carries it", async () => {
      const { state } = await run(ask("Busy?\n#emulator error=429 retryDelay=3s"), door);
      expect(state.status).toBe("error");
      expect(state.error).toMatchObject({ code: "rate_limit:gemini" });
      // The Interactions API's error has no RetryInfo; the endpoint's list keeps Google's.
      if (door === "openai") expect(state.error?.retryAfterMs).toBe(3000);
    });
  },
);

describe("the Interactions API's tool steps", () => {
  it("become the sources, suggestions, URL statuses and code parts Gemini's answer carries", async () => {
    const prompt = ask("Compare https://example.com/guide with the news, and compute 2+2.", {
      tools: { googleSearch: true, urlContext: true, codeExecution: true },
    });
    const native = await run(prompt, "gemini");
    const door = await run(prompt, "interactions");
    expect(door.state.status).toBe("done");
    expect(door.state.groundingMetadata?.webSearchQueries).toEqual(
      native.state.groundingMetadata?.webSearchQueries,
    );
    expect(door.state.groundingMetadata?.searchEntryPoint?.renderedContent).toBe(
      native.state.groundingMetadata?.searchEntryPoint?.renderedContent,
    );
    const pages = (s: typeof door.state) =>
      s.groundingMetadata?.groundingChunks?.map((c) => c.web?.uri);
    expect(pages(door.state)?.length).toBeGreaterThan(0);
    expect(new Set(pages(door.state))).toEqual(new Set(pages(native.state)));
    expect(door.state.urlContextMetadata?.urlMetadata).toEqual(
      native.state.urlContextMetadata?.urlMetadata,
    );
    const kinds = (s: typeof door.state) => s.parts.map((p) => p.kind).filter((k) => k !== "text");
    expect(kinds(door.state)).toEqual(kinds(native.state));
    expect(kinds(door.state)).toContain("executableCode");
  });
});

describe("safety settings through the Interactions API", () => {
  it("arrive as the API names them, and the answer is the Gemini API's", async () => {
    const prompt = ask("Be careful.", {
      config: {
        safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" }],
      },
    });
    const native = await run(prompt, "gemini");
    const door = await run(prompt, "interactions");
    expect(door.state.status).toBe("done");
    expect(text(native.state)).toContain("HARM_CATEGORY_HARASSMENT=BLOCK_ONLY_HIGH");
    expect(text(door.state)).toBe(text(native.state));
  });
});

describe("an agent from the catalogue", () => {
  it("is refused in words a person can act on, before anything is sent", async () => {
    const before = offlineEmulator().log.list().length;
    const research = await preparePrompt(
      ask("Research lighthouses", { model: "deep-research-preview-04-2026" }),
    ).catch((error: AppError) => error.body);
    expect(research).toMatchObject({
      status: 400,
      message: expect.stringContaining(
        "Deep Research cannot run this prompt as it is: Deep Research (an agent of the Interactions API), Deep Research without Run in background. It is an agent: it runs only in the background through the Interactions API",
      ),
    });
    // An agent the playground does not run at all.
    const other = await preparePrompt(
      ask("Build me a site", { model: "antigravity-preview-05-2026" }),
    ).catch((error: AppError) => error.body);
    expect(other).toMatchObject({
      status: 400,
      field: "model",
      message: expect.stringContaining("is an agent this playground does not run"),
    });
    expect(
      offlineEmulator()
        .log.list()
        .slice(before)
        .map((r) => r.path),
    ).not.toContainEqual(expect.stringContaining("interactions"));
  });
});

describe("what a door cannot carry", () => {
  it("is refused before anything is sent", async () => {
    const before = offlineEmulator().log.list().length;
    const refusal = await preparePrompt(
      ask("Hello", {
        config: {
          api: "openai",
          safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" }],
        },
        tools: { urlContext: true },
      }),
    ).catch((error: AppError) => error.body);
    expect(refusal).toMatchObject({
      status: 400,
      field: "config.api",
      message:
        "OpenAI compatibility cannot carry these parts of the prompt: Safety settings, URL context. Remove them, or run through the Gemini API.",
    });
    expect(offlineEmulator().log.list().length).toBe(before);
  });
});
