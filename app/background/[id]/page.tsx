import { cookies } from "next/headers";
import { connection } from "next/server";
import { Playground } from "@/components/chat/playground";
import { MissingPrompt } from "@/components/library/missing-prompt";
import { LOCAL_NAME } from "@/lib/auth/person";
import { currentPerson } from "@/lib/auth/server/current-person";
import { ownJob } from "@/lib/background/server/runs";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PromptDoc } from "@/lib/prompt";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata = { title: "A background run · Gemini Playground" };

/**
 * /background/{id}: one of the person's background runs opened in the chat, from any browser: its
 * prompt, and its answer read from the server as far as it came and then as it goes on.
 */
export default async function BackgroundRun({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const me = (await currentPerson())?.name ?? LOCAL_NAME;
  try {
    const job = await ownJob((await params).id, me);
    const document = JSON.parse(job.document) as PromptDoc;
    return (
      <Playground
        simulated={serverEnv().offline}
        theme={theme}
        seed={{ type: "background", run: { document, id: job.id } }}
      />
    );
  } catch (error) {
    if (error instanceof AppError) return <MissingPrompt message={error.body.message} />;
    throw error;
  }
}
