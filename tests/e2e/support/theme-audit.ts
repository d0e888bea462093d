import type { Locator } from "@playwright/test";

/** A piece of text a person could not read, or a surface in the wrong theme. */
export interface ThemeProblem {
  what: string;
  text: string;
  detail: string;
}

/**
 * Reads the rendered page the way a person sees it: every visible piece of text against the
 * surface it is drawn on (WCAG contrast: 4.5, or 3 for large text), and in the dark theme every
 * large surface that is still light. Colours are read back through a canvas, so any CSS colour
 * syntax the page uses (light-dark(), color-mix(), oklch) is measured as painted.
 */
export function auditTheme(root: Locator, theme: "light" | "dark"): Promise<ThemeProblem[]> {
  return root.evaluate((rootElement, dark) => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0,0,0,0)";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data as unknown as number[];
      return [r as number, g as number, b as number, (a as number) / 255];
    };
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]: number[]) =>
      0.2126 * channel(r as number) + 0.7152 * channel(g as number) + 0.0722 * channel(b as number);
    const over = (top: number[], bottom: number[]) => {
      const a = top[3] as number;
      return [0, 1, 2].map((i) => (top[i] as number) * a + (bottom[i] as number) * (1 - a));
    };
    // The colour behind an element: its own background over its ancestors', composited.
    const surface = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const bg = rgba(getComputedStyle(at).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let colour = [255, 255, 255];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const faded = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (Number(style.opacity) < 1 || style.visibility === "hidden") return true;
      }
      return false;
    };
    const problems: { what: string; text: string; detail: string }[] = [];
    const nameOf = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${String(e.className).slice(0, 60)}`;

    for (const element of rootElement.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if ((element as HTMLElement).closest("[disabled],[aria-disabled=true]")) continue;
      const style = getComputedStyle(element);
      const ownText = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? "")
        .join("")
        .trim();
      if (ownText && !faded(element)) {
        const bg = surface(element);
        const fg = over(rgba(style.color), bg);
        const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
        const ratio = (hi + 0.05) / (lo + 0.05);
        const size = Number.parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) {
          problems.push({
            what: nameOf(element),
            text: ownText.slice(0, 40),
            detail: `contrast ${ratio.toFixed(2)}`,
          });
        }
      }
      if (dark && box.width * box.height > 5000) {
        const bg = rgba(style.backgroundColor);
        if (bg[3] > 0.5 && luminance(bg) > 0.25) {
          problems.push({
            what: nameOf(element),
            text: ownText.slice(0, 40),
            detail: `light surface ${style.backgroundColor}`,
          });
        }
      }
    }
    return problems;
  }, theme === "dark");
}
