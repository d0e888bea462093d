/**
 * Sample strings for JSON Schema `format`s (and the OpenAPI ones `responseSchema` allows), so a
 * validator that checks formats accepts them. Hosts and addresses are reserved example ones
 * (example.com, 192.0.2.0/24, 2001:db8::/32) that can never point at a real machine.
 */
import { fnv1a, hex8 } from "@/lib/emulator/hash";

const pad = (n: number) => String(n).padStart(2, "0");

/** Lowercase ASCII letters, digits and dashes; "user" when nothing of the word survives. */
export function slug(word: string): string {
  const out = word
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return out === "" ? "user" : out.slice(0, 40);
}

function uuid(h: number): string {
  const hex = [h, fnv1a(`${h}a`), fnv1a(`${h}b`), fnv1a(`${h}c`)].map(hex8).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `undefined` for formats we do not know: the caller then writes an ordinary word. */
export function formatSample(format: string, h: number, word: string): string | undefined {
  const date = `2025-${pad(1 + (h % 12))}-${pad(1 + ((h >>> 4) % 28))}`;
  const time = `${pad(8 + (h % 10))}:${pad((h >>> 3) % 60)}:00Z`;
  switch (format) {
    case "date":
      return date;
    case "time":
      return time;
    case "date-time":
      return `${date}T${time}`;
    case "email":
    case "idn-email":
      return `${slug(word)}@example.com`;
    case "uri":
    case "url":
    case "iri":
    case "uri-reference":
    case "iri-reference":
      return `https://example.com/${slug(word)}`;
    case "uuid":
      return uuid(h);
    case "hostname":
    case "idn-hostname":
      return `${slug(word)}.example.com`;
    case "ipv4":
      return `192.0.2.${1 + (h % 254)}`;
    case "ipv6":
      return `2001:db8::${(1 + (h % 65534)).toString(16)}`;
    case "duration":
      return `PT${1 + (h % 59)}M`;
    case "byte":
      return btoa(slug(word));
    default:
      return undefined;
  }
}
