import "server-only";
import { GoogleGenAI } from "@google/genai";
import { serverEnv } from "@/lib/env";
import { registerSecret } from "@/lib/log";
import { offlineFetch } from "./offline";

export interface GeminiClient {
  ai: GoogleGenAI;
  /** True when answers come from the built-in emulator. */
  simulated: boolean;
}

let client: GeminiClient | undefined;

/**
 * The one place the SDK is constructed. With a key it talks to Gemini (or GEMINI_BASE_URL);
 * without one it talks to the emulator inside this process through the SDK's own `fetch` hook,
 * so offline mode exercises exactly the same request and stream code as production.
 */
export function gemini(): GeminiClient {
  if (client) return client;
  const env = serverEnv();
  registerSecret(env.apiKey);
  const ai = env.offline
    ? new GoogleGenAI({
        // The emulator accepts any non-empty key; this placeholder is not a secret.
        apiKey: "offline-emulator",
        httpOptions: {
          baseUrl: "http://emulator.invalid",
          apiVersion: env.apiVersion,
          fetch: offlineFetch(),
        },
      })
    : new GoogleGenAI({
        apiKey: env.apiKey,
        httpOptions: { apiVersion: env.apiVersion, ...(env.baseUrl && { baseUrl: env.baseUrl }) },
      });
  client = { ai, simulated: env.offline };
  return client;
}

/** Where requests go, for messages a person reads (never includes the key). */
export function upstreamName(): string {
  const env = serverEnv();
  if (env.offline) return "the built-in emulator";
  return env.baseUrl ? new URL(env.baseUrl).host : "Gemini";
}
