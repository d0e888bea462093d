import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";
import { scanStore } from "./blob-layout";

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
 * only one of them has. Measured from the disk once per process, then kept current by every
 * write and sweep.
 */
export class MediaUsage {
  private writing = 0;

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
        this.writing -= held;
        if (added) this.stored += held;
      },
    };
  }

  /** A blob left the store (the sweep removed it). */
  forget(bytes: number): void {
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

/** This process's account of the store, measured from the disk on first use. */
export function mediaUsage(): Promise<MediaUsage> {
  usage ??= (async () => {
    let stored = 0;
    for await (const file of scanStore()) if (file.kind === "blob") stored += file.bytes;
    const env = serverEnv();
    return new MediaUsage(env.mediaTotalBytes, stored, env.mediaRetentionDays);
  })().catch((error: unknown) => {
    usage = undefined;
    throw error;
  });
  return usage;
}
