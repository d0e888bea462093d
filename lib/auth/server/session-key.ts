import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FILE = "session-secret";

let cached: { source: string; key: Uint8Array } | undefined;

/**
 * The key session cookies are signed with: `PLAYGROUND_SESSION_SECRET`, or else one made on the
 * first start and kept in the data folder, so a restart keeps people signed in. Two instances
 * starting at once on one folder agree: the file is created exclusively, and the loser reads it.
 * Instances on separate machines must share PLAYGROUND_SESSION_SECRET instead.
 */
export function sessionKey(secret: string | undefined, dataDir: string): Uint8Array {
  const source = secret ?? `file:${dataDir}`;
  if (cached?.source === source) return cached.key;
  const text = secret ?? keptSecret(dataDir);
  cached = { source, key: new TextEncoder().encode(text) };
  return cached.key;
}

function keptSecret(dataDir: string): string {
  const path = join(dataDir, FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const text = readFileSync(path, "utf8").trim();
  if (text.length < 32) {
    throw new Error(
      `${path} holds no usable session secret: delete it (everyone signs in again) or set PLAYGROUND_SESSION_SECRET.`,
    );
  }
  return text;
}
