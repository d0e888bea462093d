import "server-only";
import { z } from "zod";

/**
 * The server's configuration, read and validated once. A wrong value stops the server with a
 * message naming the variable, instead of failing later inside a request.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

const EnvSchema = z.object({
  GOOGLE_API_KEY: optionalString,
  GEMINI_API_KEY: optionalString,
  GEMINI_BASE_URL: optionalString.pipe(
    z.url({ message: "GEMINI_BASE_URL must be a URL such as http://127.0.0.1:8787" }).optional(),
  ),
  GEMINI_API_VERSION: z.enum(["v1beta", "v1", "v1alpha"]).default("v1beta"),
  PLAYGROUND_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  PLAYGROUND_MODELS_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  PLAYGROUND_DATA_DIR: z.string().trim().min(1).default(".data"),
  PLAYGROUND_MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 ** 3)
    .default(100 * 1024 * 1024),
  PLAYGROUND_MEDIA_INLINE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(15 * 1024 * 1024)
    .default(4 * 1024 * 1024),
});

export interface ServerEnv {
  /** Undefined in offline mode. Never log or return it. */
  apiKey: string | undefined;
  baseUrl: string | undefined;
  apiVersion: "v1beta" | "v1" | "v1alpha";
  /** True when no key is configured: answers come from the built-in emulator. */
  offline: boolean;
  maxBodyBytes: number;
  modelsCacheMs: number;
  /** Where the SQLite file and the media blobs live. */
  dataDir: string;
  /** Largest file POST /api/media accepts (the Files API itself takes up to 2 GB). */
  mediaMaxBytes: number;
  /** Files up to this size are sent inline; larger ones go through the Files API. */
  mediaInlineBytes: number;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const env = parsed.data;
  // Same precedence as @google/genai: GOOGLE_API_KEY wins over GEMINI_API_KEY.
  const apiKey = env.GOOGLE_API_KEY ?? env.GEMINI_API_KEY;
  cached = {
    apiKey,
    baseUrl: env.GEMINI_BASE_URL,
    apiVersion: env.GEMINI_API_VERSION,
    offline: apiKey === undefined,
    maxBodyBytes: env.PLAYGROUND_MAX_BODY_BYTES,
    modelsCacheMs: env.PLAYGROUND_MODELS_CACHE_SECONDS * 1000,
    dataDir: env.PLAYGROUND_DATA_DIR,
    mediaMaxBytes: env.PLAYGROUND_MEDIA_MAX_BYTES,
    mediaInlineBytes: env.PLAYGROUND_MEDIA_INLINE_BYTES,
  };
  return cached;
}
