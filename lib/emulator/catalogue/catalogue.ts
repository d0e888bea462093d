/**
 * Lookup and pagination over the catalogue. Page tokens mimic Google's: base64 of a protobuf
 * string field holding the last name on the page, so clients treat them as opaque as they must.
 */

import { invalidArgument } from "@/lib/emulator/validation/errors";
import { CHAT_MODELS } from "./catalogue-chat";
import type { CatalogueModel } from "./catalogue-entry";
import { MEDIA_MODELS } from "./catalogue-media";
import { LISTING_ORDER } from "./catalogue-order";
import { PREDICT_MODELS } from "./catalogue-predict";
import { SPECIAL_MODELS } from "./catalogue-special";

export type { CatalogueModel } from "./catalogue-entry";

/** Every family's entries in Google's listing order; an entry the order misses is a bug. */
function inListingOrder(entries: readonly CatalogueModel[]): readonly CatalogueModel[] {
  const byId = new Map(entries.map((entry) => [entry.name.slice("models/".length), entry]));
  const ordered = LISTING_ORDER.map((id) => {
    const entry = byId.get(id);
    if (!entry) throw new Error(`catalogue-order.ts names ${id}, which no family defines`);
    return entry;
  });
  if (ordered.length !== entries.length || new Set(LISTING_ORDER).size !== entries.length) {
    throw new Error("catalogue-order.ts must list every catalogue entry exactly once");
  }
  return ordered;
}

const CATALOGUE = inListingOrder([
  ...CHAT_MODELS,
  ...MEDIA_MODELS,
  ...SPECIAL_MODELS,
  ...PREDICT_MODELS,
]);

/**
 * Names Google lists for another model: `nano-banana-pro-preview` is "Gemini 3 Pro Image Preview"
 * (its description in the 2026-06-26 listing), so it is answered by that model's rules.
 */
const SERVED_AS: Record<string, string> = {
  "models/nano-banana-pro-preview": "models/gemini-3-pro-image-preview",
};

export function servedAs(entry: CatalogueModel): CatalogueModel {
  const target = SERVED_AS[entry.name];
  return (target && CATALOGUE.find((model) => model.name === target)) || entry;
}

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** Accepts `gemini-2.5-flash` and `models/gemini-2.5-flash`. */
export function findModel(id: string): CatalogueModel | undefined {
  const name = id.startsWith("models/") ? id : `models/${id}`;
  return CATALOGUE.find((entry) => entry.name === name);
}

/** `streamGenerateContent` is never listed: Google implies it from `generateContent`. */
export function supportsMethod(entry: CatalogueModel, method: string): boolean {
  const methods = entry.supportedGenerationMethods;
  if (method === "streamGenerateContent") return methods.includes("generateContent");
  if (method === "batchEmbedContents") return methods.includes("embedContent");
  return methods.includes(method);
}

export function encodePageToken(lastName: string): string {
  const bytes = new TextEncoder().encode(lastName);
  return btoa(String.fromCharCode(0x0a, bytes.length, ...bytes));
}

export function decodePageToken(token: string): string | undefined {
  try {
    const raw = atob(token);
    if (raw.charCodeAt(0) !== 0x0a || raw.charCodeAt(1) !== raw.length - 2) return undefined;
    return raw.slice(2);
  } catch {
    return undefined;
  }
}

export interface ModelsPage {
  models: CatalogueModel[];
  nextPageToken?: string;
}

/** The last page carries no token at all: the SDK's pager loops on an empty string. */
export function listModels(pageSize: string | null, pageToken: string | null): ModelsPage {
  const size = parsePageSize(pageSize);
  let start = 0;
  if (pageToken) {
    const last = decodePageToken(pageToken);
    const index = last === undefined ? -1 : CATALOGUE.findIndex((entry) => entry.name === last);
    if (index < 0) throw invalidArgument("Invalid page token.");
    start = index + 1;
  }
  const models = CATALOGUE.slice(start, start + size);
  const lastModel = models.at(-1);
  const page: ModelsPage = { models };
  if (lastModel && start + size < CATALOGUE.length) {
    page.nextPageToken = encodePageToken(lastModel.name);
  }
  return page;
}

function parsePageSize(raw: string | null): number {
  if (raw === null || raw === "") return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0) {
    throw invalidArgument(`Invalid value at 'page_size' (TYPE_INT32), "${raw}"`);
  }
  if (size === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(size, MAX_PAGE_SIZE);
}

export function catalogueSize(): number {
  return CATALOGUE.length;
}
