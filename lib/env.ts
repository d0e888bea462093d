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

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const seconds = (fallback: number, min = 1) => z.coerce.number().min(min).default(fallback);
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

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
  PLAYGROUND_MEDIA_TOTAL_BYTES: count(5 * 1024 ** 3, 1024),
  PLAYGROUND_MEDIA_RETENTION_DAYS: seconds(30, 0),
  PLAYGROUND_ALLOWED_ORIGINS: list.pipe(
    z.array(
      z.url({
        message: "PLAYGROUND_ALLOWED_ORIGINS must list origins such as https://play.example.com",
      }),
    ),
  ),
  PLAYGROUND_PUBLIC_HOSTS: list,
  PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS: seconds(120, 0.1),
  PLAYGROUND_UPSTREAM_IDLE_SECONDS: seconds(60, 0.1),
  PLAYGROUND_STREAM_PING_SECONDS: seconds(15, 0.1),
  PLAYGROUND_MAX_CONCURRENT_RUNS: count(32),
  PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT: count(8),
  PLAYGROUND_MAX_CONCURRENT_UPLOADS: count(64),
  PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT: count(8),
  PLAYGROUND_MAX_INFLIGHT_BYTES: count(64 * 1024 * 1024, 1024),
  PLAYGROUND_MAX_PARTS: count(10_000),
  PLAYGROUND_MAX_JSON_DEPTH: count(64, 8),
  PLAYGROUND_UPLOAD_IDLE_SECONDS: seconds(30, 0.1),
  // How long a server holds a background run it follows before another may take it over.
  PLAYGROUND_BACKGROUND_LEASE_SECONDS: seconds(30, 1),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        message: "DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host/db",
      })
      .optional(),
  ),
  PLAYGROUND_ACCESS_CODE: list,
  PLAYGROUND_SESSION_SECRET: optionalString.pipe(
    z
      .string()
      .min(32, { message: "PLAYGROUND_SESSION_SECRET must be at least 32 characters" })
      .optional(),
  ),
  PLAYGROUND_TRUSTED_USER_HEADER: optionalString,
  HOSTNAME: optionalString,
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
  /** All stored media together may not exceed this; an upload past it is answered 507. */
  mediaTotalBytes: number;
  /** Blobs nothing used for this long are removed by the sweep (0 keeps them forever). */
  mediaRetentionMs: number;
  /** The same, as days, as people are told it. */
  mediaRetentionDays: number;
  /** Origins besides the server's own that may send state-changing requests (behind a proxy). */
  allowedOrigins: string[];
  /** Host names (host or host:port) the server answers to besides loopback and its bound address. */
  publicHosts: string[];
  /** The address the server was started on (`HOSTNAME`), when not a wildcard. */
  boundHost: string | undefined;
  /** A run whose first chunk takes longer ends with a timeout. */
  firstChunkTimeoutMs: number;
  /** A run that goes silent this long between chunks ends with a timeout. */
  idleTimeoutMs: number;
  /** A background run's lease: a server that stopped renewing it is taken over after this. */
  backgroundLeaseMs: number;
  /** How often an SSE comment keeps a waiting stream alive through proxies. */
  pingIntervalMs: number;
  maxConcurrentRuns: number;
  maxConcurrentRunsPerClient: number;
  maxConcurrentUploads: number;
  maxConcurrentUploadsPerClient: number;
  /** Request bytes being read at once across all requests (per client: half of it). */
  maxInflightBytes: number;
  /** Parts across all turns of one document. */
  maxParts: number;
  /** JSON nesting a request body may have. */
  maxJsonDepth: number;
  /** An upload that sends nothing for this long is dropped. */
  uploadIdleMs: number;
  /** A PostgreSQL server's URL; undefined: SQLite in the data folder. Never log it (a password). */
  databaseUrl: string | undefined;
  /** Codes that let a person sign in; empty: no gate, and only this machine is answered. */
  accessCodes: string[];
  /** Signs session cookies; undefined: generated once and kept in the data folder. */
  sessionSecret: string | undefined;
  /** A header an identity-aware proxy in front sets to the signed-in person's name. */
  trustedUserHeader: string | undefined;
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
    mediaTotalBytes: env.PLAYGROUND_MEDIA_TOTAL_BYTES,
    mediaRetentionMs: env.PLAYGROUND_MEDIA_RETENTION_DAYS * 86_400_000,
    mediaRetentionDays: env.PLAYGROUND_MEDIA_RETENTION_DAYS,
    allowedOrigins: env.PLAYGROUND_ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    publicHosts: env.PLAYGROUND_PUBLIC_HOSTS.map((host) => host.toLowerCase()),
    boundHost:
      env.HOSTNAME && !["0.0.0.0", "::", "[::]"].includes(env.HOSTNAME) ? env.HOSTNAME : undefined,
    firstChunkTimeoutMs: env.PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS * 1000,
    idleTimeoutMs: env.PLAYGROUND_UPSTREAM_IDLE_SECONDS * 1000,
    backgroundLeaseMs: env.PLAYGROUND_BACKGROUND_LEASE_SECONDS * 1000,
    pingIntervalMs: env.PLAYGROUND_STREAM_PING_SECONDS * 1000,
    maxConcurrentRuns: env.PLAYGROUND_MAX_CONCURRENT_RUNS,
    maxConcurrentRunsPerClient: env.PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT,
    maxConcurrentUploads: env.PLAYGROUND_MAX_CONCURRENT_UPLOADS,
    maxConcurrentUploadsPerClient: env.PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT,
    maxInflightBytes: env.PLAYGROUND_MAX_INFLIGHT_BYTES,
    maxParts: env.PLAYGROUND_MAX_PARTS,
    maxJsonDepth: env.PLAYGROUND_MAX_JSON_DEPTH,
    uploadIdleMs: env.PLAYGROUND_UPLOAD_IDLE_SECONDS * 1000,
    databaseUrl: env.DATABASE_URL,
    accessCodes: env.PLAYGROUND_ACCESS_CODE,
    sessionSecret: env.PLAYGROUND_SESSION_SECRET,
    trustedUserHeader: env.PLAYGROUND_TRUSTED_USER_HEADER?.toLowerCase(),
  };
  return cached;
}
