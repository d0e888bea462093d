"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import {
  type HarmCategory,
  type HarmThreshold,
  useRunSetting,
  useRunSettingsActions,
} from "@/lib/store";
import { SettingNote } from "./setting-label";
import { unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

/** Keyed by the schema's unions, so the lists can't drift from what the document accepts. */
const CATEGORIES: Record<HarmCategory, string> = {
  HARM_CATEGORY_HARASSMENT: "Harassment",
  HARM_CATEGORY_HATE_SPEECH: "Hate speech",
  HARM_CATEGORY_SEXUALLY_EXPLICIT: "Sexually explicit",
  HARM_CATEGORY_DANGEROUS_CONTENT: "Dangerous content",
  HARM_CATEGORY_CIVIC_INTEGRITY: "Civic integrity",
};

const THRESHOLDS: Record<HarmThreshold, string> = {
  OFF: "Off (no filter)",
  BLOCK_NONE: "Block none",
  BLOCK_ONLY_HIGH: "Block few (high only)",
  BLOCK_MEDIUM_AND_ABOVE: "Block some (medium and above)",
  BLOCK_LOW_AND_ABOVE: "Block most (low and above)",
};

/** Per-category thresholds in a dialog, as in AI Studio; a category left at Default is not sent. */
export function SafetySettings() {
  const caps = useModelCapabilities();
  const settings = useRunSetting("safetySettings") ?? [];
  const { setSafetyThreshold } = useRunSettingsActions();
  const [open, setOpen] = useState(false);
  const reason = caps.safetySettings ? undefined : unsupportedReason(caps);
  const summary = settings.length
    ? `${settings.length} of ${Object.keys(CATEGORIES).length} categories changed`
    : "Model defaults";

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-3">
        <span className="text-sm">Safety settings</span>
        <Button
          size="sm"
          variant="ghost"
          disabled={!!reason}
          onClick={() => setOpen(true)}
          aria-describedby="safety-summary"
          className="h-7 px-2 text-primary"
        >
          Edit safety settings
        </Button>
      </div>
      <SettingNote id="safety-summary">{reason ?? summary}</SettingNote>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Safety settings"
        description="How strictly answers are filtered in each category. Default leaves the category out of the request."
        className="w-[min(30rem,calc(100vw-2rem))]"
        footer={
          <>
            <Button
              size="sm"
              variant="ghost"
              disabled={settings.length === 0}
              onClick={() => {
                for (const s of settings) setSafetyThreshold(s.category, undefined);
              }}
            >
              Reset to defaults
            </Button>
            <Button size="sm" variant="primary" onClick={() => setOpen(false)}>
              Done
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-3">
          {Object.entries(CATEGORIES).map(([category, label]) => {
            const id = `safety-${category}`;
            const current = settings.find((s) => s.category === category)?.threshold;
            return (
              <div key={category} className="flex items-center justify-between gap-4">
                <label htmlFor={id} className="text-sm">
                  {label}
                </label>
                <Select
                  id={id}
                  value={current ?? ""}
                  className="w-60"
                  onChange={(e) =>
                    setSafetyThreshold(
                      category as HarmCategory,
                      (e.target.value || undefined) as HarmThreshold | undefined,
                    )
                  }
                >
                  <option value="">Default</option>
                  {Object.entries(THRESHOLDS).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </Select>
              </div>
            );
          })}
        </div>
      </Dialog>
    </div>
  );
}
