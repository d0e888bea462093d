/**
 * Google's error envelope `{"error":{"code","message","status","details"?}}` and the messages its
 * front end uses, so code that branches on `status` names or parses `RetryInfo` is tested against
 * what it will meet in production.
 */
import type { ApiVersion, JsonObject } from "@/lib/emulator/types";

export const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  501: "UNIMPLEMENTED",
  504: "DEADLINE_EXCEEDED",
};

/** Statuses a `#emulator error=` directive may ask for. */
export const INJECTABLE_STATUSES = [400, 403, 404, 429, 500, 503, 504];

const DEFAULT_MESSAGES: Record<number, string> = {
  400: "Request contains an invalid argument.",
  403: "The caller does not have permission",
  404: "Requested entity was not found.",
  429: "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. ",
  500: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
  501: "Method not found.",
  // Gemini's words since early 2026 (continuedev/continue#10903, #11489, #12662: 503 UNAVAILABLE
  // on 2.5 Flash, 2.5 Pro, 3 Flash); before that it said "The model is overloaded.".
  503: "This model is currently experiencing high demand. Spikes in demand are usually temporary. Please try again later.",
  504: "The request timed out. Please try again.",
};

export const NO_KEY_MESSAGE =
  "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";

export const INVALID_KEY_MESSAGE = "API key not valid. Please pass a valid API key.";

export interface GoogleErrorBody {
  code: number;
  message: string;
  status: string;
  details?: JsonObject[];
}

/** Thrown anywhere inside a route; the handler turns it into the envelope. */
export class EmulatorApiError extends Error {
  readonly body: GoogleErrorBody;

  /** `status` overrides the name the code implies (a 400 can be FAILED_PRECONDITION). */
  constructor(code: number, message?: string, details?: JsonObject[], status?: string) {
    const text = message ?? DEFAULT_MESSAGES[code] ?? "Unknown error.";
    super(text);
    this.name = "EmulatorApiError";
    this.body = { code, message: text, status: status ?? STATUS_NAMES[code] ?? "UNKNOWN" };
    if (details && details.length > 0) this.body.details = details;
  }

  get status(): number {
    return this.body.code;
  }

  toJSON(): { error: GoogleErrorBody } {
    return { error: this.body };
  }
}

export function invalidArgument(message: string): EmulatorApiError {
  return new EmulatorApiError(400, message);
}

/** Google answers a file that is gone, or someone else's, with the same 403. */
export function fileAccessDenied(id: string): EmulatorApiError {
  return new EmulatorApiError(
    403,
    `You do not have permission to access the File ${id} or it may not exist.`,
  );
}

/** A file used before its server-side processing finished. */
export function fileNotActive(id: string): EmulatorApiError {
  return new EmulatorApiError(
    400,
    `The File ${id} is not in an ACTIVE state and usage is not allowed.`,
    undefined,
    "FAILED_PRECONDITION",
  );
}

/** Google spells the method as the client called it, e.g. `StreamGenerateContent`. */
export function modelNotFound(
  model: string,
  method: string,
  version: ApiVersion,
): EmulatorApiError {
  const listModels = method.endsWith("enerateContent") ? "ModelService.ListModels" : "ListModels";
  const spelled = method === "streamGenerateContent" ? "StreamGenerateContent" : method;
  return new EmulatorApiError(
    404,
    `models/${model} is not found for API version ${version}, or is not supported for ${spelled}. Call ${listModels} to see the list of available models and their supported methods.`,
  );
}

export function invalidKeyError(): EmulatorApiError {
  return new EmulatorApiError(400, INVALID_KEY_MESSAGE, [
    {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason: "API_KEY_INVALID",
      domain: "googleapis.com",
      metadata: { service: "generativelanguage.googleapis.com" },
    },
    {
      "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
      locale: "en-US",
      message: INVALID_KEY_MESSAGE,
    },
  ]);
}

/** A 429 as the free tier sends it: which quota, where to read more, and when to retry. */
export function quotaError(model: string, retryDelay: string, message?: string): EmulatorApiError {
  const seconds = retryDelay.replace(/s$/, "");
  const text =
    message ??
    `${DEFAULT_MESSAGES[429]}\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: ${model}\nPlease retry in ${seconds}s.`;
  return new EmulatorApiError(429, text, [
    {
      "@type": "type.googleapis.com/google.rpc.QuotaFailure",
      violations: [
        {
          quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
          quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
          quotaDimensions: { location: "global", model },
          quotaValue: "10",
        },
      ],
    },
    {
      "@type": "type.googleapis.com/google.rpc.Help",
      links: [
        {
          description: "Learn more about Gemini API quotas",
          url: "https://ai.google.dev/gemini-api/docs/rate-limits",
        },
      ],
    },
    { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay },
  ]);
}

/** An error a prompt directive asked for. */
export function injectedError(
  code: number,
  target: { model: string; method: string; version: ApiVersion },
  options: { message?: string; retryDelay?: string },
): EmulatorApiError {
  if (code === 429) return quotaError(target.model, options.retryDelay ?? "17s", options.message);
  if (code === 404 && !options.message) {
    return modelNotFound(target.model, target.method, target.version);
  }
  return new EmulatorApiError(code, options.message);
}
