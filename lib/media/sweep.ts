import "server-only";
import { rm, stat } from "node:fs/promises";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { scanStore } from "./blob-layout";
import { mediaUsage } from "./usage";

/**
 * Retention: blobs nobody has used for PLAYGROUND_MEDIA_RETENTION_DAYS are removed. "Used" is
 * the blob's modification time, renewed whenever it is stored again, served, sent to Gemini, or
 * kept by a page whose saved draft holds it (POST /api/media/keep, sent as the page opens), so a
 * draft that is opened at least once per retention period never loses a file.
 */

/** Half-written files older than this were left by a crash: an upload in progress keeps writing, and one that stalls is cut off within a minute. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface SweepOptions {
  /** Blobs last used longer ago than this are removed; 0 keeps them forever. */
  retentionMs: number;
  now?: number;
  /** Whether something the server holds (a saved prompt, a run in history) still needs the blob. */
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
  const usage = await mediaUsage();
  const result: SweepResult = { removed: 0, freedBytes: 0, leftovers: 0 };
  for await (const file of scanStore()) {
    if (file.kind === "leftover") {
      if (now - file.lastUsedMs > LEFTOVER_AGE_MS) {
        await rm(file.path, { force: true });
        result.leftovers++;
      }
      continue;
    }
    if (retentionMs === 0 || now - file.lastUsedMs <= retentionMs) continue;
    if (file.sha256 && (await isReferenced?.(file.sha256))) continue;
    // Used while the sweep was walking the store? Then it stays.
    const fresh = await stat(file.path).catch(() => undefined);
    if (!fresh || now - fresh.mtimeMs <= retentionMs) continue;
    await rm(file.path, { force: true });
    await rm(`${file.path}.json`, { force: true });
    usage.forget(fresh.size);
    result.removed++;
    result.freedBytes += fresh.size;
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
      const result = await sweepMedia({ retentionMs });
      if (result.removed || result.leftovers) log("info", "media sweep", { ...result });
    } catch (error) {
      log("error", "media sweep failed", { error: error instanceof Error ? error.message : error });
    } finally {
      running = false;
    }
  };
  setTimeout(sweep, 0).unref();
  setInterval(sweep, every).unref();
}
