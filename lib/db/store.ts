import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { openStore, type Store } from "./database";

let opening: Promise<Store> | undefined;

/**
 * The server's store, opened (and migrated) on first use. A database that cannot be reached
 * fails the request that needed it with a clear error, and the next request tries again.
 */
export async function store(): Promise<Store> {
  opening ??= openStore(serverEnv()).catch((error: unknown) => {
    opening = undefined;
    log("error", "database unavailable", {
      error: error instanceof Error ? error.message : String(error),
    });
    throw new AppError({
      code: "unavailable:database",
      retryable: true,
      message:
        "The playground's database cannot be reached, so nothing was saved. Your draft is still in this browser; try again in a moment, or ask whoever runs the playground to check the database.",
    });
  });
  return opening;
}
