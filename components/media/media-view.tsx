"use client";

import { useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import { isDisplayableImage, mediaCategory } from "@/lib/media/mime";
import { mediaViewUrl } from "@/lib/media/types";
import type { MediaPart } from "@/lib/prompt";
import { usePlayground } from "@/lib/store";
import { formatClock } from "./format-clock";
import { DownloadLink, EnlargeableImage } from "./image-viewer";
import { FileIcon, ReuseIcon } from "./media-icons";
import { MediaPlayer } from "./media-player";

/**
 * A file inside a turn, attached or generated: images as thumbnails that open full size, audio
 * and video as players, other files as a labelled chip. Each can be downloaded; an image can be
 * attached to the next prompt (the edit loop of image models).
 */
export function MediaView({ part }: { part: MediaPart }) {
  const name = part.name ?? `file-${part.sha256.slice(0, 8)}`;
  const category = mediaCategory(part.mimeType);
  const [duration, setDuration] = useState<number>();
  const label = `${name}, ${part.mimeType}${part.bytes !== undefined ? `, ${formatBytes(part.bytes)}` : ""}`;

  if (isDisplayableImage(part.mimeType))
    return <ImageMedia part={part} name={name} label={label} />;
  return (
    <figure aria-label={label} className="flex max-w-xl flex-col gap-1.5">
      {(category === "audio" || category === "video") && (
        <MediaPlayer sha256={part.sha256} name={name} kind={category} onDuration={setDuration} />
      )}
      <figcaption className="flex items-center gap-2 text-xs text-muted-foreground">
        {category !== "audio" && category !== "video" && <FileIcon />}
        <span className="truncate">{name}</span>
        {duration !== undefined && (
          <span className="shrink-0 whitespace-nowrap">· {formatClock(duration)}</span>
        )}
        <span className="shrink-0 whitespace-nowrap">
          · {part.bytes !== undefined ? formatBytes(part.bytes) : part.mimeType}
        </span>
        {part.mimeType === "application/pdf" && <OpenLink sha256={part.sha256} name={name} />}
        <DownloadLink sha256={part.sha256} name={name} />
      </figcaption>
    </figure>
  );
}

/** A PDF in the browser's own viewer, in a new tab (the server sends it inline only for this). */
function OpenLink({ sha256, name }: { sha256: string; name: string }) {
  return (
    <a
      href={mediaViewUrl(sha256)}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm text-primary hover:bg-muted"
    >
      Open
      <span className="sr-only"> {name}</span>
    </a>
  );
}

function ImageMedia({ part, name, label }: { part: MediaPart; name: string; label: string }) {
  const addAttachment = usePlayground((s) => s.addAttachment);
  return (
    <figure aria-label={label} className="flex w-fit max-w-full flex-col gap-1.5">
      <EnlargeableImage
        sha256={part.sha256}
        name={name}
        className="w-fit overflow-hidden rounded-lg border border-border"
        imageClassName="max-h-80 w-auto max-w-full object-contain"
      />
      <figcaption className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
        <span className="truncate">{name}</span>
        <DownloadLink sha256={part.sha256} name={name} />
        <button
          type="button"
          onClick={() => addAttachment({ ...part, name })}
          className="inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm text-primary hover:bg-muted"
          title="Attach this image to the prompt, to edit it or ask about it"
        >
          <ReuseIcon />
          Use as input
        </button>
      </figcaption>
    </figure>
  );
}
