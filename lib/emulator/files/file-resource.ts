/**
 * A stored file as Gemini's `File` resource, field order and encodings included: `sizeBytes` is a
 * string (int64 in proto JSON), timestamps are RFC 3339 with sub-second digits, and `sha256Hash` is
 * base64 of the lowercase *hex* digest (not of the raw digest: that is what Gemini really sends).
 */

import type { JsonObject } from "@/lib/emulator/types";
import type { FileStore, StoredFile } from "./file-store";

/** Microsecond precision, as Google prints `createTime`. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000Z");
}

export function sha256HashField(hex: string): string {
  return btoa(hex);
}

export function fileResource(file: StoredFile, store: FileStore): JsonObject {
  const active = store.isActive(file);
  const resource: JsonObject = { name: `files/${file.id}` };
  if (file.displayName !== undefined) resource.displayName = file.displayName;
  resource.mimeType = file.mimeType;
  resource.sizeBytes = String(file.bytes.byteLength);
  resource.createTime = timestamp(file.createdAt);
  resource.updateTime = timestamp(active ? file.activeAt : file.createdAt);
  resource.expirationTime = timestamp(file.expiresAt);
  resource.sha256Hash = sha256HashField(file.sha256);
  resource.uri = file.uri;
  resource.state = active ? "ACTIVE" : "PROCESSING";
  resource.source = "UPLOADED";
  return resource;
}
