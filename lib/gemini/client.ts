import "server-only";
import { GoogleGenAI } from "@google/genai";
import { serverEnv } from "@/lib/env";
import { registerSecret } from "@/lib/log";
import { offlineFetch } from "./offline";

export interface GeminiClient {
  ai: GoogleGenAI;
  /** True when answers come from the built-in emulator. */
  simulated: boolean;
  /** For the few REST methods the SDK does not offer on the Gemini API (Imagen's `predict`). */
  rest: { baseUrl: string; apiVersion: string; fetch: typeof fetch; apiKey: string };
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
  // The emulator accepts any non-empty key; this placeholder is not a secret.
  const apiKey = env.apiKey ?? "offline-emulator";
  const rest = env.offline
    ? { baseUrl: "http://emulator.invalid", fetch: offlineFetch() }
    : {
        baseUrl: env.baseUrl ?? "https://generativelanguage.googleapis.com",
        fetch: globalThis.fetch,
      };
  const ai = new GoogleGenAI({
    apiKey,
    httpOptions: {
      apiVersion: env.apiVersion,
      ...(env.offline ? rest : env.baseUrl && { baseUrl: env.baseUrl }),
    },
  });
  client = {
    ai,
    simulated: env.offline,
    rest: { ...rest, apiKey, apiVersion: env.apiVersion },
  };
  return client;
}

/** Where requests go, for messages a person reads (never includes the key). */
export function upstreamName(): string {
  const env = serverEnv();
  if (env.offline) return "the built-in emulator";
  return env.baseUrl ? new URL(env.baseUrl).host : "Gemini";
}
