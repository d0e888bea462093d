/**
 * The Files API's memory: finished files and the resumable upload sessions that become them, one
 * store per emulator instance. Uploaded bytes are copied once, from the network chunk into a
 * buffer sized by the declared length, and never again: a 20 MB upload costs about 20 MB (the
 * SHA-256 is taken once, at finalize).
 * Files start PROCESSING and turn ACTIVE after `processingMs`, as Gemini's do after a short
 * server-side step; they expire 48 hours after creation.
 */
import { decodePageToken, encodePageToken } from "@/lib/emulator/catalogue/catalogue";
import { sha256Hex } from "@/lib/emulator/digest";
import { randomId } from "@/lib/emulator/hash";
import { type HeaderFacts, readHeaderFacts } from "@/lib/emulator/media/media-facts";
import type { FileFactsLookup } from "@/lib/emulator/native/tokens";
import { EmulatorApiError, invalidArgument } from "@/lib/emulator/validation/errors";

export const FILE_TTL_MS = 48 * 60 * 60 * 1000;
export const DEFAULT_FILE_PROCESSING_MS = 200;
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
/** Gemini's per-file ceiling. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

export interface StoredFile {
  /** The id after `files/`. */
  id: string;
  displayName?: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  facts: HeaderFacts;
  createdAt: number;
  activeAt: number;
  expiresAt: number;
  /** `<origin><mount>/<version>/files/<id>`, where the upload came in. */
  uri: string;
  /** Creation order, newest highest: list order and page tokens. */
  seq: number;
}

export interface UploadMeta {
  /** A client-chosen id (without `files/`), else one is generated. */
  id?: string;
  displayName?: string;
  mimeType: string;
  /** `X-Goog-Upload-Header-Content-Length`, when the client declared it. */
  declaredBytes?: number;
  /** Where the finished file's `uri` points: `<origin><mount>/<version>/files/`. */
  uriBase: string;
}

/** Up to this size the declared length is allocated at once; a bigger claim must be earned. */
const PREALLOCATE_LIMIT = 64 * 1024 * 1024;

/** One resumable upload in progress. */
export class UploadSession {
  received = 0;
  private buffer = new Uint8Array(0);

  constructor(
    readonly id: string,
    readonly meta: UploadMeta,
  ) {}

  /** Copies a chunk in; false (and nothing kept) when it would pass the declared length. */
  append(chunk: Uint8Array): boolean {
    const end = this.received + chunk.byteLength;
    const declared = this.meta.declaredBytes;
    if (declared !== undefined && end > declared) return false;
    if (end > this.buffer.byteLength) {
      // Sized by the declared length, so an upload of up to 64 MiB is allocated once and each
      // byte copied once; past that (or with no length declared) the buffer doubles as it fills.
      const cap = declared ?? Number.POSITIVE_INFINITY;
      const wanted = Math.max(
        end,
        declared === undefined ? 0 : Math.min(declared, PREALLOCATE_LIMIT),
        Math.min(cap, Math.max(64 * 1024, this.buffer.byteLength * 2)),
      );
      const grown = new Uint8Array(wanted);
      grown.set(this.buffer.subarray(0, this.received));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.received);
    this.received = end;
    return true;
  }

  /** Forgets bytes past `received` (a chunk that could not be kept whole). */
  rewind(received: number): void {
    this.received = Math.min(this.received, received);
  }

  bytes(): Uint8Array {
    return this.buffer.byteLength === this.received
      ? this.buffer
      : this.buffer.slice(0, this.received);
  }
}

const ID_PATTERN = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/** `https://…/v1beta/files/abc123`, `files/abc123` → `abc123`. */
export function fileIdFromUri(uri: string): string | undefined {
  return /(?:^|\/)files\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(uri)?.[1];
}

function randomFileId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36]).join("");
}

export interface FileStoreOptions {
  processingMs?: number;
  now?: () => number;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly sessions = new Map<string, UploadSession>();
  private seq = 0;
  readonly processingMs: number;
  private readonly now: () => number;

