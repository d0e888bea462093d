import "server-only";
import type { ServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isFromThisMachine } from "@/lib/http/client-address";
import type { RequestHead } from "@/lib/security/origin";
import { sessionKey } from "./session-key";
import { codeTag, type Person, SESSION_COOKIE, verifySession } from "./session-token";

export type AccessRules = Pick<
  ServerEnv,
  "accessCodes" | "sessionSecret" | "trustedUserHeader" | "dataDir"
>;

/** What anyone may reach: the sign-in page and its route, the health check, the page's icon. */
const OPEN_PATHS = new Set(["/sign-in", "/api/session", "/api/health", "/icon.svg"]);

export const SIGN_IN_PATH = "/sign-in";

/** Whether the server asks who is there: an access code is set, or a proxy names people. */
export function isGated(rules: AccessRules): boolean {
  return rules.accessCodes.length > 0 || rules.trustedUserHeader !== undefined;
}

export function isOpenPath(pathname: string): boolean {
  return OPEN_PATHS.has(pathname.replace(/\/+$/, "") || "/");
}

/** The tags of the codes valid now (see `codeTag`). */
export function validCodeTags(rules: AccessRules): string[] {
  const key = sessionKey(rules.sessionSecret, rules.dataDir);
  return rules.accessCodes.map((code) => codeTag(code, key));
}

/**
 * Who sent the request: the trusted proxy's header when one is configured and set, else the
 * session cookie. Undefined when neither names anybody (or the server has no gate at all).
 */
export async function identify(headers: Headers, rules: AccessRules): Promise<Person | undefined> {
  if (rules.trustedUserHeader) {
    const name = headers.get(rules.trustedUserHeader)?.trim();
    if (name) return { name: name.slice(0, 200), via: "proxy" };
  }
  if (rules.accessCodes.length === 0) return undefined;
  const token = readCookie(headers.get("cookie"), SESSION_COOKIE);
  if (!token) return undefined;
  return verifySession(token, sessionKey(rules.sessionSecret, rules.dataDir), validCodeTags(rules));
}

/**
 * The access rule, for every request but the open ones: with a gate, the person must be
 * signed in (401); without one, the server answers only its own machine (403), whatever
 * address it was started on.
 */
export async function refuseUnsignedIn(
  head: RequestHead,
  rules: AccessRules,
): Promise<AppError | undefined> {
  if (!isGated(rules)) {
    if (isFromThisMachine(head.headers)) return undefined;
    return new AppError({
      code: "forbidden:remote",
      message:
        "This playground has no access code, so it answers only the machine it runs on. Whoever runs it can set PLAYGROUND_ACCESS_CODE to let teammates in.",
    });
  }
  if (isOpenPath(head.pathname)) return undefined;
  if (await identify(head.headers, rules)) return undefined;
  return new AppError({
    code: "unauthorized",
    message: rules.accessCodes.length
      ? `Sign in first: open ${SIGN_IN_PATH} and enter the team's access code.`
      : `Sign in through your team's sign-in proxy first (it names you in the ${rules.trustedUserHeader} header).`,
  });
}

/** Where a page sends someone not signed in: sign-in, then back to `to` (a path of ours). */
export function signInUrl(to: string): string {
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(to)}`;
}

/** `next` only ever leads back into this site: a path, never `//host` or a scheme. */
export function safeReturnPath(next: string | null | undefined): string {
  // Browsers drop tabs and newlines from a URL, so "/\t/host" would become "//host".
  if (!next || !/^\/(?![/\\])[^\s\\]*$/.test(next)) return "/";
  return isOpenPath(new URL(next, "http://x").pathname) ? "/" : next;
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
