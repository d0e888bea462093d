import { cookies } from "next/headers";
import { connection } from "next/server";
import { Playground } from "@/components/chat/playground";
import { CompareView } from "@/components/compare/compare-view";
import { MissingPrompt } from "@/components/library/missing-prompt";
import { store } from "@/lib/db/store";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readRevisionParam } from "@/lib/library/revision-param";
import { getPrompt } from "@/lib/library/server/prompts";
import { getSnapshot } from "@/lib/library/server/snapshots";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata = { title: "Shared prompt · Gemini Playground" };

/** /p/{id}[?revision=N]: a saved prompt, server-read, opened in the chat or in compare. */
export default async function SharedPromptPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const { id } = await params;
  const { revision, run } = await searchParams;
  let view: Awaited<ReturnType<typeof getPrompt>>;
  let snapshot: Awaited<ReturnType<typeof getSnapshot>> | undefined;
  try {
    const db = await store();
    // A shared run pins the revision it answered.
    snapshot = typeof run === "string" ? await getSnapshot(db, run, id) : undefined;
    const number =
      snapshot?.revision ?? readRevisionParam(typeof revision === "string" ? revision : undefined);
    view = await getPrompt(db, id, number);
  } catch (error) {
    if (error instanceof AppError) return <MissingPrompt message={error.body.message} />;
    throw error;
  }
  const simulated = serverEnv().offline;
  return view.kind === "compare" ? (
    <CompareView simulated={simulated} theme={theme} seed={{ type: "saved", view, snapshot }} />
  ) : (
    <Playground simulated={simulated} theme={theme} seed={{ type: "saved", view, snapshot }} />
  );
}
