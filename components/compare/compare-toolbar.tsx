"use client";

import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "@/components/ui/button";
import { resultsFileName } from "@/lib/compare/results";
import { tally } from "@/lib/compare/tally";
import { downloadJson } from "@/lib/download";
import {
  compareRoundResults,
  isCompareRunning,
  usePlayground,
  usePlaygroundApi,
} from "@/lib/store";
import { CompareApisButton } from "./compare-apis-button";
import { DiffDialog } from "./diff-dialog";
import { LabeledSwitch, PhoneShort } from "./labeled-switch";
import { QuickSetup } from "./quick-setup";

/** How the columns are shown (blind, in step, compact), the diff, and blind mode's verdict. */
export function CompareToolbar() {
  const blind = usePlayground((s) => s.blind);
  const syncScroll = usePlayground((s) => s.syncScroll);
  const compact = usePlayground((s) => s.compact);
  const votes = usePlayground((s) => s.votes);
  const running = usePlayground(isCompareRunning);
  const answered = usePlayground((s) => s.compare?.columns.some((c) => c.turns.length > 0));
  const actions = usePlayground(
    useShallow((s) => ({
      setBlind: s.setBlind,
      setSyncScroll: s.setSyncScroll,
      setCompact: s.setCompact,
      vote: s.vote,
      reveal: s.reveal,
    })),
  );
  const [diffOpen, setDiffOpen] = useState(false);
  const results = useMemo(() => tally(votes), [votes]);
  const voting = blind !== null && !blind.revealed;
  const api = usePlaygroundApi();
  const downloadable = usePlayground((s) => !running && compareRoundResults(s) !== null) && !voting;
  const download = () => {
    const results = compareRoundResults(api.getState());
    if (results) downloadJson(JSON.stringify(results, null, 2), resultsFileName(results.endedAt));
  };

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border px-4 py-2 max-sm:gap-x-3 max-sm:px-2">
      <LabeledSwitch
        label="Blind mode"
        phoneLabel="Blind"
        checked={blind !== null}
        onChange={actions.setBlind}
      />
      <LabeledSwitch
        label="Sync scroll"
        phoneLabel="Sync"
        checked={syncScroll}
        onChange={actions.setSyncScroll}
      />
      <LabeledSwitch
        label="Compact view"
        phoneLabel="Compact"
        checked={compact}
        onChange={actions.setCompact}
      />
      <QuickSetup />
      <CompareApisButton />
      <Button variant="secondary" size="sm" onClick={() => setDiffOpen(true)} disabled={!answered}>
        Diff
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={download}
        disabled={!downloadable}
        title={
          voting
            ? "Reveal the names first: the results name each column's model"
            : "Every column's request, answer and figures, as JSON"
        }
      >
        <PhoneShort text="Download results" short="Download" />
      </Button>
      {voting && (
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => actions.vote("tie")}
            disabled={running || !answered || blind.vote !== null}
          >
            It&apos;s a tie
          </Button>
          <Button variant="primary" size="sm" onClick={actions.reveal} disabled={running}>
            Reveal
          </Button>
          {blind.vote !== null && (
            <span className="text-sm text-muted-foreground">Vote recorded. Reveal the names.</span>
          )}
        </div>
      )}
      {results.length > 0 && (
        <details className="ml-auto text-sm">
          <summary className="cursor-pointer text-muted-foreground">
            Blind votes ({votes.length})
          </summary>
          <table aria-label="Blind vote tally" className="mt-1 text-xs">
            <thead>
              <tr>
                <th className="pr-3 text-left font-medium">Model</th>
                <th className="pr-3 text-right font-medium">Wins</th>
                <th className="pr-3 text-right font-medium">Ties</th>
                <th className="text-right font-medium">Rounds</th>
              </tr>
            </thead>
            <tbody>
              {results.map((row) => (
                <tr key={row.model}>
                  <td className="pr-3 font-mono">{row.model}</td>
                  <td className="pr-3 text-right tabular-nums">{row.wins}</td>
                  <td className="pr-3 text-right tabular-nums">{row.ties}</td>
                  <td className="text-right tabular-nums">{row.rounds}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {diffOpen && <DiffDialog onClose={() => setDiffOpen(false)} />}
    </div>
  );
}
