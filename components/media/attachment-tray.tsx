"use client";

import { CloseIcon } from "@/components/ui/icons";
import { formatBytes } from "@/lib/format-bytes";
import { isDisplayableImage } from "@/lib/media/mime";
import type { MediaPart } from "@/lib/prompt";
import { type PendingUpload, usePlayground } from "@/lib/store";
import { EnlargeableImage } from "./image-viewer";
import { FileIcon } from "./media-icons";

/**
 * What the prompt box will send besides its text: attached files (thumbnails for images, a chip
 * for the rest), files still uploading with their progress, and files the server refused with
 * the reason. Each can be removed before Run.
 */
export function AttachmentTray() {
  const attachments = usePlayground((s) => s.attachments);
  const uploads = usePlayground((s) => s.uploads);
  if (attachments.length === 0 && uploads.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="flex flex-wrap gap-2 px-3 pt-3">
      {attachments.map((part) => (
        <AttachedItem key={part.sha256} part={part} />
      ))}
      {uploads.map((upload) => (
        <UploadItem key={upload.id} upload={upload} />
      ))}
    </ul>
  );
}

function AttachedItem({ part }: { part: MediaPart }) {
  const remove = usePlayground((s) => s.removeAttachment);
  const name = part.name ?? part.sha256.slice(0, 12);
  const image = isDisplayableImage(part.mimeType);
  return (
    <li className="group relative flex h-16 items-center gap-2 rounded-lg border border-border bg-sidebar pr-8 text-xs">
      {image ? (
        <EnlargeableImage
          sha256={part.sha256}
          name={name}
          className="h-full"
          imageClassName="h-full w-16 rounded-l-lg object-cover"
        />
      ) : (
        <span className="flex h-full w-10 items-center justify-center rounded-l-lg bg-muted text-muted-foreground">
          <FileIcon />
        </span>
      )}
      <span className="flex max-w-40 flex-col">
        <span className="truncate font-medium" title={name}>
          {name}
        </span>
        <span className="text-muted-foreground">
          {part.bytes !== undefined ? formatBytes(part.bytes) : part.mimeType}
        </span>
      </span>
      <RemoveButton name={name} onClick={() => remove(part.sha256)} />
    </li>
  );
}

function UploadItem({ upload }: { upload: PendingUpload }) {
  const drop = usePlayground((s) => s.dropUpload);
  if (upload.error) {
    return (
      <li className="relative flex max-w-md items-center gap-2 rounded-lg border border-danger-line bg-danger-soft py-2 pr-8 pl-3 text-xs text-danger">
        <span role="alert">{upload.error}</span>
        <RemoveButton name={upload.name} onClick={() => drop(upload.id)} label="Dismiss" />
      </li>
    );
  }
  const percent = upload.bytes ? Math.round((upload.sent / upload.bytes) * 100) : 0;
  return (
    <li className="flex h-16 w-56 flex-col justify-center gap-1.5 rounded-lg border border-border bg-sidebar px-3 text-xs">
      <span className="truncate font-medium">{upload.name}</span>
      <progress
        max={100}
        value={percent}
        aria-label={`Uploading ${upload.name}`}
        className="h-1.5 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-muted [&::-webkit-progress-value]:bg-primary"
      />
      <span className="text-muted-foreground">
        {formatBytes(upload.sent)} of {formatBytes(upload.bytes)}
      </span>
    </li>
  );
}

function RemoveButton({
  name,
  onClick,
  label = "Remove",
}: {
  name: string;
  onClick: () => void;
  label?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={`${label} ${name}`}
      title={label}
      className="absolute top-1 right-1 rounded-full p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
    >
      <CloseIcon />
    </button>
  );
}
