import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A native select, styled: the platform gives keyboard, screen-reader and mobile behaviour for free. */
export function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-8 w-full min-w-0 rounded-md border border-border bg-background px-2 text-sm",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    >
      {children}
    </select>
  );
}
