import { type CallOptions, requestJson } from "./http";

/** Sign in with the team's access code; the server sets the session cookie. */
export function signIn(code: string, name: string, options: CallOptions = {}) {
  return requestJson<{ name: string }>("/api/session", {
    ...options,
    method: "POST",
    json: { code, name },
  });
}

/** Sign out: the server clears the session cookie. */
export async function signOut(options: CallOptions = {}): Promise<void> {
  await requestJson<{ ok: true }>("/api/session", { ...options, method: "DELETE" });
}
