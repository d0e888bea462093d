import { cookies } from "next/headers";
import { connection } from "next/server";
import { HistoryPage } from "@/components/history/history-page";
import { LOCAL_NAME } from "@/lib/auth/person";
import { currentPerson } from "@/lib/auth/server/current-person";
import { listBackgroundRuns } from "@/lib/background/server/runs";
import { store } from "@/lib/db/store";
import { listRuns } from "@/lib/history/server/list";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata = { title: "History · Gemini Playground" };

/** /history: every run the person made, newest first, searchable, each one reopenable. */
export default async function History() {
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const me = (await currentPerson())?.name ?? LOCAL_NAME;
  const [runs, background] = await Promise.all([
    listRuns(await store(), me),
    listBackgroundRuns(me),
  ]);
  // Those still going on: finished ones are among the runs.
  const running = background.filter((run) => run.status === "streaming");
  return <HistoryPage theme={theme} initial={runs} running={running} />;
}
