"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import type { Role } from "@/lib/prompt";
import { useConversationActions, useIsRunning } from "@/lib/store";
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
 * with Tab). Everything that changes the conversation waits while an answer streams. Delete and
 * Rerun act at once: what they drop comes back with Undo (undo-toast.tsx) or Ctrl/Cmd+Z.
 */
export function TurnToolbar({ index, role, text, onEdit }: TurnToolbarProps) {
  const running = useIsRunning();
  const { deleteTurn, switchTurnRole, rerunFrom } = useConversationActions();
  const [copied, setCopied] = useState(false);
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
      <ToolButton label="Rerun from here" onClick={() => rerunFrom(index)} disabled={running}>
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
    </div>
  );
}
