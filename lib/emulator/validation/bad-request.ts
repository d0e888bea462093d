/**
 * The two ways Google reports a body it will not take. A body that does not parse into the
 * request proto gets every problem on its own line plus a `google.rpc.BadRequest` detail with one
 * field violation each, `field` left out at the top level (fishjar/kiss-translator#256,
 * zed-industries/zed#59938). A body that parsed but breaks a rule gets `* Request.path: problem`
 * bullets run together, and no details (capture 10c; the live temperature and response_mime_type
 * 400s quoted in schema-generation.ts carry none).
 */
import type { JsonObject } from "@/lib/emulator/types";
import { EmulatorApiError, invalidArgument } from "./errors";
import type { FieldViolation, RuleProblem } from "./schema-walk";

export function badRequest(violations: FieldViolation[]): EmulatorApiError {
  const fieldViolations = violations.map(
    ({ field, description }): JsonObject => (field ? { field, description } : { description }),
  );
  return new EmulatorApiError(400, violations.map((v) => v.description).join("\n"), [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations },
  ]);
}

/** `prefix` names the request message, e.g. `GenerateContentRequest`. */
export function ruleBullets(problems: RuleProblem[], prefix: string): string[] {
  return problems.map(({ path, text, bare }) =>
    bare ? text : `* ${path ? `${prefix}.${path}` : prefix}: ${text}\n`,
  );
}

export function brokenRules(bullets: string[]): EmulatorApiError {
  return invalidArgument(bullets.join(""));
}
