/**
 * Thought signatures the emulator can recognise again. Gemini's are encrypted blobs that only
 * Google can open; ours carry a readable payload and a keyed checksum, so a Gemini 3 conversation
 * that sends back a signature the emulator never issued (typed by hand, cut short, taken from
 * elsewhere) is caught the way Google catches it (signature-rules.ts).
 *
 * The key is built in rather than drawn per instance on purpose: Google's signatures never expire
 * and are accepted across sessions ("No expiration or TTL", Vertex AI "Thought signatures" doc,
 * https://docs.cloud.google.com/vertex-ai/generative-ai/docs/thought-signatures), so a saved
 * conversation must stay valid after the app restarts or another instance of it answers. It is
 * not a secret from anyone reading this file; it only has to make guessing by accident fail.
 */
import { decodeBase64, encodeBase64 } from "@/lib/emulator/base64";
import { fnv1a, hex8 } from "@/lib/emulator/hash";

const KEY = "gemini-emulator/thought-signature-key/2026";
const PREFIX = "gemini-emulator/v2/";
/** Field 2 of a protobuf message, as the first byte of Google's signatures (they start "E…"). */
const TAG = 0x12;

/**
 * Google's documented stand-ins for a signature it never issued (conversations moved from another
 * model, or calls a client injected): "context_engineering_is_the_way_to_go" and
 * "skip_thought_signature_validator" (https://ai.google.dev/gemini-api/docs/thought-signatures,
 * FAQ; quoted in pydantic/pydantic-ai's Gemini model, which sends the second for Gemini API and
 * Vertex AI alike).
 */
export const DUMMY_SIGNATURES = [
  "context_engineering_is_the_way_to_go",
  "skip_thought_signature_validator",
] as const;

function checksum(payload: string): string {
  return hex8(fnv1a(`${KEY}\u0000${payload}`)) + hex8(fnv1a(`${payload}\u0000${KEY}`));
}

/** `fingerprint` ties the signature to the answer it came with; `purpose` tells its parts apart. */
export function signatureFor(fingerprint: string, purpose = ""): string {
  const payload = `${PREFIX}${fingerprint}${purpose && `/${purpose}`}`;
  const text = new TextEncoder().encode(`${payload}#${checksum(payload)}`);
  return encodeBase64(new Uint8Array([TAG, text.length, ...text]));
}

export type SignatureVerdict = "issued" | "dummy" | "unknown";

/**
 * What earlier versions of the emulator issued (base64 of this prefix, a fingerprint and a
 * purpose, without a checksum). Conversations saved with them stay valid, as Google's do.
 */
const LEGACY_PREFIX = "gemini-emulator/thought-signature/v1/";

/**
 * The dummies count whether sent as the literal text (what JSON clients write into the field) or
 * as the base64 of it (what SDKs that type the field as bytes, like Python's, put on the wire).
 */
export function verifySignature(signature: string): SignatureVerdict {
  if ((DUMMY_SIGNATURES as readonly string[]).includes(signature)) return "dummy";
  const bytes = decodeBase64(signature.trim());
  if (!bytes || bytes.length === 0) return "unknown";
  const ascii = new TextDecoder().decode(bytes);
  if ((DUMMY_SIGNATURES as readonly string[]).includes(ascii)) return "dummy";
  if (ascii.startsWith(LEGACY_PREFIX)) return "issued";
  if (bytes[0] !== TAG || bytes[1] !== bytes.length - 2) return "unknown";
  const text = ascii.slice(2);
  const hash = text.lastIndexOf("#");
  if (hash < 0 || !text.startsWith(PREFIX)) return "unknown";
  return checksum(text.slice(0, hash)) === text.slice(hash + 1) ? "issued" : "unknown";
}
