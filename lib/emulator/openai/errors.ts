/**
 * The compat endpoint's error body: Google's usual `{"error": {code, message, status, details?}}`,
 * but wrapped in a one-element JSON array, pretty-printed, with the matching HTTP status. Public
 * reports quote it for every kind of failure: an unknown top-level field
 * (Alishahryar1/free-claude-code#542: `[{"error": {"code": 400, "message": "Invalid JSON payload
 * received. Unknown name \"google\": Cannot find field.", …}}]`), a bad key
 * (NousResearch/hermes-agent#7893: `Error code: 400 - [{'error': {'code': 400, 'message': 'API key
 * not valid. …', 'details': [ErrorInfo API_KEY_INVALID, LocalizedMessage]}}]`) and a refused
 * reasoning_effort (discuss.ai.google.dev/t/117875). The `openai` clients look for `body.error`
 * and find none in an array: older ones report only "400 status code (no body)"
 * (OpenCoworkAI/open-codesign#175, #282, #333); openai-node 7.x keeps the whole array as
 * `error.error` and prints it as JSON in the message, with no `code` or `param`. Either way a
 * caller has to dig Google's message out of the raw body.
 *
 * Errors in the middle of a stream travel as one `data: {"error": {…}}` event, the native SSE
 * form, which the `openai` client turns into an APIError (no public capture of this case).
 */
import { DirectiveError } from "@/lib/emulator/native/directives";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";
import { compatJsonResponse } from "./compat-json";

export function toCompatError(error: unknown): EmulatorApiError {
  if (error instanceof EmulatorApiError) return error;
  if (error instanceof DirectiveError) return new EmulatorApiError(400, error.message);
  console.error("Gemini emulator (OpenAI compat): unexpected failure", error);
  return new EmulatorApiError(500);
}

export function compatErrorResponse(error: EmulatorApiError, requestId: string): Response {
  return compatJsonResponse([error.toJSON()], requestId, error.status);
}
