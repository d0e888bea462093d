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
  | { kind: "unknown" };

const INSPECT = /\/emulator\/(requests|health)\/?$/;
const API = /\/(v1beta|v1)\/(.*)$/;

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
  const api = API.exec(decode(pathname));
  if (!api) return { kind: "unknown" };
  const version = api[1] as ApiVersion;
  const rest = (api[2] ?? "").replace(/\/$/, "");
  if (rest === "models") return { kind: "listModels", version };
  if (rest === "tunedModels") return { kind: "listTunedModels", version };
  const model = /^models\/([^/:]+)(?::([A-Za-z]+))?$/.exec(rest);
  if (!model) return { kind: "unknown" };
  const modelId = model[1] ?? "";
  return model[2]
    ? { kind: "modelMethod", version, modelId, method: model[2] }
    : { kind: "getModel", version, modelId };
}
