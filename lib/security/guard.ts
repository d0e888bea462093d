import "server-only";
import { type AccessRules, refuseUnsignedIn } from "@/lib/auth/server/gate";
import type { AppError } from "@/lib/errors";
import { type HostRules, refuseHost } from "./host";
import { type RequestHead, refuseCrossSite, refuseNonJson } from "./origin";

export interface GuardRules extends HostRules, AccessRules {
  allowedOrigins: readonly string[];
}

/**
 * Every rule a request must pass before anything of it is read, first refusal wins: a Host we
 * do not answer to (421), nobody signed in (401; or, with no access code, a client on another
 * machine, 403), a state change from another site (403), a JSON route's body that is not JSON
 * (415). The proxy runs it for every request it sees, and `handle` again for API routes: Next
 * lets the proxy see no request with a body (see proxy.ts), so the route is where those meet it.
 */
export async function refuseRequest(
  head: RequestHead,
  rules: GuardRules,
): Promise<AppError | undefined> {
  return (
    refuseHost(head.headers.get("host"), rules) ??
    (await refuseUnsignedIn(head, rules)) ??
    refuseCrossSite(head, rules.allowedOrigins) ??
    refuseNonJson(head)
  );
}
