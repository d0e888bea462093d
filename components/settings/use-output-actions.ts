"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlayground } from "@/lib/store";

/** The output settings' actions (image output, aspect ratio, picture count, voices). */
export const useOutputActions = () =>
  usePlayground(
    useShallow((s) => ({
      setSetting: s.setSetting,
      setResponseModalities: s.setResponseModalities,
      setAspectRatio: s.setAspectRatio,
      setSpeakerMode: s.setSpeakerMode,
      setSpeakerVoice: s.setSpeakerVoice,
      setSpeakerName: s.setSpeakerName,
    })),
  );
