import "server-only";

/** Wrong codes one client may try in a window before it must wait. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 5 * 60_000;
/** Clients remembered at once: beyond it the oldest are forgotten (an attacker's many addresses). */
const MAX_CLIENTS = 10_000;

/**
 * Wrong access codes per client, so a code cannot be guessed by trying: after `MAX_FAILURES`
 * within `WINDOW_MS`, the client waits until its oldest failure ages out. A right code clears
 * the count. Kept in memory: per instance, and reset by a restart.
 */
export class SignInLimit {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** How long `client` must wait before trying again, in ms; 0 when it may try now. */
  waitMs(client: string): number {
    const recent = this.recent(client);
    if (recent.length < MAX_FAILURES) return 0;
    return (recent[0] as number) + WINDOW_MS - this.now();
  }

  /** Tries left before a wait, after a failure is recorded. */
  fail(client: string): number {
    const recent = [...this.recent(client), this.now()];
    this.failures.delete(client);
    this.failures.set(client, recent);
    if (this.failures.size > MAX_CLIENTS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    return Math.max(0, MAX_FAILURES - recent.length);
  }

  succeed(client: string): void {
    this.failures.delete(client);
  }

  private recent(client: string): number[] {
    const since = this.now() - WINDOW_MS;
    return (this.failures.get(client) ?? []).filter((at) => at > since);
  }
}

export const signInLimit = new SignInLimit();
