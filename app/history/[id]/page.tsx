import { cookies } from "next/headers";
import { connection } from "next/server";
import { Playground } from "@/components/chat/playground";
import { MissingPrompt } from "@/components/library/missing-prompt";
import { LOCAL_NAME } from "@/lib/auth/person";
import { currentPerson } from "@/lib/auth/server/current-person";
import { store } from "@/lib/db/store";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRun } from "@/lib/history/server/list";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata = { title: "A past run · Gemini Playground" };

/** /history/{id}: a past run opened in the chat, its prompt and its answer, to go on from. */
export default async function PastRun({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const me = (await currentPerson())?.name ?? LOCAL_NAME;
  try {
    const run = await getRun(await store(), (await params).id, me);
    return (
      <Playground
        simulated={serverEnv().offline}
        theme={theme}
        seed={{ type: "run", run: { document: run.document, parts: run.result.parts } }}
      />
    );
  } catch (error) {
    if (error instanceof AppError) return <MissingPrompt message={error.body.message} />;
    throw error;
  }
}
