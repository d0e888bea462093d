/** What every API route receives from the handler: the parsed request plus logging and timing. */
import type { FileStore } from "@/lib/emulator/files/file-store";
import type { DirectiveCaps } from "@/lib/emulator/native/directives";
import type { RequestLogHandle } from "./log";
import type { ApiVersion, JsonObject } from "./types";

export interface RouteContext {
  request: Request;
  url: URL;
  version: ApiVersion;
  /** The `:method` suffix, e.g. `generateContent`. */
  method: string;
  /** The model id from the path, without `models/`. */
  modelId: string;
  body: JsonObject;
  /** This emulator's Files API store, for `fileData` parts. */
  files: FileStore;
  signal: AbortSignal;
  log: RequestLogHandle;
  /** Ceilings on `#emulator` directives (offline mode); none in the standalone emulator. */
  directiveCaps?: DirectiveCaps;
  /** Waits, or rejects with an AbortError as soon as the client goes away. */
  sleep(ms: number): Promise<void>;
  /** What Google's messages name: model, method and API version. */
  target(): { model: string; method: string; version: ApiVersion };
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
