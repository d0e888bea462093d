/**
 * A strict reader for the create body: every field must be one the SDK's `CreateModelInteraction`
 * / `CreateAgentInteraction` types name, with the JSON type they give it; polymorphic objects are
 * told apart by their `type`. Every problem is collected, one line each, in the words of Google's
 * JSON front end (validation/schema-walk.ts quotes the live forms): `Invalid JSON payload
 * received. Unknown name "x" at 'generation_config': Cannot find field.`, `Invalid value at
 * 'generation_config.temperature' (TYPE_FLOAT), "hot"`. Paths use the API's snake_case names with
 * list indices (`input[1].mime_type`). Numbers sent as strings are read, as the front end does.
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";

export interface ObjectSpec {
  kind: "object";
  /** The message name quoted when a scalar arrives where this object belongs. */
  name: string;
  fields: Record<string, Spec>;
  required?: readonly string[];
}

export type Spec =
  | { kind: "string"; enumName?: string; values?: readonly string[] }
  | { kind: "boolean" }
  | { kind: "integer" }
  | { kind: "number" }
  | { kind: "bytes" }
  | { kind: "any" }
  | { kind: "struct" }
  | ObjectSpec
  | { kind: "map"; values: Spec }
  | { kind: "list"; items: Spec }
  /** An object whose `type` picks the variant. */
  | { kind: "typed"; name: string; variants: Record<string, ObjectSpec> }
  /** A union told apart by JSON kind: a string, an object or a list. */
  | { kind: "either"; name: string; options: Spec[] };

