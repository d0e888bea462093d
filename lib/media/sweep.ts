import "server-only";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { blobBackend } from "./backend";
import { isSavedMedia } from "./saved-media";
import { mediaUsage } from "./usage";

/**
 * Retention: blobs nobody has used for PLAYGROUND_MEDIA_RETENTION_DAYS are removed, unless a saved
 * prompt or a shared run holds them. "Used" is renewed whenever a blob is stored again, served,
 * sent to Gemini, or kept by a page whose saved draft holds it (POST /api/media/keep, sent as the
 * page opens), so a draft that is opened at least once per retention period never loses a file.
 */

/** Half-written files older than this were left by a crash: an upload in progress keeps writing, and one that stalls is cut off within a minute. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface SweepOptions {
  /** Blobs last used longer ago than this are removed; 0 keeps them forever. */
  retentionMs: number;
  now?: number;
  /** Whether something the server holds (a saved prompt, a shared run) still needs the blob. */
  isReferenced?: (sha256: string) => boolean | Promise<boolean>;
}

export interface SweepResult {
  removed: number;
  freedBytes: number;
  leftovers: number;
}

export async function sweepMedia(options: SweepOptions): Promise<SweepResult> {
  const { retentionMs, isReferenced } = options;
  const now = options.now ?? Date.now();
  const backend = blobBackend();
  const usage = await mediaUsage();
  const result: SweepResult = { removed: 0, freedBytes: 0, leftovers: 0 };
  result.leftovers = await backend.removeLeftovers(now - LEFTOVER_AGE_MS);
  if (retentionMs > 0) {
    const before = now - retentionMs;
    for await (const blob of backend.unusedSince(before)) {
      if (await isReferenced?.(blob.sha256)) continue;
      const freed = await backend.removeIfUnused(blob.sha256, before);
      if (!freed) continue;
      usage.forget(freed);
      result.removed++;
      result.freedBytes += freed;
    }
  }
  return result;
}

let scheduled = false;

/**
 * Sweep once soon after the store is first touched, then every hour (more often when the
 * retention itself is shorter than a few hours). Timers are unref'd: they never keep the
 * process alive.
 */
export function scheduleMediaSweeps(): void {
  if (scheduled) return;
  scheduled = true;
  const { mediaRetentionMs: retentionMs } = serverEnv();
  const every = retentionMs > 0 ? Math.min(Math.max(retentionMs / 4, 1000), HOUR_MS) : HOUR_MS;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const result = await sweepMedia({ retentionMs, isReferenced: isSavedMedia });
      if (result.removed || result.leftovers) log("info", "media sweep", { ...result });
      await (await mediaUsage()).remeasure(() => blobBackend().totalBytes());
    } catch (error) {
      log("error", "media sweep failed", { error: error instanceof Error ? error.message : error });
    } finally {
      running = false;
    }
  };
  setTimeout(sweep, 0).unref();
  setInterval(sweep, every).unref();
}
