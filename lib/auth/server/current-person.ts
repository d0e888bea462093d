import "server-only";
import { headers } from "next/headers";
import type { Person } from "@/lib/auth/person";
import { serverEnv } from "@/lib/env";
import { identify } from "./gate";

/** The person the page being rendered is for; null on a server without a gate. */
export async function currentPerson(): Promise<Person | null> {
  return (await identify(await headers(), serverEnv())) ?? null;
}
