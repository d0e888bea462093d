/**
 * Ports of the three e2e servers. E2E_PORT_BASE moves them all, so two suites can run at once
 * on one machine (with NEXT_DIST_DIR keeping their builds apart).
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4310);

export const PORTS = { emulator: base, app: base + 1, offline: base + 2 } as const;

/** The app's media limits in the e2e suite (playwright.config.ts passes them to the server). */
export const MEDIA_LIMITS = { inlineBytes: 256 * 1024, maxBytes: 4 * 1024 * 1024 } as const;
