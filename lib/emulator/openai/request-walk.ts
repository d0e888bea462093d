/**
 * The compat endpoint parses its JSON into a request proto before anything else, exactly as the
 * native API does (an unknown top-level field is "Invalid JSON payload received. Unknown name
 * \"google\": Cannot find field.", free-claude-code#542), so this walker reads a compat body
 * against a small table (chat-schema.ts, embeddings.ts) and reports problems in the same words as
 * the native walker (validation/schema-walk.ts): unknown names with ` at '<parent>'` below the top
 * level, `Invalid value at '<path>' (TYPE_FLOAT), "hot"` for a wrong scalar, one line each, with a
 * google.rpc.BadRequest of field violations. Proto JSON takes each field's snake_case name and its
 * lowerCamelCase JSON name; the parsed body comes back with the snake_case names. Fields the
 * OpenAI API types as unions (`content`, `stop`, `tool_choice`, JSON Schemas) are free JSON here
 * and checked afterwards (chat-request.ts).
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import { badRequest } from "@/lib/emulator/validation/bad-request";
import { readScalarString, scalarOk, TYPE_NAMES } from "@/lib/emulator/validation/schema-scalars";
import type { FieldViolation } from "@/lib/emulator/validation/schema-walk";

export type CompatField = { repeated?: boolean } & (
  | { scalar: "string" | "bool" | "int32" | "float" }
  | { json: true }
  | { message: CompatMessage }
);

export interface CompatMessage {
  /** Proto name, as `Invalid value at …` names it; the compat layer's own names are unpublished. */
  typeName: string;
  fields: Record<string, CompatField>;
}

export const str: CompatField = { scalar: "string" };
export const bool: CompatField = { scalar: "bool" };
export const int32: CompatField = { scalar: "int32" };
export const float: CompatField = { scalar: "float" };
export const anyJson: CompatField = { json: true };
export const msg = (message: CompatMessage): CompatField => ({ message });
export const list = (field: CompatField): CompatField => ({ ...field, repeated: true });

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeUrl(message: CompatMessage): string {
  return `type.googleapis.com/google.ai.generativelanguage.v1beta.${message.typeName}`;
}

class CompatWalker {
  readonly violations: FieldViolation[] = [];

  message(spec: CompatMessage, object: JsonObject, path: string): JsonObject {
    const out: JsonObject = {};
    for (const [key, raw] of Object.entries(object)) {
      const name = spec.fields[key] ? key : Object.keys(spec.fields).find((f) => camel(f) === key);
      const field = name === undefined ? undefined : spec.fields[name];
      if (name === undefined || !field) {
        this.unknown(key, path, "Cannot find field.");
        continue;
      }
      // proto3 JSON: null is the same as leaving the field out.
      if (raw === null) continue;
      const at = path ? `${path}.${name}` : name;
      if (Array.isArray(raw) && !("json" in field)) {
        if (!field.repeated) {
          this.unknown(key, path, "Proto field is not repeating, cannot start list.");
          continue;
        }
        out[name] = raw.map((item, index) => this.single(field, item, `${at}[${index}]`, path));
        continue;
      }
      // A single element where a list belongs is read as a one-element list.
      out[name] = field.repeated
        ? [this.single(field, raw, `${at}[0]`, path)]
        : this.single(field, raw, at, path);
    }
    return out;
  }

  private single(field: CompatField, raw: JsonValue, path: string, parent: string): JsonValue {
    if ("json" in field) return raw;
    if ("message" in field) {
      if (!isObject(raw)) return this.invalid(path, typeUrl(field.message), raw);
      return this.message(field.message, raw, path);
    }
    if (isObject(raw)) {
      const at = parent ? ` at '${parent}'` : "";
      const name = path.slice(parent ? parent.length + 1 : 0).replace(/\[\d+\]$/, "");
      this.violations.push({
        ...(parent && { field: parent }),
        description: `Invalid value${at} (${name}), Starting an object on a scalar field`,
      });
      return raw;
    }
    if (scalarOk(field.scalar, raw)) return raw;
    const read = readScalarString(field.scalar, raw);
    if (read !== undefined) return read;
    return this.invalid(path, TYPE_NAMES[field.scalar], raw);
  }

  private unknown(key: string, parent: string, tail: string): void {
    const at = parent ? ` at '${parent}'` : "";
    this.violations.push({
      ...(parent && { field: parent }),
      description: `Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at}: ${tail}`,
    });
  }

  private invalid(path: string, type: string, raw: JsonValue): JsonValue {
    this.violations.push({
      field: path,
      description: `Invalid value at '${path}' (${type}), ${JSON.stringify(raw)}`,
    });
    return raw;
  }
}

/** The body as the proto parser reads it, or Google's 400 listing every problem. */
export function walkCompatBody(spec: CompatMessage, body: JsonObject): JsonObject {
  const walker = new CompatWalker();
  const parsed = walker.message(spec, body, "");
  if (walker.violations.length > 0) throw badRequest(walker.violations);
  return parsed;
}
