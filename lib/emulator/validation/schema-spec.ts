/**
 * The vocabulary of the request tables (request-schema.ts and the schema-*.ts files beside it):
 * proto messages as plain data, so the tables read like the .proto files they come from and the
 * walker (schema-walk.ts) is the only code that interprets them.
 */

/** Proto scalar types, named as Google's JSON parser names them in `(TYPE_…)`. */
export type ScalarType =
  | "string"
  | "bytes"
  | "bool"
  | "int32"
  | "int64"
  | "float"
  | "double"
  | "duration"
  | "timestamp";

/**
 * A semantic bound, checked only once the body has parsed. `text` is the sentence Google writes
 * after the bullet's path; `unset` is a value proto3 cannot tell from "not sent" (so never refused).
 */
export interface RangeRule {
  min: number;
  max: number;
  maxExclusive?: boolean;
  unset?: number;
  text: string;
  source: string;
}

/** A string field that takes one of a fixed list; "" is proto3's unset and always passes. */
export interface AllowedRule {
  values: readonly string[];
  text: string;
  source: string;
}

interface FieldBase {
  repeated?: boolean;
  /** Extra JSON names the parser accepts besides lowerCamelCase and snake_case. */
  aliases?: readonly string[];
  /** Where a field outside the googleapis .proto comes from (usually an SDK converter). */
  source?: string;
}

export type FieldSpec = FieldBase &
  (
    | { scalar: ScalarType; range?: RangeRule; allowed?: AllowedRule }
    | { enum: string }
    | { message: string }
    /** `map<string, Message>`: entries are addressed `field[i].value`, as Google's paths show. */
    | { mapOf: string }
    | { mapOfScalar: ScalarType }
    /** google.protobuf.Struct (an object) or Value (anything): free JSON, never walked. */
    | { json: "struct" | "value" }
  );

/** A rule about a whole message, run after the body parsed; returns the problem, if any. */
export interface MessageRule {
  check: (value: { [key: string]: unknown }) => string | undefined;
  /** True when Google answers with the bare sentence instead of a `* path: problem` bullet. */
  bare?: boolean;
  source: string;
}

export interface MessageSpec {
  /** Proto name inside `google.ai.generativelanguage.<version>`, e.g. `Tool.GoogleSearch`. */
  typeName: string;
  fields: { [jsonName: string]: FieldSpec };
  rules?: readonly MessageRule[];
  source: string;
}

export interface EnumSpec {
  typeName: string;
  values: readonly string[];
  source: string;
}

export const string = (extra: Partial<FieldBase> = {}): FieldSpec => ({
  scalar: "string",
  ...extra,
});
export const bytes = (): FieldSpec => ({ scalar: "bytes" });
export const bool = (extra: Partial<FieldBase> = {}): FieldSpec => ({ scalar: "bool", ...extra });
export const int32 = (range?: RangeRule): FieldSpec => ({
  scalar: "int32",
  ...(range && { range }),
});
export const int64 = (): FieldSpec => ({ scalar: "int64" });
export const float = (range?: RangeRule): FieldSpec => ({
  scalar: "float",
  ...(range && { range }),
});
export const double = (): FieldSpec => ({ scalar: "double" });
export const duration = (): FieldSpec => ({ scalar: "duration" });
export const timestamp = (): FieldSpec => ({ scalar: "timestamp" });
export const enumOf = (name: string): FieldSpec => ({ enum: name });
export const message = (name: string, extra: Partial<FieldBase> = {}): FieldSpec => ({
  message: name,
  ...extra,
});
export const struct = (): FieldSpec => ({ json: "struct" });
export const value = (extra: Partial<FieldBase> = {}): FieldSpec => ({ json: "value", ...extra });
export const repeated = (field: FieldSpec): FieldSpec => ({ ...field, repeated: true });
export const mapOf = (name: string): FieldSpec => ({ mapOf: name });
export const stringMap = (): FieldSpec => ({ mapOfScalar: "string" });
/** A field that comes from the SDK's Gemini-API converter rather than the published .proto. */
export const sdk = (field: FieldSpec, source: string): FieldSpec => ({ ...field, source });
