/**
 * The emulator's "generated" pictures: a two-colour gradient with a few soft discs, all chosen by
 * a seed. Equal requests paint equal pictures; a different prompt or input image paints another,
 * so an edit loop visibly changes the image. Smooth on purpose: it compresses to a small PNG.
 */
import { mulberry32 } from "@/lib/emulator/hash";

type Rgb = [number, number, number];

/** A saturated colour from a hue in [0, 1). */
function hue(h: number, lightness: number): Rgb {
  const channel = (offset: number) => {
    const k = (offset + h * 12) % 12;
    const value = lightness - 0.45 * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * Math.min(1, Math.max(0, value)));
  };
  return [channel(0), channel(8), channel(4)];
}

export function paintPicture(width: number, height: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  const from = hue(random(), 0.5);
  const to = hue(random(), 0.35);
  const angle = random() * Math.PI * 2;
  const dx = Math.cos(angle) / Math.hypot(width, height);
  const dy = Math.sin(angle) / Math.hypot(width, height);
  const discs = Array.from({ length: 3 }, () => ({
    x: random() * width,
    y: random() * height,
    r: (0.12 + random() * 0.25) * Math.min(width, height),
    color: hue(random(), 0.6),
  }));

  const rgb = new Uint8Array(width * height * 3);
  let at = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, Math.max(0, 0.5 + (x - width / 2) * dx + (y - height / 2) * dy));
      let r = from[0] + (to[0] - from[0]) * t;
      let g = from[1] + (to[1] - from[1]) * t;
      let b = from[2] + (to[2] - from[2]) * t;
      for (const disc of discs) {
        const distance = Math.hypot(x - disc.x, y - disc.y);
        // Opaque inside, fading over the outer fifth of the radius.
        const alpha = 0.7 * Math.min(1, Math.max(0, (disc.r - distance) / (disc.r * 0.2)));
        if (alpha === 0) continue;
        r += (disc.color[0] - r) * alpha;
        g += (disc.color[1] - g) * alpha;
        b += (disc.color[2] - b) * alpha;
      }
      rgb[at++] = r;
      rgb[at++] = g;
      rgb[at++] = b;
    }
  }
  return rgb;
}
