"use client";

import { type SyntheticEvent, useState } from "react";
import { mediaUrl } from "@/lib/media/types";

type Player = HTMLAudioElement | HTMLVideoElement;

/**
 * An audio or video file as a player, with its length in the caption from the moment its
 * metadata arrives, not once it has been played. Recordings that carry no duration (WebM and Ogg
 * from a browser's recorder report Infinity) are measured by seeking past the end, which makes the
 * browser find the last frame. A WebM with sound only gets the audio player's height, not an
 * empty video frame.
 */
export function MediaPlayer({
  sha256,
  name,
  kind,
  onDuration,
}: {
  sha256: string;
  name: string;
  kind: "audio" | "video";
  onDuration: (seconds: number) => void;
}) {
  const [soundOnly, setSoundOnly] = useState(false);

  function measured(player: Player) {
    if (Number.isFinite(player.duration)) onDuration(player.duration);
  }

  function onLoadedMetadata(event: SyntheticEvent<Player>) {
    const player = event.currentTarget;
    if (player instanceof HTMLVideoElement && player.videoWidth === 0) setSoundOnly(true);
    if (Number.isFinite(player.duration)) return measured(player);
    player.addEventListener(
      "durationchange",
      () => {
        measured(player);
        player.currentTime = 0;
      },
      { once: true },
    );
    player.currentTime = Number.MAX_SAFE_INTEGER;
  }

  const common = {
    controls: true,
    preload: "metadata" as const,
    src: mediaUrl(sha256),
    "aria-label": name,
    onLoadedMetadata,
  };
  if (kind === "audio") return <audio {...common} className="w-full" />;
  return (
    <video
      {...common}
      data-sound-only={soundOnly || undefined}
      className={soundOnly ? "h-14 w-full" : "max-h-96 rounded-lg"}
    />
  );
}
