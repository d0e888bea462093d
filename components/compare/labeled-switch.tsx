"use client";

import { useId } from "react";
import { Switch } from "@/components/ui/switch";

/**
 * A switch named by the text beside it (clicking the text flips it too). `phoneLabel`, a first
 * part of `label`, is what a phone shows; the rest stays in the name for screen readers.
 */
export function LabeledSwitch({
  label,
  phoneLabel,
  checked,
  onChange,
}: {
  label: string;
  phoneLabel?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <Switch id={id} checked={checked} onCheckedChange={onChange} />
      <label htmlFor={id}>
        <PhoneShort text={label} short={phoneLabel} />
      </label>
    </div>
  );
}

/** `text`, of which a phone shows only the `short` start: the whole stays the accessible name. */
export function PhoneShort({ text, short }: { text: string; short?: string }) {
  if (!short || !text.startsWith(short)) return text;
  return (
    <>
      {short}
      <span className="max-sm:sr-only">{text.slice(short.length)}</span>
    </>
  );
}
