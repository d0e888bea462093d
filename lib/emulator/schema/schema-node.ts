/**
 * Reading a schema node the way both dialects Gemini accepts need: JSON Schema
 * (`responseJsonSchema`, `parametersJsonSchema`: lowercase types, `$ref`/`$defs`, `allOf`, type
 * arrays) and the older OpenAPI subset (`responseSchema`, `parameters`: `"OBJECT"`, `nullable`,
 * `propertyOrdering`). Everything is normalised to one lowercase view before values are made.
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";

const MAX_REF_DEPTH = 32;

export function isSchemaObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows `#/…` pointers inside the root document; anything else resolves to "no constraint". */
function lookup(root: JsonValue | undefined, ref: string): JsonValue | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: JsonValue | undefined = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isSchemaObject(node) && !Array.isArray(node)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    if (key === "properties" && isSchemaObject(value)) {
      target.properties = {
        ...(isSchemaObject(target.properties) ? target.properties : {}),
        ...value,
      };
    } else if (key === "required" && Array.isArray(value)) {
      const before = Array.isArray(target.required) ? target.required : [];
      target.required = [...new Set([...before, ...value])];
    } else if (!(key in target)) {
      target[key] = value;
    }
  }
}

/** The node with `$ref` and `allOf` folded in, so callers see one flat set of keywords. */
export function resolveNode(
  schema: JsonValue | undefined,
  root: JsonValue | undefined,
  depth = 0,
): JsonObject {
  if (!isSchemaObject(schema) || depth > MAX_REF_DEPTH) return {};
  const { $ref, allOf, ...own } = schema;
  const node: JsonObject = { ...own };
  if (typeof $ref === "string") mergeInto(node, resolveNode(lookup(root, $ref), root, depth + 1));
  if (Array.isArray(allOf)) {
    for (const member of allOf) mergeInto(node, resolveNode(member, root, depth + 1));
  }
  return node;
}

/** The first alternative of `anyOf`/`oneOf` that is not just `null`, merged over its parent. */
export function chooseAlternative(node: JsonObject, root: JsonValue | undefined): JsonObject {
  const options = Array.isArray(node.anyOf)
    ? node.anyOf
    : Array.isArray(node.oneOf)
      ? node.oneOf
      : [];
  if (options.length === 0) return node;
  const { anyOf: _a, oneOf: _o, ...rest } = node;
  const resolved = options.map((option) => resolveNode(option, root));
  const chosen = resolved.find((option) => schemaType(option) !== "null") ?? resolved[0] ?? {};
  const merged: JsonObject = { ...chosen };
  mergeInto(merged, rest);
  return merged;
}

/** One lowercase type name; inferred from other keywords when `type` is absent. */
export function schemaType(node: JsonObject): string | undefined {
  const raw = node.type;
  const names = (Array.isArray(raw) ? raw : [raw]).filter(
    (name): name is string => typeof name === "string",
  );
  const declared = names.find((name) => name.toLowerCase() !== "null") ?? names[0];
  if (declared) return declared.toLowerCase();
  if ("properties" in node || "required" in node || "additionalProperties" in node) return "object";
  if ("items" in node || "prefixItems" in node || "minItems" in node) return "array";
  if (Array.isArray(node.enum) && node.enum.length > 0) return jsonType(node.enum[0]);
  if ("minimum" in node || "maximum" in node || "multipleOf" in node) return "number";
  if ("pattern" in node || "format" in node || "minLength" in node) return "string";
  return undefined;
}

function jsonType(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}

export function numberOf(node: JsonObject, key: string): number | undefined {
  const value = node[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Property names in the order a model writes them: `propertyOrdering` first, then declared. */
export function propertyOrder(node: JsonObject): string[] {
  const properties = isSchemaObject(node.properties) ? Object.keys(node.properties) : [];
  const ordering = Array.isArray(node.propertyOrdering)
    ? node.propertyOrdering.filter((key): key is string => typeof key === "string")
    : [];
  return [...new Set([...ordering.filter((key) => properties.includes(key)), ...properties])];
}

export function requiredOf(node: JsonObject): string[] {
  return Array.isArray(node.required)
    ? node.required.filter((key): key is string => typeof key === "string")
    : [];
}
