"use client";

import { useCallback } from "react";
import { RequestError } from "@/lib/client/errors";
import { uploadMedia } from "@/lib/client/media";
import { formatBytes } from "@/lib/format-bytes";
import { ACCEPTED_SUMMARY, acceptedMimeType } from "@/lib/media/mime";
import { PROMPT_LIMITS } from "@/lib/prompt/limits";
import { usePlaygroundApi } from "@/lib/store/provider";

let nextUploadId = 0;

/**
 * Attach files to the prompt box, from the picker, a drop or a paste. Each file uploads on its
 * own with progress; one that fails shows why and leaves the others and the typed text alone.
 * The type check here only saves a pointless upload: the server decides.
 */
export function useAttachFiles(): (files: Iterable<File>) => void {
  const store = usePlaygroundApi();
  return useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const id = `upload-${++nextUploadId}`;
        const { trackUpload, dropUpload, addAttachment } = store.getState();
        const pending = { id, name: file.name || "Pasted file", bytes: file.size, sent: 0 };
        const fail = (error: string) => trackUpload({ ...pending, error });
        const s = store.getState();
        if (!acceptedMimeType(file.name, file.type)) {
          fail(
            `${pending.name} can't be attached: ${file.type || "its type"} is not a file type Gemini accepts. Attach ${ACCEPTED_SUMMARY}.`,
          );
          continue;
        }
        if (s.attachments.length + s.uploads.length >= PROMPT_LIMITS.mediaFiles) {
          fail(
            `${pending.name} was not attached: a prompt can hold at most ${PROMPT_LIMITS.mediaFiles} files.`,
          );
          continue;
        }
        trackUpload(pending);
        uploadMedia(file, (sent) => trackUpload({ ...pending, sent }))
          .then((stored) => {
            dropUpload(id);
            addAttachment({
              kind: "media",
              sha256: stored.sha256,
              mimeType: stored.mimeType,
              bytes: stored.bytes,
              name: stored.name ?? pending.name,
            });
          })
          .catch((error: unknown) =>
            fail(
              error instanceof RequestError
                ? error.message
                : `${pending.name} (${formatBytes(file.size)}) could not be attached.`,
            ),
          );
      }
    },
    [store],
  );
}
