/**
 * The standalone emulator (`npm run emulator`) as a person starts it, and the words of its errors:
 * `--key` accepts that one key and answers any other with capture 10f's body; the 503 says what
 * Gemini says since 2026.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { GoogleGenAI } from "@google/genai";
import { afterAll, describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, user } from "./emulator-fixture";

const root = fileURLToPath(new URL("../..", import.meta.url));
const started: ChildProcess[] = [];

/** Runs scripts/emulator.ts on a free port and resolves with the URL it prints. */
function startScript(args: string[]): Promise<string> {
  const child = spawn(
    `${root}node_modules/.bin/tsx`,
    ["scripts/emulator.ts", "--port", "0", ...args],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  started.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
    const read = (data: Buffer) => {
      output += data.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}: ${output}`));
    });
  });
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGTERM");
});

const sdk = (baseUrl: string, apiKey: string) =>
  new GoogleGenAI({ apiKey, httpOptions: { baseUrl, apiVersion: "v1beta" } });

describe("npm run emulator -- --key", () => {
  it("accepts only the key it was given and answers another with API_KEY_INVALID", async () => {
    const url = await startScript(["--key", "team-key-123"]);
    const ok = await sdk(url, "team-key-123").models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Hello"),
    });
    expect(ok.candidates?.[0]?.finishReason).toBe("STOP");
    const refused = await sdk(url, "team-key-124")
      .models.generateContent({ model: "gemini-2.5-flash", contents: user("Hello") })
      .catch((error: unknown) => error);
    expect(errorBody(refused)).toEqual({
      error: {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason: "API_KEY_INVALID",
            domain: "googleapis.com",
            metadata: { service: "generativelanguage.googleapis.com" },
          },
          {
            "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
            locale: "en-US",
            message: "API key not valid. Please pass a valid API key.",
          },
        ],
      },
    });
  });

  it("accepts any non-empty key without --key", async () => {
    const url = await startScript([]);
    const ok = await sdk(url, "anything-at-all").models.get({ model: "gemini-2.5-flash" });
    expect(ok.name).toBe("models/gemini-2.5-flash");
  });
});

describe("Google's 503 wording", () => {
  const { client } = setupEmulatorServer();

  it("says the model is experiencing high demand", async () => {
    const error = await client()
      .models.generateContent({
        model: "gemini-3-flash-preview",
        contents: user("#emulator error=503"),
      })
      .catch((e: unknown) => e);
    expect(errorBody(error)).toEqual({
      error: {
        code: 503,
        message:
          "This model is currently experiencing high demand. Spikes in demand are usually temporary. Please try again later.",
        status: "UNAVAILABLE",
      },
    });
  });
});
