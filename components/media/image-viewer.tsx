"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import { mediaUrl } from "@/lib/media/types";
import { DownloadIcon } from "./media-icons";

/** An image at full size, from a thumbnail's click; Escape or the backdrop closes it. */
export function ImageViewer({
  sha256,
  name,
  open,
  onClose,
}: {
  sha256: string;
  name: string;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={name}
      className="w-[min(72rem,calc(100vw-2rem))]"
      footer={
        <>
          <DownloadLink sha256={sha256} name={name} />
          <button
            type="button"
            onClick={onClose}
            className="rounded-full border border-border px-4 py-1.5 text-sm hover:bg-muted"
          >
            Close
          </button>
        </>
      }
    >
      {/* biome-ignore lint/performance/noImgElement: a stored blob; next/image would re-encode it. */}
      <img src={mediaUrl(sha256)} alt={name} className="mx-auto max-h-[75dvh] w-auto" />
    </Dialog>
  );
}

export function DownloadLink({ sha256, name }: { sha256: string; name: string }) {
  return (
    <a
      href={mediaUrl(sha256, name)}
      download={name}
      className="inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm text-primary hover:bg-muted"
    >
      <DownloadIcon />
      Download
      <span className="sr-only"> {name}</span>
    </a>
  );
}

/** A stored image as a button that opens it full size. */
export function EnlargeableImage({
  sha256,
  name,
  className,
  imageClassName,
}: {
  sha256: string;
  name: string;
  className?: string;
  imageClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`Enlarge ${name}`}
        className={cn("focus-visible:outline-2 focus-visible:outline-primary", className)}
      >
        {/* biome-ignore lint/performance/noImgElement: a stored blob; next/image would re-encode it. */}
        <img
          src={mediaUrl(sha256)}
          alt={name}
          loading="lazy"
          decoding="async"
          className={imageClassName}
        />
      </button>
      <ImageViewer sha256={sha256} name={name} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
