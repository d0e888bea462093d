import { cookies } from "next/headers";
import { connection } from "next/server";
import { LibraryPage } from "@/components/library/library-page";
import { LOCAL_NAME } from "@/lib/auth/person";
import { currentPerson } from "@/lib/auth/server/current-person";
import { store } from "@/lib/db/store";
import { listPrompts } from "@/lib/library/server/list";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata = { title: "Library · Gemini Playground" };

/** /library: the team's saved prompts, server-read, then searched as you type. */
export default async function Library() {
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const me = (await currentPerson())?.name ?? LOCAL_NAME;
  const initial = await listPrompts(await store(), {}, me);
  return <LibraryPage theme={theme} initial={initial} />;
}
