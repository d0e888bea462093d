import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

/** The label of one setting: small and medium-weight, as in AI Studio's run settings. */
export function SettingLabel({
  htmlFor,
  className,
  ...props
}: ComponentProps<"label"> & { htmlFor: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: htmlFor is required by the props type.
    <label
      id={`${htmlFor}-label`}
      htmlFor={htmlFor}
      className={cn("text-sm text-foreground", className)}
      {...props}
    />
  );
}

/**
 * "Back to the model's default". Every one is named "Reset to default" and described by its
 * setting's label: a name like "Reset Top K" would also answer a search for "Top K".
 */
export function ResetButton({
  labelledFor,
  onClick,
}: {
  labelledFor: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-label="Reset to default"
      aria-describedby={`${labelledFor}-label`}
      onClick={onClick}
      className="rounded px-1 text-xs text-primary hover:underline"
    >
      Reset
    </button>
  );
}

export function SettingNote({
  id,
  tone = "muted",
  children,
}: {
  id?: string;
  tone?: "muted" | "warning" | "error";
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      className={cn(
        "text-xs",
        tone === "error"
          ? "text-danger"
          : tone === "warning"
            ? "text-warning"
            : "text-muted-foreground",
      )}
    >
      {children}
    </p>
  );
}