  constructor(options: FileStoreOptions = {}) {
    this.processingMs = options.processingMs ?? DEFAULT_FILE_PROCESSING_MS;
    this.now = options.now ?? Date.now;
  }

  startUpload(meta: UploadMeta): UploadSession {
    if (meta.id !== undefined) {
      if (!ID_PATTERN.test(meta.id)) {
        throw invalidArgument(
          `Invalid file name: files/${meta.id}. The id can contain up to 40 lowercase alphanumeric characters or dashes (-) and cannot start or end with a dash.`,
        );
      }
      if (this.get(meta.id))
        throw new EmulatorApiError(409, `File files/${meta.id} already exists.`);
    }
    if (meta.displayName !== undefined && meta.displayName.length > 512) {
      throw invalidArgument("* file.display_name: must be at most 512 characters\n");
    }
    if (meta.declaredBytes !== undefined && meta.declaredBytes > MAX_FILE_BYTES) {
      throw invalidArgument(
        `File size ${meta.declaredBytes} exceeds the limit of ${MAX_FILE_BYTES} bytes.`,
      );
    }
    const session = new UploadSession(randomId(72), meta);
    this.sessions.set(session.id, session);
    return session;
  }

  session(id: string): UploadSession | undefined {
    return this.sessions.get(id);
  }

  cancel(id: string): void {
    this.sessions.delete(id);
  }

  async finalize(session: UploadSession): Promise<StoredFile> {
    this.sessions.delete(session.id);
    const { meta } = session;
    let id = meta.id ?? randomFileId();
    while (!meta.id && this.files.has(id)) id = randomFileId();
    const bytes = session.bytes();
    const createdAt = this.now();
    this.seq += 1;
    const file: StoredFile = {
      id,
      mimeType: meta.mimeType,
      bytes,
      sha256: await sha256Hex(bytes),
      facts: readHeaderFacts(meta.mimeType, bytes),
      createdAt,
      activeAt: createdAt + this.processingMs,
      expiresAt: createdAt + FILE_TTL_MS,
      uri: `${meta.uriBase}${id}`,
      seq: this.seq,
    };
    if (meta.displayName !== undefined) file.displayName = meta.displayName;
    this.files.set(id, file);
    return file;
  }

  get(id: string): StoredFile | undefined {
    const file = this.files.get(id);
    if (file && file.expiresAt <= this.now()) {
      this.files.delete(id);
      return undefined;
    }
    return file;
  }

  byUri(uri: string): StoredFile | undefined {
    const id = fileIdFromUri(uri);
    return id === undefined ? undefined : this.get(id);
  }

  /** For token counting (native/tokens.ts): what a `fileData` URI refers to, if anything. */
  readonly tokenFacts: FileFactsLookup = (uri) => {
    const file = this.byUri(uri);
    if (!file) return undefined;
    return { mimeType: file.mimeType, bytes: file.bytes.byteLength, seconds: file.facts.seconds };
  };

  isActive(file: StoredFile): boolean {
    return this.now() >= file.activeAt;
  }

  delete(id: string): boolean {
    return this.get(id) !== undefined && this.files.delete(id);
  }

  /** Newest first, as Gemini lists them; the token names the last file's position. */
  list(pageSize: string | null, pageToken: string | null) {
    const size = parsePageSize(pageSize);
    let before = Number.POSITIVE_INFINITY;
    if (pageToken) {
      const decoded = Number(decodePageToken(pageToken)?.replace(/^seq:/, ""));
      if (!Number.isInteger(decoded)) throw invalidArgument("Invalid page token.");
      before = decoded;
    }
    const now = this.now();
    const all = [...this.files.values()]
      .filter((file) => file.expiresAt > now && file.seq < before)
      .sort((a, b) => b.seq - a.seq);
    const files = all.slice(0, size);
    const last = files.at(-1);
    const nextPageToken =
      last && all.length > size ? encodePageToken(`seq:${last.seq}`) : undefined;
    return { files, nextPageToken };
  }
}

function parsePageSize(raw: string | null): number {
  if (raw === null || raw === "") return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0) {
    throw invalidArgument(`Invalid value at 'page_size' (TYPE_INT32), "${raw}"`);
  }
  return size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}
