import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { MAX_NAME_LENGTH } from "@/lib/auth/person";
import { AppError } from "@/lib/errors";
import type { AccessRules } from "./gate";
import { sessionKey } from "./session-key";
import { codeTag, signSession } from "./session-token";
import { MAX_FAILURES, type SignInLimit } from "./sign-in-limit";

export interface SignInForm {
  code: string;
  name: string;
}

/** The form as sent, or a message saying what is missing. */
export function readSignInForm(body: unknown): SignInForm {
  const { code, name } = (body ?? {}) as Record<string, unknown>;
  const trimmed = typeof name === "string" ? name.trim() : "";
  if (typeof code !== "string" || code.trim() === "") {
    throw badForm("Enter the access code.", "code");
  }
  if (trimmed === "") throw badForm("Enter your name: it marks what you save.", "name");
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw badForm(`Your name can be at most ${MAX_NAME_LENGTH} characters.`, "name");
  }
  return { code: code.trim(), name: trimmed };
}

/**
 * Checks the code under the client's limit and returns the session token for the cookie.
 * Every code is compared in constant time, so timing tells nothing of how close a guess was.
 */
export async function signIn(
  form: SignInForm,
  client: string,
  rules: AccessRules,
  limit: SignInLimit,
): Promise<string> {
  if (rules.accessCodes.length === 0) {
    throw new AppError({
      code: "bad_request:json",
      message: "This playground has no access code to sign in with.",
    });
  }
  const wait = limit.waitMs(client);
  if (wait > 0) throw tooMany(wait);
  const matched = rules.accessCodes.find((code) => sameSecret(code, form.code));
  if (matched === undefined) {
    const left = limit.fail(client);
    if (left === 0) throw tooMany(limit.waitMs(client));
    throw new AppError({
      code: "unauthorized",
      field: "code",
      message: `That access code is not right. Ask whoever runs this playground for it (${left} ${left === 1 ? "try" : "tries"} left before a wait).`,
    });
  }
  limit.succeed(client);
  const key = sessionKey(rules.sessionSecret, rules.dataDir);
  return signSession(form.name, codeTag(matched, key), key);
}

function sameSecret(expected: string, given: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

function tooMany(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  return new AppError({
    code: "limit:sign_in",
    retryable: true,
    retryAfterMs: waitMs,
    message: `Too many wrong access codes from this address (${MAX_FAILURES} in a few minutes). Wait ${seconds >= 60 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`}, then try again.`,
  });
}

function badForm(message: string, field: string): AppError {
  return new AppError({ code: "bad_request:json", field, message });
}
