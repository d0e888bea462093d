import { cookies } from "next/headers";
import { connection } from "next/server";
import { CompareView } from "@/components/compare/compare-view";
import { serverEnv } from "@/lib/env";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata = { title: "Compare · Gemini Playground" };

export default async function ComparePage() {
  // Read the environment per request, not at build time: the key is set where the server runs.
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return <CompareView simulated={serverEnv().offline} theme={theme} />;
}
