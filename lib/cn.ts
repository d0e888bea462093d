import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** Join class names and let later Tailwind utilities win over earlier ones (variants + overrides). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
