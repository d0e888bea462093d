"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import type { Role } from "@/lib/prompt";
import { useConversationActions, useIsRunning, useTurnCount } from "@/lib/store";
import { ConfirmDialog } from "./confirm-dialog";
import { copyText } from "./copy-text";
import { EditIcon, RerunIcon, SwapIcon, TrashIcon } from "./turn-icons";

interface TurnToolbarProps {
  index: number;
  role: Role;
  text: string;
  onEdit: () => void;
}

function ToolButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </Button>
  );
}

/**
 * A turn's actions, shown when the pointer or focus is on the turn (keyboard users reach them
 * with Tab). Everything that changes the conversation waits while an answer streams.
 */
export function TurnToolbar({ index, role, text, onEdit }: TurnToolbarProps) {
  const running = useIsRunning();
  const turns = useTurnCount();
  const { deleteTurn, switchTurnRole, rerunFrom } = useConversationActions();
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const later = turns - index - 1;

  const rerun = () => (later > 0 ? setConfirming(true) : rerunFrom(index));
  const copy = () =>
    copyText(text).then(
      (ok) => {
        setCopied(ok);
        setTimeout(() => setCopied(false), 1500);
      },
      () => setCopied(false),
    );

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form fields; these are actions.
    <div
      role="group"
      aria-label={`${role === "user" ? "User" : "Model"} turn ${index + 1} actions`}
      className="flex items-center gap-0.5 rounded-full border border-border bg-background px-1 shadow-sm"
    >
      <ToolButton label="Edit" onClick={onEdit} disabled={running}>
        <EditIcon />
      </ToolButton>
      <ToolButton label="Rerun from here" onClick={rerun} disabled={running}>
        <RerunIcon />
      </ToolButton>
      <ToolButton label="Switch role" onClick={() => switchTurnRole(index)} disabled={running}>
        <SwapIcon />
      </ToolButton>
      <ToolButton label={copied ? "Copied" : "Copy"} onClick={copy}>
        {copied ? <CheckIcon /> : <CopyIcon />}
      </ToolButton>
      <ToolButton label="Delete turn" onClick={() => deleteTurn(index)} disabled={running}>
        <TrashIcon />
      </ToolButton>
      {confirming && (
        <ConfirmDialog
          title="Rerun from here?"
          confirmLabel="Rerun"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            rerunFrom(index);
          }}
        >
          {role === "model"
            ? `This answer and the ${later} turn${later === 1 ? "" : "s"} after it will be replaced by a new answer.`
            : `The ${later} turn${later === 1 ? "" : "s"} after this one will be deleted, then the conversation runs again from here.`}
        </ConfirmDialog>
      )}
    </div>
  );
}
