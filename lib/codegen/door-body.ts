import type { GenerateContentParameters } from "@google/genai";
import { toBackgroundInteractionBody, toInteractionBody } from "@/lib/wire/interactions-request";
import { toCompatChatRequest } from "@/lib/wire/openai-request";
import type { MediaPlan } from "./media-files";
import { GEMINI_API_VERSION, GEMINI_BASE_URL } from "./rest-body";

/**
 * The bodies of the two other doors, for code that sends them: Run's own mappings
 * (`toCompatChatRequest`, `toInteractionBody`) over the Gemini request. Run always streams; the
 * unary call is the same body without the fields that ask for a stream.
 */
export const OPENAI_BASE_URL = `${GEMINI_BASE_URL}/${GEMINI_API_VERSION}/openai/`;

export function compatBody(params: GenerateContentParameters, stream: boolean): object {
  const { stream: _, stream_options: __, ...unary } = toCompatChatRequest(params);
  return stream ? toCompatChatRequest(params) : unary;
}

/** A background run's body is never streamed: its events are read from the interaction after. */
export function interactionBody(
  params: GenerateContentParameters,
  stream: boolean,
  settings: { background: boolean; store: boolean },
): object {
  if (settings.background) return toBackgroundInteractionBody(params);
  const body = toInteractionBody(params, { store: settings.store });
  const { stream: _, ...unary } = body;
  return stream ? body : unary;
}

/**
 * Source for a value that holds a file: the whole value (base64 data, a file's URI) or a string
 * with the file inside (a `data:` URL), as `before + variable + after` in the target's own string
 * syntax; undefined for any other value.
 */
export function fileExpression(
  media: MediaPlan,
  quote: (text: string) => string,
  variable: (file: { variable: string; upload: boolean }) => string,
): (value: unknown) => string | undefined {
  return (value) => {
    const whole = media.placeholder(value);
    if (whole) return variable(whole);
    const inside = media.embedded(value);
    if (!inside) return undefined;
    return [
      ...(inside.before ? [quote(inside.before)] : []),
      variable(inside.file),
      ...(inside.after ? [quote(inside.after)] : []),
    ].join(" + ");
  };
}
