import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SparkIcon } from "@/components/ui/icons";
import { currentPerson } from "@/lib/auth/server/current-person";
import { safeReturnPath } from "@/lib/auth/server/gate";
import { serverEnv } from "@/lib/env";

export const metadata = { title: "Sign in · Gemini Playground" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { next } = await searchParams;
  const back = safeReturnPath(typeof next === "string" ? next : undefined);
  // Nothing to sign in to, or already in: straight on.
  if (serverEnv().accessCodes.length === 0 || (await currentPerson())) redirect(back);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-sidebar px-4">
      <div className="flex w-full max-w-sm flex-col items-center gap-6 rounded-2xl border border-border bg-background p-8 shadow-sm">
        <div className="flex flex-col items-center gap-2 text-center">
          <SparkIcon className="size-7 text-primary" />
          <h1 className="text-xl font-medium">Gemini Playground</h1>
          <p className="text-sm text-muted-foreground">
            Enter your team&apos;s access code. Ask whoever runs this playground if you do not have
            it.
          </p>
        </div>
        <SignInForm next={back} />
      </div>
    </main>
  );
}
