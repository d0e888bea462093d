/**
 * Proto3 JSON scalars as Google's parser reads them: numbers may come as numeric strings (int64s
 * usually do), floats also as "NaN" / "Infinity", bytes as base64 in either alphabet, durations
 * as `"1.5s"`. The names are those Google prints in `Invalid value at '…' (TYPE_FLOAT), …`.
 */
import type { JsonValue } from "@/lib/emulator/types";
import type { ScalarType } from "./schema-spec";

export const TYPE_NAMES: Record<ScalarType, string> = {
  string: "TYPE_STRING",
  bytes: "TYPE_BYTES",
  bool: "TYPE_BOOL",
  int32: "TYPE_INT32",
  int64: "TYPE_INT64",
  float: "TYPE_FLOAT",
  double: "TYPE_DOUBLE",
  duration: "type.googleapis.com/google.protobuf.Duration",
  timestamp: "type.googleapis.com/google.protobuf.Timestamp",
};

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);
const DURATION = /^-?\d+(\.\d{1,9})?s$/;
const BASE64 = /^[A-Za-z0-9+/_-]*$/;

function inInt32(value: number): boolean {
  return value >= -(2 ** 31) && value <= 2 ** 31 - 1;
}

/** Standard or URL-safe alphabet, padded or not; a length of 4n+1 never decodes. */
function isBase64(text: string): boolean {
  const stripped = text.replace(/={1,2}$/, "");
  if (!BASE64.test(stripped) || stripped.length % 4 === 1) return false;
  return stripped.length === text.length || text.length % 4 === 0;
}

/** Whether `raw` is already a value of `type`, as JSON would carry it. */
export function scalarOk(type: ScalarType, raw: JsonValue): boolean {
  switch (type) {
    case "string":
      return typeof raw === "string";
    case "bytes":
      return typeof raw === "string" && isBase64(raw);
    case "bool":
      return typeof raw === "boolean";
    case "int32":
      return typeof raw === "number" && Number.isInteger(raw) && inInt32(raw);
    case "int64":
      return typeof raw === "number" && Number.isInteger(raw);
    case "float":
    case "double":
      return typeof raw === "number";
    case "duration":
      return typeof raw === "string" && DURATION.test(raw);
    case "timestamp":
      return typeof raw === "string" && !Number.isNaN(Date.parse(raw));
  }
}

/**
 * A number sent as a string, read as the parser reads it (int64 stays a string, as the SDK types
 * it); undefined when the string is not one.
 */
export function readScalarString(type: ScalarType, raw: JsonValue): JsonValue | undefined {
  if (typeof raw !== "string") return undefined;
  const number = type === "float" || type === "double";
  if (type === "int32" && INTEGER.test(raw) && inInt32(Number(raw))) return Number(raw);
  if (type === "int64" && INTEGER.test(raw)) return raw;
  if (number && DECIMAL.test(raw)) return Number(raw);
  if (number && NON_FINITE.has(raw)) return raw;
  return undefined;
}
