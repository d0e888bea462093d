"use client";

import { Select } from "@/components/ui/select";
import { usePlayground, useRunSetting, useRunSettingsActions } from "@/lib/store";
import { API_LABELS, apiGaps, type RunApi } from "@/lib/wire/api";
import { SelectRow } from "./select-settings";
import { SettingNote } from "./setting-label";
import { SwitchRow } from "./switch-row";
import { useModelCapabilities } from "./use-model-capabilities";

/** The doors a run can take on this server. */
const OFFERED: readonly RunApi[] = ["gemini", "interactions", "openai"];

/** Which door the run goes through, and what of this prompt that door cannot carry. */
export function ApiSetting() {
  const api = useRunSetting("api") ?? "gemini";
  const background = useRunSetting("background") === true;
  const store = useRunSetting("store") === true;
  const { setSetting } = useRunSettingsActions();
  const { kind } = useModelCapabilities();
  // Joined, so the selector's answer compares equal while nothing changed.
  const gaps = usePlayground((s) =>
    apiGaps(
      {
        ...s.draft,
        contents: [...s.draft.contents, { role: "user", parts: s.attachments }],
      },
      kind,
    ).join("\n"),
  );
  return (
    <>
      <SelectRow id="setting-api" label="API" width="w-52">
        <Select
          id="setting-api"
          value={api}
          aria-describedby={gaps ? "setting-api-gaps" : undefined}
          onChange={(e) => {
            const next = e.target.value as RunApi;
            setSetting("api", next === "gemini" ? undefined : next);
            // Only the Interactions API runs a prompt in the background, or keeps its history.
            if (next !== "interactions") {
              setSetting("background", undefined);
              setSetting("store", undefined);
            }
          }}
        >
          {OFFERED.map((value) => (
            <option key={value} value={value}>
              {API_LABELS[value]}
            </option>
          ))}
        </Select>
      </SelectRow>
      <SwitchRow
        id="setting-background"
        label="Run in background"
        checked={background}
        onCheckedChange={(on) => setSetting("background", on || undefined)}
        disabledReason={
          api === "interactions"
            ? undefined
            : "Only the Interactions API runs a prompt in the background"
        }
      >
        <SettingNote id="setting-background-note">
          The run goes on if you close the tab or the server restarts; open the playground again to
          see it. Stop cancels it.
        </SettingNote>
      </SwitchRow>
      <SwitchRow
        id="setting-store"
        label="Keep history at Google"
        checked={store}
        onCheckedChange={(on) => setSetting("store", on || undefined)}
        disabledReason={
          api === "interactions" ? undefined : "Only the Interactions API keeps a conversation"
        }
      >
        <SettingNote id="setting-store-note">
          Google stores each turn; a follow-up sends only what is new. Edit an earlier turn and the
          whole conversation is sent again.
        </SettingNote>
      </SwitchRow>
      {gaps && (
        <div id="setting-api-gaps" role="note" aria-label="Not carried by this API">
          <SettingNote id="setting-api-gaps-note" tone="warning">
            {API_LABELS[api]} cannot carry {gaps.includes("\n") ? "these" : "this"}, so a run is
            refused until {gaps.includes("\n") ? "they are" : "it is"} removed:
          </SettingNote>
          <ul className="mt-1 list-disc pl-5 text-xs text-muted-foreground">
            {gaps.split("\n").map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
