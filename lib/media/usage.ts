import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";
import { blobBackend } from "./backend";

/** Room claimed by one write into the store; it grows as the write's bytes arrive. */
export interface MediaClaim {
  /** Hold `bytes` in all for this write, or refuse with 507 `storage_full`. */
  ensure(bytes: number): void;
  /** The write ended: its bytes join the store if they are a new blob, or are given back. */
  settle(added: boolean): void;
}

/**
 * The media store's size against PLAYGROUND_MEDIA_TOTAL_BYTES. A write counts from its first
 * byte (or from its declared length), so twenty uploads started at once cannot each see the room
 * only one of them has. Measured from the store once per process, kept current by every write,
 * and measured again by every sweep.
 */
export class MediaUsage {
  private writing = 0;
  /** Counts writes settled and blobs forgotten, so a measurement can tell it raced one. */
  private changes = 0;

  constructor(
    private readonly quota: number,
    private stored: number,
    private readonly retentionDays: number,
  ) {}

  claim(): MediaClaim {
    let held = 0;
    let settled = false;
    return {
      ensure: (bytes) => {
        if (settled || bytes <= held) return;
        const more = bytes - held;
        if (this.stored + this.writing + more > this.quota) throw this.full();
        held = bytes;
        this.writing += more;
      },
      settle: (added) => {
        if (settled) return;
        settled = true;
        this.changes++;
        this.writing -= held;
        if (added) this.stored += held;
      },
    };
  }

  /**
   * Measures the store again: other servers sharing the database store and remove files too. A
   * write that ends while the store is being measured may or may not be in the figure, so the
   * figure is used only if none did.
   */
  async remeasure(measure: () => Promise<number>): Promise<void> {
    const changes = this.changes;
    const bytes = await measure();
    if (changes === this.changes) this.stored = bytes;
  }

  /** A blob left the store (the sweep removed it). */
  forget(bytes: number): void {
    this.changes++;
    this.stored = Math.max(0, this.stored - bytes);
  }

  get storedBytes(): number {
    return this.stored;
  }

  private full(): AppError {
    const free = Math.max(0, this.quota - this.stored - this.writing);
    const relief =
      this.retentionDays > 0
        ? `Files nobody has used for ${this.retentionDays} days are removed on their own; to make room sooner, ask the server's owner to raise the quota.`
        : "Ask the server's owner to raise the quota, or to set PLAYGROUND_MEDIA_RETENTION_DAYS so unused files are removed.";
    return new AppError({
      code: "storage_full",
      message: `The server's media storage is full: ${formatBytes(free)} of its ${formatBytes(this.quota)} is free (PLAYGROUND_MEDIA_TOTAL_BYTES), not enough for this file. ${relief}`,
    });
  }
}

let usage: Promise<MediaUsage> | undefined;

/** This process's account of the store, measured from the store on first use. */
export function mediaUsage(): Promise<MediaUsage> {
  usage ??= (async () => {
    const stored = await blobBackend().totalBytes();
    const env = serverEnv();
    return new MediaUsage(env.mediaTotalBytes, stored, env.mediaRetentionDays);
  })().catch((error: unknown) => {
    usage = undefined;
    throw error;
  });
  return usage;
}
