import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";
import { clientAddress, stampPeerAddresses } from "@/lib/http/client-address";

/**
 * What one client, and the whole server, may have going at once: streaming runs, and request
 * bytes being read. Counters live in the process (one server process serves the playground);
 * every acquisition is given back exactly once, however the request ends.
 */

/** How long a refused client is told to wait: runs and uploads end within seconds or are stopped. */
export const LIMIT_RETRY_AFTER_MS = 5_000;

export interface Lease {
  /** Idempotent: a lease released twice counts once. */
  release(): void;
}

/** What a kind of slot is called in its refusals. */
interface SlotKind {
  code: "limit:runs" | "limit:uploads";
  /** What the client or the server has going: one, and several ("run streaming", "runs streaming"). */
  going: readonly [string, string];
  /** "Stop one or wait for one to finish": how the client frees one. */
  free: string;
  perClientSetting: string;
  totalSetting: string;
}

/** Things going at once (runs, uploads), per client and overall. */
export class Slots {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(
    private readonly limits: { total: number; perClient: number },
    private readonly kind: SlotKind,
  ) {}

  /** A slot for `client`, or a 429 naming the limit that was reached. */
  take(client: string): Lease {
    const { code, going, free, perClientSetting, totalSetting } = this.kind;
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) {
      throw refusal(
        code,
        `You already have ${mine} ${going[mine === 1 ? 0 : 1]}, the most this server allows one client (${perClientSetting}=${this.limits.perClient}). ${free}, then try again in a few seconds.`,
      );
    }
    if (this.total >= this.limits.total) {
      throw refusal(
        code,
        `The server has ${this.total} ${going[this.total === 1 ? 0 : 1]}, the most it allows at once (${totalSetting}=${this.limits.total}). Try again in a few seconds.`,
      );
    }
    this.total++;
    this.perClient.set(client, mine + 1);
    return once(() => {
      this.total--;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    });
  }

  get active(): number {
    return this.total;
  }
}

/** Runs streaming at once, per client and overall. */
export class RunSlots extends Slots {
  constructor(limits: { total: number; perClient: number }) {
    super(limits, {
      code: "limit:runs",
      going: ["run streaming", "runs streaming"],
      free: "Stop one or wait for one to finish",
      perClientSetting: "PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT",
      totalSetting: "PLAYGROUND_MAX_CONCURRENT_RUNS",
    });
  }
}

/**
 * Uploads in progress at once, per client and overall: each holds a connection, a file
 * descriptor and a temporary file for as long as it lasts.
 */
export class UploadSlots extends Slots {
  constructor(limits: { total: number; perClient: number }) {
    super(limits, {
      code: "limit:uploads",
      going: ["upload in progress", "uploads in progress"],
      free: "Wait for one to finish",
      perClientSetting: "PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT",
      totalSetting: "PLAYGROUND_MAX_CONCURRENT_UPLOADS",
    });
  }
}

/** Bytes held by one body being read: grows to what has arrived (or was declared). */
export interface ByteReservation extends Lease {
  /** Hold at least `bytes` in all; a 429 `limit:bytes` when that is more than is left. */
  ensure(bytes: number): void;
}

/**
 * Request body bytes being read at once, per client (half the total) and overall. A body that
 * declares its length reserves it before the first byte is read; one that does not (chunked)
 * reserves as its bytes arrive. A body alone is always let through (up to the body limit), so a
 * server whose body limit is above these never refuses a request forever.
 */
export class InflightBytes {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(private readonly limits: { total: number; perClient: number }) {}

  open(client: string): ByteReservation {
    let held = 0;
    let released = false;
    return {
      ensure: (bytes) => {
        if (released || bytes <= held) return;
        const more = bytes - held;
        const mine = this.perClient.get(client) ?? 0;
        // Only what other bodies hold can make this one wait.
        if (mine > held && mine + more > this.limits.perClient) {
          throw this.refuse(`You are sending ${formatBytes(mine + more)} at once`, "per client");
        }
        if (this.total > held && this.total + more > this.limits.total) {
          throw this.refuse(`The server is receiving ${formatBytes(this.total + more)}`, "in all");
        }
        held = bytes;
        this.total += more;
        this.perClient.set(client, mine + more);
      },
      release: () => {
        if (released) return;
        released = true;
        this.total -= held;
        const left = (this.perClient.get(client) ?? held) - held;
        if (left > 0) this.perClient.set(client, left);
        else this.perClient.delete(client);
      },
    };
  }

  get held(): number {
    return this.total;
  }

  private refuse(what: string, scope: "per client" | "in all"): AppError {
    const limit = scope === "in all" ? this.limits.total : this.limits.perClient;
    return refusal(
      "limit:bytes",
      `${what}, more than this server reads at once (${formatBytes(limit)} ${scope}: PLAYGROUND_MAX_INFLIGHT_BYTES=${this.limits.total}, half of it per client). Try again in a few seconds.`,
    );
  }
}

function refusal(code: SlotKind["code"] | "limit:bytes", message: string): AppError {
  return new AppError({ code, message, retryable: true, retryAfterMs: LIMIT_RETRY_AFTER_MS });
}

function once(fn: () => void): Lease {
  let done = false;
  return {
    release() {
      if (done) return;
      done = true;
      fn();
    },
  };
}

let slots: RunSlots | undefined;
let uploads: UploadSlots | undefined;
let bytes: InflightBytes | undefined;

/** This server's run slots (PLAYGROUND_MAX_CONCURRENT_RUNS, …_PER_CLIENT). */
export function runSlots(): RunSlots {
  const env = serverEnv();
  slots ??= new RunSlots({
    total: env.maxConcurrentRuns,
    perClient: env.maxConcurrentRunsPerClient,
  });
  return slots;
}

/** This server's upload slots (PLAYGROUND_MAX_CONCURRENT_UPLOADS, …_PER_CLIENT). */
export function uploadSlots(): UploadSlots {
  const env = serverEnv();
  uploads ??= new UploadSlots({
    total: env.maxConcurrentUploads,
    perClient: env.maxConcurrentUploadsPerClient,
  });
  return uploads;
}

/** This server's in-flight body bytes (PLAYGROUND_MAX_INFLIGHT_BYTES, half per client). */
export function inflightBytes(): InflightBytes {
  const env = serverEnv();
  bytes ??= new InflightBytes({
    total: env.maxInflightBytes,
    perClient: Math.floor(env.maxInflightBytes / 2),
  });
  return bytes;
}

/** The key the per-client limits count a request under (see client-address.ts). */
export function clientOf(request: Request): string {
  stampPeerAddresses();
  return clientAddress(request.headers);
}

/**
 * Take a run slot for the request's client before its body is read; `hold` wraps the run's
 * events so the slot is given back when they end for any reason (done, error, the client gone,
 * a timeout). Whoever fails before the events start calls `release` (it is idempotent).
 */
export function takeRunSlot(request: Request): Lease & {
  hold<T>(events: AsyncIterable<T>): AsyncGenerator<T>;
} {
  const lease = runSlots().take(clientOf(request));
  return {
    release: () => lease.release(),
    async *hold(events) {
      try {
        yield* events;
      } finally {
        lease.release();
      }
    },
  };
}
