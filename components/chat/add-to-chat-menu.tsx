"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/prompt";
import { hasPromptBox, useConversationActions, useIsRunning, usePlayground } from "@/lib/store";
import { PlusIcon } from "./turn-icons";

/**
 * Put the prompt box into the conversation without running it: as the user, or as the model to
 * write a few-shot example by hand. A popover menu: light-dismiss and Escape come from the
 * browser; arrow keys move between the two items.
 */
export function AddToChatMenu() {
  const { addPromptToChat } = useConversationActions();
  const running = useIsRunning();
  const empty = usePlayground((s) => !hasPromptBox(s));
  const menuId = useId();
  const menu = useRef<HTMLDivElement>(null);

  const add = (role: Role) => {
    addPromptToChat(role);
    menu.current?.hidePopover();
  };

  return (
    <>
      <Button
        variant="ghost"
        size="md"
        popoverTarget={menuId}
        aria-haspopup="menu"
        disabled={running || empty}
        title="Add the prompt to the conversation without running it"
        className="max-sm:px-3"
      >
        <PlusIcon />
        {/* On a phone the icon alone; the words stay its name. */}
        <span className="max-sm:sr-only">Add to chat</span>
      </Button>
      <div
        ref={menu}
        id={menuId}
        popover="auto"
        role="menu"
        aria-label="Add to chat"
        onKeyDown={(e) => {
          if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
          e.preventDefault();
          const items = [
            ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
          ];
          const at = items.indexOf(document.activeElement as HTMLElement);
          const next = (at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
          items[next]?.focus();
        }}
        onToggle={(e) => {
          if ((e.nativeEvent as ToggleEvent).newState === "open") {
            menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
          }
        }}
        className="m-0 min-w-56 rounded-xl border border-border bg-background p-1 shadow-lg [position-area:top_span-left] [position-try-fallbacks:flip-block]"
      >
        <MenuItem onSelect={() => add("user")}>Add to chat as user</MenuItem>
        <MenuItem onSelect={() => add("model")}>Add to chat as model</MenuItem>
      </div>
    </>
  );
}

function MenuItem({ onSelect, children }: { onSelect: () => void; children: string }) {
  return (
    <button
      type="button"
      role="menuitem"
      onClick={onSelect}
      className="block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
    >
      {children}
    </button>
  );
}
