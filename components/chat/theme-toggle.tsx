"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { THEMES, type Theme, themeClass, themeCookie } from "@/lib/theme";

const NAMES: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };
const ICONS = { system: MonitorIcon, light: SunIcon, dark: MoonIcon };

/** One button that steps through System, Light and Dark; the page changes at once. */
export function ThemeToggle({ initial, className }: { initial: Theme; className?: string }) {
  const [theme, setTheme] = useState(initial);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] as Theme;
  const Icon = ICONS[theme];

  const choose = () => {
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    const cls = themeClass(next);
    if (cls) root.classList.add(cls);
    // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie to render the next page in the theme; the Cookie Store API is missing in some browsers still in use.
    document.cookie = themeCookie(next);
    setTheme(next);
  };

  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Theme: ${NAMES[theme]}`}
      className={className}
      title={`Theme: ${NAMES[theme]} (switch to ${NAMES[next]})`}
      onClick={choose}
    >
      <Icon />
    </Button>
  );
}
