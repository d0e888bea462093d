/**
 * Reads a JSON body against the request tables the way Google's JSON front end turns it into a
 * proto: every problem is collected (Google lists them all, one per line, each also a
 * `google.rpc.BadRequest` field violation), paths are proto names with indices
 * (`contents[0].parts[1].inline_data`, map entries as `properties[2].value`), and the body comes
 * back as the parser sees it: lowerCamelCase names, numbers from numeric strings, enum names in
 * their canonical case. Semantic rules (ranges, allowed values, message rules) are gathered
 * separately, because Google only runs them on a body that parsed.
 *
 * Message forms, each confirmed by public reports of live 400s:
 *   Invalid JSON payload received. Unknown name "x" at 'generation_config': Cannot find field.
 *     (zed-industries/zed#43231; at the top level without " at '…'": fishjar/kiss-translator#256)
 *   Invalid JSON payload received. Unknown name "type" at '…': Proto field is not repeating, cannot start list.
 *     (zed-industries/zed#53919)
 *   Invalid value at 'safety_settings[4].category' (type.googleapis.com/…HarmCategory), "HARM_…"
 *     (NEKOparapa/AiNiee#746)
 *   Invalid value at 'end_time_millis' (TYPE_INT64), "…" and
 *   Invalid value at 'aggregate_by[0]' (data_type_name), Starting an object on a scalar field
 *     (the same Google front end on other APIs, found by code search)
 *   Invalid value at 'contents[0].parts[1].inline_data.data' (TYPE_BYTES), Base64 decoding failed for "…"
 * Not confirmed: the form for a scalar where a Struct, Duration, Timestamp or map is expected, and
 * for a null inside a list; they follow the `Invalid value at '…' (<type>), <json>` pattern.
 */
import type { ApiVersion, JsonObject, JsonValue } from "@/lib/emulator/types";
import { MESSAGES } from "./request-schema";
import { ENUMS } from "./schema-enums";
import { readScalarString, scalarOk, TYPE_NAMES } from "./schema-scalars";
import type { FieldSpec, MessageSpec, ScalarType } from "./schema-spec";

export interface FieldViolation {
  field?: string;
  description: string;
}

/** A problem found after parsing: `path` is below the request message. */
export interface RuleProblem {
  path: string;
  text: string;
  bare?: boolean;
}

export interface WalkResult {
  body: JsonObject;
  violations: FieldViolation[];
  problems: RuleProblem[];
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

const lookups = new WeakMap<MessageSpec, Map<string, [string, FieldSpec]>>();

/** Proto JSON accepts each field's lowerCamelCase JSON name and its snake_case proto name. */
function lookup(spec: MessageSpec, key: string): [string, FieldSpec] | undefined {
  let names = lookups.get(spec);
  if (!names) {
    names = new Map();
    for (const [name, field] of Object.entries(spec.fields)) {
      for (const spelling of [name, snakeCase(name), ...(field.aliases ?? [])]) {
        names.set(spelling, [name, field]);
      }
    }
    lookups.set(spec, names);
  }
  return names.get(key);
}

export function messageSpec(name: string): MessageSpec {
  const spec = MESSAGES[name];
  if (!spec) throw new Error(`request schema: no message ${name}`);
  return spec;
}

/** Where a field sits: its parent's path, the key as sent, its JSON name and the owning message. */
interface Place {
  parent: string;
  key: string;
  name: string;
  owner: string;
}

class Walker {
  readonly violations: FieldViolation[] = [];
  readonly problems: RuleProblem[] = [];

  constructor(private readonly version: ApiVersion) {}

  message(spec: MessageSpec, object: JsonObject, path: string): JsonObject {
    const out: JsonObject = {};
    for (const [key, raw] of Object.entries(object)) {
      const found = lookup(spec, key);
      if (!found) {
        this.unknown(key, path, "Cannot find field.");
        continue;
      }
      const [name, field] = found;
      const parsed = this.field(field, raw, { parent: path, key, name, owner: spec.typeName });
      if (parsed !== undefined) out[name] = parsed;
    }
    for (const rule of spec.rules ?? []) {
      const text = rule.check(out);
      if (text) this.problems.push({ path, text, ...(rule.bare && { bare: true }) });
    }
    return out;
  }

  private field(field: FieldSpec, raw: JsonValue, place: Place): JsonValue | undefined {
    // proto3 JSON: null is the default value, the same as leaving the field out.
    if (raw === null) return undefined;
    if ("json" in field && field.json === "value") return raw;
    const path = join(place.parent, snakeCase(place.name));
    if (!Array.isArray(raw)) {
      // A single element where a list belongs is read as a one-element list.
      if (!field.repeated) return this.single(field, raw, path, place);
      return [this.single(field, raw, `${path}[0]`, place)];
    }
    if (!field.repeated) {
      this.unknown(place.key, place.parent, "Proto field is not repeating, cannot start list.");
      return raw;
    }
    return raw.map((item, index) => {
      const at = `${path}[${index}]`;
      if (item === null || Array.isArray(item)) return this.invalid(at, this.typeOf(field), item);
      return this.single(field, item, at, place);
    });
  }

