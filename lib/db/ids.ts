import "server-only";
import { randomBytes } from "node:crypto";

/** 128 random bits, URL-safe: ids in links say nothing of what they name. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}
