import "server-only";
import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

import type { Person } from "@/lib/auth/person";

export type { Person };

export const SESSION_COOKIE = "playground_session";
export const SESSION_DAYS = 30;

/**
 * A short tag of the access code a session was opened with, so that removing a code from
 * PLAYGROUND_ACCESS_CODE signs out everyone who came in with it. Keyed, so the cookie does
 * not reveal the code.
 */
export function codeTag(code: string, key: Uint8Array): string {
  return createHmac("sha256", key).update(`access-code\0${code}`).digest("base64url").slice(0, 22);
}

/** A signed, expiring token naming the person; the cookie's value. */
export function signSession(name: string, tag: string, key: Uint8Array): Promise<string> {
  return new SignJWT({ name, code: tag })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${SESSION_DAYS}d`)
    .sign(key);
}

/** The person a token names, if it is ours, unexpired, and opened with a code still valid. */
export async function verifySession(
  token: string,
  key: Uint8Array,
  validTags: readonly string[],
): Promise<Person | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"] });
    const { name, code } = payload;
    if (typeof name !== "string" || typeof code !== "string" || !validTags.includes(code)) {
      return undefined;
    }
    return { name, via: "code" };
  } catch {
    return undefined;
  }
}
