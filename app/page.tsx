import { connection } from "next/server";
import { Playground } from "@/components/chat/playground";
import { serverEnv } from "@/lib/env";

export default async function Page() {
  // Read the environment per request, not at build time: the key is set where the server runs.
  await connection();
  return <Playground simulated={serverEnv().offline} />;
}
