import "server-only";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Sha256Schema } from "@/lib/prompt";
import { touchBlobs } from "./blob-store";
import { KEEP_MEDIA_MAX, type KeptMedia } from "./types";

export const KeepMediaSchema = z.strictObject({
  sha256: z.array(Sha256Schema).max(KEEP_MEDIA_MAX),
});

/**
 * POST /api/media/keep: a page that opens with a saved draft names the files the draft holds.
 * Each is marked used, so the retention sweep keeps it for another period (drafts live in the
 * browser, where the server cannot see them), and the answer lists the ones already gone, so the
 * page can say so before a run fails on them.
 */
export async function keepMedia(json: unknown): Promise<KeptMedia> {
  const parsed = KeepMediaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError({
      code: "bad_request:json",
      field: issue?.path.join("."),
      message: `The list of files to keep is invalid: ${issue?.path.join(".") || "body"} ${issue?.message}.`,
    });
  }
  const unique = [...new Set(parsed.data.sha256)];
  return {
    missing: await touchBlobs(unique),
    retentionDays: serverEnv().mediaRetentionDays,
  };
}
