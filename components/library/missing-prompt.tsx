/** A share link to nothing: says so plainly, and how to go on. */
export function MissingPrompt({ message }: { message: string }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="flex max-w-md flex-col gap-3 text-center">
        <h1 className="text-xl font-medium">This prompt cannot be opened</h1>
        <p className="text-sm text-muted-foreground">{message}</p>
        <a href="/" className="text-sm text-primary hover:underline">
          Open the playground
        </a>
      </div>
    </main>
  );
}
