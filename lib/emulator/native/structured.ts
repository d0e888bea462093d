/**
 * Structured output: `responseMimeType: application/json` with a schema answers JSON that validates
 * against it (the app sends `responseJsonSchema`; older clients send the OpenAPI-style
 * `responseSchema`), and `text/x.enum` answers one of the enum values as plain text. `invalid=1`
 * breaks the schema on purpose so a client's "does not match the schema" path can be tested.
 */
import {
  chooseAlternative,
  isSchemaObject,
  requiredOf,
  resolveNode,
  schemaType,
} from "@/lib/emulator/schema/schema-node";
import { type SampleSeed, sampleValue } from "@/lib/emulator/schema/schema-values";
import type { JsonObject, JsonValue, WireGenerationConfig } from "@/lib/emulator/types";

export function responseSchemaOf(config: WireGenerationConfig): JsonValue | undefined {
  if (isSchemaObject(config.responseJsonSchema)) return config.responseJsonSchema;
  if (isSchemaObject(config.responseSchema)) return config.responseSchema;
  return undefined;
}

/** The answer text, or undefined when the request does not ask for schema-shaped output. */
export function structuredAnswer(
  config: WireGenerationConfig,
  seed: SampleSeed,
  invalid: boolean,
): string | undefined {
  const schema = responseSchemaOf(config);
  if (schema === undefined) return undefined;
  if (config.responseMimeType === "application/json") {
    const value = sampleValue(schema, seed);
    return JSON.stringify(invalid ? violateSchema(schema, value) : value, null, 2);
  }
  if (config.responseMimeType === "text/x.enum") {
    const node = resolveNode(schema, schema);
    if (!Array.isArray(node.enum) || node.enum.length === 0) return undefined;
    return invalid ? "NOT_ONE_OF_THE_OPTIONS" : String(sampleValue(node, seed));
  }
  return undefined;
}

/**
 * A value that fails the schema: the first required property dropped, else a value of the wrong
 * type. A schema that allows anything (`{}`) cannot be broken, so its value comes back unchanged.
 */
export function violateSchema(schema: JsonValue, value: JsonValue): JsonValue {
  let node = resolveNode(schema, schema);
  for (let i = 0; i < 8 && (node.anyOf || node.oneOf); i++) node = chooseAlternative(node, schema);
  const type = schemaType(node);
  const [firstRequired] = requiredOf(node);
  if (type === "object" && isSchemaObject(value) && firstRequired !== undefined) {
    const { [firstRequired]: _dropped, ...rest } = value;
    return rest;
  }
  switch (type) {
    case "object":
      return "not an object";
    case "array":
      return { not: "an array" } satisfies JsonObject;
    case "string":
      return 42;
    case "integer":
    case "number":
      return "not a number";
    case "boolean":
      return "not a boolean";
    case "null":
      return "not null";
    default:
      return Array.isArray(node.enum) ? "__not_one_of_the_enum_values__" : value;
  }
}
