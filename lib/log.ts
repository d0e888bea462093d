import "server-only";

/**
 * Structured server log lines (one JSON object per line on stderr). Every line passes through
 * `redact`, so even an upstream message that quoted the key cannot leak it into a log.
 */
type Level = "info" | "warn" | "error";

const secrets = new Set<string>();

/** Register a value that must never be written out (the API key). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) secrets.add(value);
}

const GOOGLE_KEY_PATTERN = /AIza[0-9A-Za-z_-]{35}/g;

export function redact(text: string): string {
  let out = text.replace(GOOGLE_KEY_PATTERN, "[redacted]");
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = redact(
    JSON.stringify({ level, time: new Date().toISOString(), message, ...fields }),
  );
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}
