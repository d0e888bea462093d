/**
 * Ports of the five e2e servers. E2E_PORT_BASE moves them all, so two suites can run at once
 * on one machine (with NEXT_DIST_DIR keeping their builds apart).
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4310);

export const PORTS = {
  emulator: base,
  app: base + 1,
  offline: base + 2,
  limited: base + 3,
  gated: base + 4,
} as const;

/** The gated server's access codes and the header its stand-in identity proxy sets. */
export const GATE = {
  codes: ["e2e-team-code", "e2e-second-code"],
  trustedUserHeader: "x-e2e-user",
} as const;

/**
 * The limited server's settings: the app in front of the emulator with short timeouts and small
 * limits, so timeouts, limits and the quota are reached in seconds (playwright.config.ts).
 */
export const LIMITED = {
  firstChunkSeconds: 2,
  idleSeconds: 2,
  pingSeconds: 0.5,
  maxConcurrentRuns: 3,
  maxConcurrentRunsPerClient: 2,
  maxConcurrentUploadsPerClient: 2,
  mediaTotalBytes: 1024 * 1024,
  /** Blobs unused this long are swept (PLAYGROUND_MEDIA_RETENTION_DAYS, as seconds here). */
  mediaRetentionSeconds: 6,
  uploadIdleSeconds: 2,
} as const;

/** The app's media limits in the e2e suite (playwright.config.ts passes them to the server). */
export const MEDIA_LIMITS = { inlineBytes: 256 * 1024, maxBytes: 4 * 1024 * 1024 } as const;
