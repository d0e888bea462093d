import { handle } from "@/lib/api/handle";
import { clientOf } from "@/lib/api/limits";
import { readJsonRequest } from "@/lib/api/read-json-request";
import { signedInResponse, signedOutResponse } from "@/lib/auth/server/session-cookie";
import { readSignInForm, signIn } from "@/lib/auth/server/sign-in";
import { signInLimit } from "@/lib/auth/server/sign-in-limit";
import { serverEnv } from "@/lib/env";

/** POST /api/session: `{code, name}` in; the session cookie and `{name}` out. */
export const POST = handle(async (request) => {
  const form = readSignInForm(await readJsonRequest(request, 4096));
  const token = await signIn(form, clientOf(request), serverEnv(), signInLimit);
  return signedInResponse(request, form.name, token);
});

/** DELETE /api/session: sign out (the cookie is cleared). */
export const DELETE = handle(async (request) => signedOutResponse(request));
