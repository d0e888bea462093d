/**
 * Identifiers shaped like the live service's. An interaction id is `v1_` and the unpadded URL-safe
 * base64 of a small protobuf: two string fields holding the same 23-character token
 * (`v1_ChdXcW1QYXZp…` in public captures decodes to `0a 17 "WqmPavi…" 12 17 "WqmPavi…"`). Call
 * ids are eight lowercase letters and digits (`"call_id": "5q6h0z70"` in Google's guide). Event
 * ids are opaque resume cursors: a small protobuf of the event's sequence number (a varint) and a
 * hash of its interaction's id, base64url, so a cursor from one interaction resumes no other.
 */
import { encodeBase64 } from "@/lib/emulator/base64";
import { fnv1a, randomId } from "@/lib/emulator/hash";

function base64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function field(tag: number, text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [tag, bytes.length, ...bytes];
}

export function newInteractionId(): string {
  const token = randomId(23);
  return `v1_${base64Url(new Uint8Array([...field(0x0a, token), ...field(0x12, token)]))}`;
}

const CALL_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export function newCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let id = "";
  for (const byte of bytes) id += CALL_ALPHABET[byte % CALL_ALPHABET.length];
  return id;
}

function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** The cursor of the event at `sequence` (1 for the first event) of `interactionId`. */
export function eventId(interactionId: string, sequence: number): string {
  const hash = fnv1a(interactionId);
  const owner = [hash >>> 24, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff];
  return base64Url(new Uint8Array([0x08, ...varint(sequence), 0x12, 4, ...owner]));
}

export function newContinuationToken(): string {
  return base64Url(new TextEncoder().encode(`continuation/${randomId(32)}`));
}

/** ISO 8601 to the second, as the service stamps `created` and `updated`. */
export function timestamp(ms: number = Date.now()): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