  private single(field: FieldSpec, raw: JsonValue, path: string, place: Place): JsonValue {
    if ("message" in field) {
      const spec = messageSpec(field.message);
      if (!isObject(raw)) return this.invalid(path, this.typeUrl(spec.typeName), raw);
      return this.message(spec, raw, path);
    }
    if ("json" in field) {
      return isObject(raw)
        ? raw
        : this.invalid(path, "type.googleapis.com/google.protobuf.Struct", raw);
    }
    if ("mapOf" in field || "mapOfScalar" in field) return this.map(field, raw, path, place);
    if (isObject(raw)) return this.startingObject(place.parent, snakeCase(place.name), raw);
    if ("enum" in field) return this.enumValue(field.enum, raw, path);
    if (!("scalar" in field)) return raw;
    const before = this.violations.length;
    const parsed = this.scalar(field.scalar, raw, path, place);
    if (this.violations.length === before) this.checkRules(field, parsed, path);
    return parsed;
  }

  private map(field: FieldSpec, raw: JsonValue, path: string, place: Place): JsonValue {
    const entryName = `${place.name.charAt(0).toUpperCase()}${place.name.slice(1)}Entry`;
    // protoc names a map's entry message `<Field>Entry` inside the message that holds the map.
    if (!isObject(raw)) return this.invalid(path, this.typeUrl(`${place.owner}.${entryName}`), raw);
    const out: JsonObject = {};
    // Map keys are the caller's own names (property names): kept exactly as sent.
    Object.entries(raw).forEach(([key, entry], index) => {
      const at = `${path}[${index}].value`;
      if ("mapOf" in field) {
        const spec = messageSpec(field.mapOf);
        out[key] = isObject(entry)
          ? this.message(spec, entry, at)
          : this.invalid(at, this.typeUrl(spec.typeName), entry);
      } else if ("mapOfScalar" in field) {
        const entryPlace = { parent: `${path}[${index}]`, key: "value", name: "value", owner: "" };
        out[key] = this.scalar(field.mapOfScalar, entry, at, entryPlace);
      }
    });
    return out;
  }

  private scalar(type: ScalarType, raw: JsonValue, path: string, place: Place): JsonValue {
    if (isObject(raw)) return this.startingObject(place.parent, snakeCase(place.name), raw);
    if (scalarOk(type, raw)) return raw;
    const read = readScalarString(type, raw);
    if (read !== undefined) return read;
    if (type === "bytes" && typeof raw === "string") {
      const text = `Invalid value at '${path}' (TYPE_BYTES), Base64 decoding failed for ${JSON.stringify(raw)}`;
      return this.violation(path, text, raw);
    }
    return this.invalid(path, TYPE_NAMES[type], raw);
  }

  private checkRules(field: FieldSpec, parsed: JsonValue, path: string): void {
    if (!("scalar" in field)) return;
    const { range, allowed } = field;
    if (range && typeof parsed === "number" && parsed !== range.unset) {
      const above = range.maxExclusive ? parsed >= range.max : parsed > range.max;
      if (parsed < range.min || above) this.problems.push({ path, text: range.text });
    }
    if (
      allowed &&
      typeof parsed === "string" &&
      parsed !== "" &&
      !allowed.values.includes(parsed)
    ) {
      this.problems.push({ path, text: allowed.text });
    }
  }

  private enumValue(name: string, raw: JsonValue, path: string): JsonValue {
    const spec = ENUMS[name];
    if (!spec) throw new Error(`request schema: no enum ${name}`);
    if (typeof raw === "string") {
      // Google's parser takes enum names in any case (`"type": "object"`, `["Text", "Image"]`).
      const canonical = spec.values.find((value) => value === raw.toUpperCase());
      if (canonical) return canonical;
    }
    if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw < spec.values.length) {
      return raw;
    }
    return this.invalid(path, this.typeUrl(spec.typeName), raw);
  }

  private unknown(key: string, parent: string, tail: string): void {
    const at = parent ? ` at '${parent}'` : "";
    this.violations.push({
      ...(parent && { field: parent }),
      description: `Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at}: ${tail}`,
    });
  }

  private startingObject(parent: string, protoName: string, raw: JsonValue): JsonValue {
    const at = parent ? ` at '${parent}'` : "";
    const text = `Invalid value${at} (${protoName}), Starting an object on a scalar field`;
    return this.violation(parent, text, raw);
  }

  private invalid(path: string, type: string, raw: JsonValue): JsonValue {
    return this.violation(
      path,
      `Invalid value at '${path}' (${type}), ${JSON.stringify(raw)}`,
      raw,
    );
  }

  private violation(field: string, description: string, raw: JsonValue): JsonValue {
    this.violations.push({ ...(field && { field }), description });
    return raw;
  }

  private typeUrl(typeName: string): string {
    const qualified = typeName.startsWith("google.")
      ? typeName
      : `google.ai.generativelanguage.${this.version}.${typeName}`;
    return `type.googleapis.com/${qualified}`;
  }

  private typeOf(field: FieldSpec): string {
    if ("scalar" in field) return TYPE_NAMES[field.scalar];
    if ("message" in field) return this.typeUrl(messageSpec(field.message).typeName);
    if ("enum" in field) return this.typeUrl(ENUMS[field.enum]?.typeName ?? field.enum);
    return "type.googleapis.com/google.protobuf.Struct";
  }
}

/** Checks `body` against the request message `messageName` (a key of MESSAGES). */
export function walkRequest(
  messageName: string,
  body: JsonObject,
  version: ApiVersion = "v1beta",
): WalkResult {
  const walker = new Walker(version);
  const parsed = walker.message(messageSpec(messageName), body, "");
  return { body: parsed, violations: walker.violations, problems: walker.problems };
}
