/**
 * The colour theme a person picked. "system" follows the operating system's setting through CSS
 * alone; "light" and "dark" put a class on <html>. The choice lives in a cookie, not
 * localStorage, so the server renders the page in it: no flash of the other theme on load.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "playground-theme";

export function parseTheme(value: string | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The class <html> carries for a theme ("system" carries none). */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}

/** The cookie that keeps `theme` for a year (read by the server, so not HttpOnly). */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
