import "server-only";
import { LOCAL_NAME, type Person } from "@/lib/auth/person";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { identify, isGated } from "./gate";

/** The author of what is saved on a server with no gate: it answers one machine only. */
export const LOCAL_PERSON: Person = { name: LOCAL_NAME, via: "code" };

/** Who made this request, for authorship; the gate has already let them in. */
export async function requestPerson(request: Request): Promise<Person> {
  const env = serverEnv();
  if (!isGated(env)) return LOCAL_PERSON;
  const person = await identify(request.headers, env);
  if (!person) throw new AppError({ code: "unauthorized", message: "Sign in first." });
  return person;
}
