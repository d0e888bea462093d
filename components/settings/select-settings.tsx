"use client";

import { Select } from "@/components/ui/select";
import type { ResponseMimeType } from "@/lib/models/capabilities";
import type { RunConfig } from "@/lib/prompt/config";
import { useRunSetting, useRunSettingsActions } from "@/lib/store";
import { SettingLabel, SettingNote } from "./setting-label";
import { unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

type MediaResolution = NonNullable<RunConfig["mediaResolution"]>;

/** Keyed by the schema's own union, so a new enum value fails the type-check until it has a label. */
const RESOLUTIONS: Record<MediaResolution, string> = {
  MEDIA_RESOLUTION_LOW: "Low",
  MEDIA_RESOLUTION_MEDIUM: "Medium",
  MEDIA_RESOLUTION_HIGH: "High",
};

const MIME_TYPES: Record<ResponseMimeType, string> = {
  "text/plain": "text/plain",
  "application/json": "application/json",
  "text/x.enum": "text/x.enum",
};

/** A label on the left, a compact control on the right, and the reason when it's unavailable. */
export function SelectRow({
  id,
  label,
  reason,
  width = "w-40",
  children,
}: {
  id: string;
  label: string;
  reason?: string;
  /** The control's width class: a longer option needs more room than the usual. */
  width?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-3">
        <SettingLabel htmlFor={id} className="shrink-0">
          {label}
        </SettingLabel>
        <div className={width}>{children}</div>
      </div>
      {reason && <SettingNote id={`${id}-note`}>{reason}</SettingNote>}
    </div>
  );
}

export function MediaResolutionField() {
  const caps = useModelCapabilities();
  const value = useRunSetting("mediaResolution");
  const { setSetting } = useRunSettingsActions();
  const reason = caps.mediaResolution ? undefined : unsupportedReason(caps);
  return (
    <SelectRow id="setting-media-resolution" label="Media resolution" reason={reason}>
      <Select
        id="setting-media-resolution"
        value={value ?? ""}
        disabled={!!reason}
        aria-describedby={reason ? "setting-media-resolution-note" : undefined}
        onChange={(e) =>
          setSetting("mediaResolution", (e.target.value || undefined) as MediaResolution)
        }
      >
        <option value="">Default</option>
        {Object.entries(RESOLUTIONS).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </SelectRow>
  );
}

/** Choosing a JSON or enum type turns structured output on; plain text turns it off. */
export function ResponseMimeField() {
  const caps = useModelCapabilities();
  const value = useRunSetting("responseMimeType");
  const { setResponseMimeType } = useRunSettingsActions();
  const reason = caps.responseMimeTypes.length ? undefined : unsupportedReason(caps);
  return (
    <SelectRow id="setting-response-mime" label="Response MIME type" reason={reason}>
      <Select
        id="setting-response-mime"
        value={value ?? ""}
        disabled={!!reason}
        aria-describedby={reason ? "setting-response-mime-note" : undefined}
        onChange={(e) => setResponseMimeType((e.target.value || undefined) as ResponseMimeType)}
      >
        <option value="">Default</option>
        {caps.responseMimeTypes.map((mime) => (
          <option key={mime} value={mime}>
            {MIME_TYPES[mime]}
          </option>
        ))}
      </Select>
    </SelectRow>
  );
}
