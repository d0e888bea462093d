/**
 * Path parsing. Any prefix before `/v1beta/` or `/v1/` is allowed, so the emulator can be mounted
 * under an app route (e.g. `/api/emulator/v1beta/...`) as well as served at a root.
 */
import type { ApiVersion } from "./types";

export type Route =
  | { kind: "inspect"; resource: "requests" | "health" }
  | { kind: "listModels"; version: ApiVersion }
  | { kind: "listTunedModels"; version: ApiVersion }
  | { kind: "getModel"; version: ApiVersion; modelId: string }
  | { kind: "modelMethod"; version: ApiVersion; modelId: string; method: string }
  | FilesRoute
  /** The OpenAI-compatible endpoint: `path` is what follows `openai/` (`chat/completions`, …). */
  | { kind: "openai"; version: ApiVersion; path: string }
  /** The Interactions API: `path` is what follows `interactions` (``, `/{id}`, `/{id}/cancel`). */
  | { kind: "interactions"; version: ApiVersion; path: string }
  | { kind: "unknown" };

/** Files API routes keep the mount prefix: upload URLs and file URIs must point back through it. */
export type FilesRoute =
  | { kind: "upload"; version: ApiVersion; mount: string }
  | { kind: "listFiles"; version: ApiVersion; mount: string }
  | { kind: "file"; version: ApiVersion; mount: string; fileId: string };

const INSPECT = /\/emulator\/(requests|health)\/?$/;
const API = /\/(v1beta|v1)\/(.*)$/;
const UPLOAD = /^(.*)\/upload\/(v1beta|v1)\/files\/?$/;

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function parseRoute(pathname: string): Route {
  const inspect = INSPECT.exec(pathname);
  if (inspect) return { kind: "inspect", resource: inspect[1] as "requests" | "health" };
  const path = decode(pathname);
  const upload = UPLOAD.exec(path);
  if (upload) return { kind: "upload", version: upload[2] as ApiVersion, mount: upload[1] ?? "" };
  const api = API.exec(path);
  if (!api) return { kind: "unknown" };
  const version = api[1] as ApiVersion;
  const rest = (api[2] ?? "").replace(/\/$/, "");
  const mount = path.slice(0, api.index);
  if (rest.startsWith("openai/")) return { kind: "openai", version, path: rest.slice(7) };
  if (rest === "interactions" || rest.startsWith("interactions/")) {
    return { kind: "interactions", version, path: rest.slice("interactions".length) };
  }
  if (rest === "files") return { kind: "listFiles", version, mount };
  const file = /^files\/([^/:]+)$/.exec(rest);
  if (file) return { kind: "file", version, mount, fileId: file[1] ?? "" };
  if (rest === "models") return { kind: "listModels", version };
  if (rest === "tunedModels") return { kind: "listTunedModels", version };
  const model = /^models\/([^/:]+)(?::([A-Za-z]+))?$/.exec(rest);
  if (!model) return { kind: "unknown" };
  const modelId = model[1] ?? "";
  return model[2]
    ? { kind: "modelMethod", version, modelId, method: model[2] }
    : { kind: "getModel", version, modelId };
}