export const str = (): Spec => ({ kind: "string" });
export const oneOf = (enumName: string, values: readonly string[]): Spec => ({
  kind: "string",
  enumName,
  values,
});
export const bool = (): Spec => ({ kind: "boolean" });
export const int = (): Spec => ({ kind: "integer" });
export const num = (): Spec => ({ kind: "number" });
export const bytes = (): Spec => ({ kind: "bytes" });
export const any = (): Spec => ({ kind: "any" });
export const struct = (): Spec => ({ kind: "struct" });
export const list = (items: Spec): Spec => ({ kind: "list", items });
export const map = (values: Spec): Spec => ({ kind: "map", values });
export function obj(
  name: string,
  fields: Record<string, Spec>,
  required: readonly string[] = [],
): ObjectSpec {
  return { kind: "object", name, fields, required };
}
export function typed(name: string, variants: Record<string, ObjectSpec>): Spec {
  return { kind: "typed", name, variants };
}
export function either(name: string, ...options: Spec[]): Spec {
  return { kind: "either", name, options };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SCALAR_TYPES: Record<string, string> = {
  string: "TYPE_STRING",
  boolean: "TYPE_BOOL",
  integer: "TYPE_INT32",
  number: "TYPE_FLOAT",
  bytes: "TYPE_BYTES",
};

/** Both alphabets (Google reads the URL-safe one too), whitespace skipped, padding at the end. */
const BASE64 = /^[A-Za-z0-9+/_\-\s]*=?=?\s*$/;

function at(path: string): string {
  return path ? ` at '${path}'` : "";
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function shown(value: JsonValue): string {
  if (Array.isArray(value)) return "Starting a list on a scalar field";
  if (isObject(value)) return "Starting an object on a scalar field";
  return JSON.stringify(value);
}

export class Walker {
  readonly problems: string[] = [];

  invalid(path: string, typeName: string, value: JsonValue): void {
    this.problems.push(`Invalid value at '${path}' (${typeName}), ${shown(value)}`);
  }

  missing(path: string, name: string): void {
    this.problems.push(`Missing required field "${name}"${at(path)}.`);
  }

  /** The value as read (numbers from numeric strings), or undefined where it was unreadable. */
  walk(spec: Spec, value: JsonValue, path: string): JsonValue | undefined {
    switch (spec.kind) {
      case "any":
        return value;
      case "struct":
        if (isObject(value)) return value;
        this.invalid(path, "google.protobuf.Struct", value);
        return undefined;
      case "string":
        return this.string(spec, value, path);
      case "boolean":
        if (typeof value === "boolean") return value;
        this.invalid(path, "TYPE_BOOL", value);
        return undefined;
      case "integer":
      case "number":
        return this.number(spec, value, path);
      case "bytes":
        return this.bytes(value, path);
      case "object":
        return this.object(spec, value, path);
      case "typed":
        return this.typed(spec, value, path);
      case "map":
        return this.map(spec.values, value, path);
      case "list":
        return this.list(spec.items, value, path);
      case "either":
        return this.either(spec, value, path);
    }
  }

  private string(spec: Extract<Spec, { kind: "string" }>, value: JsonValue, path: string) {
    if (typeof value !== "string") {
      this.invalid(path, spec.enumName ?? "TYPE_STRING", value);
      return undefined;
    }
    if (spec.values && !spec.values.includes(value)) {
      this.invalid(path, spec.enumName ?? "TYPE_STRING", value);
      return undefined;
    }
    return value;
  }

  private number(
    spec: Extract<Spec, { kind: "integer" | "number" }>,
    value: JsonValue,
    path: string,
  ) {
    const type = SCALAR_TYPES[spec.kind] ?? "TYPE_FLOAT";
    const read = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof read !== "number" || !Number.isFinite(read)) {
      this.invalid(path, type, value);
      return undefined;
    }
    if (spec.kind === "integer" && !Number.isInteger(read)) {
      this.invalid(path, type, value);
      return undefined;
    }
    return read;
  }

  private bytes(value: JsonValue, path: string) {
    if (typeof value !== "string") {
      this.invalid(path, "TYPE_BYTES", value);
      return undefined;
    }
    if (!BASE64.test(value)) {
      const quoted = value.length > 20 ? `${value.slice(0, 20)}…` : value;
      this.problems.push(
        `Invalid value at '${path}' (TYPE_BYTES), Base64 decoding failed for "${quoted}"`,
      );
      return undefined;
    }
    return value;
  }

  object(spec: ObjectSpec, value: JsonValue, path: string): JsonObject | undefined {
    if (!isObject(value)) {
      this.invalid(path, spec.name, value);
      return undefined;
    }
    const out: JsonObject = {};
    for (const [name, item] of Object.entries(value)) {
      const field = spec.fields[name];
      if (!field) {
        this.problems.push(
          `Invalid JSON payload received. Unknown name "${name}"${at(path)}: Cannot find field.`,
        );
        continue;
      }
      // proto3 JSON reads an explicit null as "unset".
      if (item === null) continue;
      const read = this.walk(field, item, join(path, name));
      if (read !== undefined) out[name] = read;
    }
    for (const name of spec.required ?? []) {
      if (value[name] === undefined || value[name] === null) this.missing(path, name);
    }
    return out;
  }

  private typed(spec: Extract<Spec, { kind: "typed" }>, value: JsonValue, path: string) {
    if (!isObject(value)) {
      this.invalid(path, spec.name, value);
      return undefined;
    }
    const type = value.type;
    if (type === undefined || type === null) {
      this.missing(path, "type");
      return undefined;
    }
    const variant = typeof type === "string" ? spec.variants[type] : undefined;
    if (!variant) {
      this.invalid(join(path, "type"), spec.name, type);
      return undefined;
    }
    return this.object(variant, value, path);
  }

  private map(values: Spec, value: JsonValue, path: string) {
    if (!isObject(value)) {
      this.invalid(path, "map", value);
      return undefined;
    }
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const read = this.walk(values, item, `${path}[${JSON.stringify(key)}]`);
      if (read !== undefined) out[key] = read;
    }
    return out;
  }

  private list(items: Spec, value: JsonValue, path: string) {
    if (!Array.isArray(value)) {
      this.invalid(path, "list", value);
      return undefined;
    }
    const out: JsonValue[] = [];
    value.forEach((item, index) => {
      const read = this.walk(items, item, `${path}[${index}]`);
      if (read !== undefined) out.push(read);
    });
    return out;
  }

  private either(spec: Extract<Spec, { kind: "either" }>, value: JsonValue, path: string) {
    const kind = Array.isArray(value) ? "list" : isObject(value) ? "object" : typeof value;
    const fits = (option: Spec): boolean => {
      if (option.kind === "any") return true;
      if (option.kind === "list") return kind === "list";
      if (["object", "typed", "map", "struct"].includes(option.kind)) return kind === "object";
      if (option.kind === "integer" || option.kind === "number") return kind === "number";
      return option.kind === kind || (option.kind === "bytes" && kind === "string");
    };
    const option = spec.options.find(fits);
    if (!option) {
      this.invalid(path, spec.name, value);
      return undefined;
    }
    return this.walk(option, value, path);
  }
}
