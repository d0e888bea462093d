import { cookies } from "next/headers";
import { connection } from "next/server";
import { Playground } from "@/components/chat/playground";
import { serverEnv } from "@/lib/env";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export default async function Page() {
  // Read the environment per request, not at build time: the key is set where the server runs.
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return <Playground simulated={serverEnv().offline} theme={theme} />;
}
