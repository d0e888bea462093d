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

/** Google's endpoint, named explicitly: see `gemini()`. */
export const GOOGLE_BASE_URL = "https://generativelanguage.googleapis.com";

/**
 * The one place the SDK is constructed. With a key it talks to Gemini (or GEMINI_BASE_URL);
 * without one it talks to the emulator inside this process through the SDK's own `fetch` hook,
 * so offline mode exercises exactly the same request and stream code as production.
 *
 * The base URL is always passed, Google's own when GEMINI_BASE_URL is unset: without one the SDK
 * reads GOOGLE_GEMINI_BASE_URL from the environment, and a stray value there would send the
 * server's key to whoever it names.
 */
export function gemini(): GeminiClient {
  if (client) return client;
  const env = serverEnv();
  registerSecret(env.apiKey);
  // The emulator accepts any non-empty key; this placeholder is not a secret.
  const apiKey = env.apiKey ?? "offline-emulator";
  const rest = env.offline
    ? { baseUrl: "http://emulator.invalid", fetch: offlineFetch() }
    : { baseUrl: env.baseUrl ?? GOOGLE_BASE_URL, fetch: runtimeFetch };
  const ai = new GoogleGenAI({
    apiKey,
    httpOptions: { apiVersion: env.apiVersion, baseUrl: rest.baseUrl, fetch: rest.fetch },
  });
  client = {
    ai,
    simulated: env.offline,
    rest: { ...rest, apiKey, apiVersion: env.apiVersion },
  };
  return client;
}

/** The global `fetch` as Next.js leaves it, with the function it wrapped. */
type PatchedFetch = typeof fetch & { _nextOriginalFetch?: typeof fetch };

/**
 * The runtime's own fetch, for every call to Gemini. Next.js replaces the global `fetch` with one
 * that opens a trace span and does its cache bookkeeping on every call (0.1–0.2 ms of a run's
 * CPU in a profile of 20 streams), and rebuilds a `Request` argument around its body as a stream,
 * so the Interactions client's request went out chunked. Beneath that, its dedupe step tees the
 * body of a GET sent without a signal, to share it with identical GETs of one render: a streamed
 * GET (a background run's events) then stays open until the unread copy is garbage-collected.
 * Next keeps the function it wrapped as `_nextOriginalFetch`, whose dedupe step hands a call
 * that has a signal straight to the runtime's fetch; every call is given one. Looked up on each
 * call: outside Next (tests) the global is the runtime's own, and may be stubbed after start-up.
 */
export const runtimeFetch: typeof fetch = (input, init) => {
  const patched = globalThis.fetch as PatchedFetch;
  const own = patched._nextOriginalFetch;
  if (!own) return patched(input, init);
  if (init?.signal) return own(input, init);
  const signal = input instanceof Request ? input.signal : new AbortController().signal;
  return own(input, { ...init, signal });
};

/**
 * Who answers, for messages a person reads. Never GEMINI_BASE_URL's host: a gateway's internal
 * name, address or port is the server's business (the log keeps it), not the browser's.
 */
export function upstreamName(): string {
  return serverEnv().offline ? "the built-in emulator" : "Gemini";
}
