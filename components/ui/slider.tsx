import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

type SliderProps = Omit<ComponentProps<"input">, "type" | "onChange" | "value"> & {
  value: number;
  onValueChange: (value: number) => void;
};

/**
 * The mouse twin of a number field. Hidden from assistive tech and the tab order: the number field
 * beside it is the one accessible control, so a setting is never announced twice.
 */
export function Slider({ value, onValueChange, className, ...props }: SliderProps) {
  return (
    <input
      type="range"
      aria-hidden="true"
      tabIndex={-1}
      value={value}
      onChange={(e) => onValueChange(Number(e.target.value))}
      className={cn("h-4 min-w-0 flex-1 accent-primary disabled:opacity-40", className)}
      {...props}
    />
  );
}
