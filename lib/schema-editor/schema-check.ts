/**
 * Is this a JSON Schema Gemini can use? A meta-schema for the keywords Gemini reads
 * (responseJsonSchema, function parameters), checked with @cfworker/json-schema, plus the one
 * mistake a meta-schema can't see: `required` naming a property that isn't defined.
 */
import { type OutputUnit, Validator } from "@cfworker/json-schema";

/** A problem at a JSON pointer inside the checked document. */
export interface PathIssue {
  path: string;
  message: string;
}

const TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"];
const node = { $ref: "#/$defs/node" };
const nodeMap = { type: "object", additionalProperties: node };
const nodeList = { type: "array", minItems: 1, items: node };
const count = { type: "integer", minimum: 0 };
const text = { type: "string" };
const num = { type: "number" };

const META = {
  $defs: {
    node: {
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { enum: TYPES },
            { type: "array", minItems: 1, uniqueItems: true, items: { enum: TYPES } },
          ],
        },
        properties: nodeMap,
        $defs: nodeMap,
        definitions: nodeMap,
        items: node,
        prefixItems: nodeList,
        additionalProperties: node,
        anyOf: nodeList,
        oneOf: nodeList,
        allOf: nodeList,
        not: node,
        required: { type: "array", uniqueItems: true, items: text },
        propertyOrdering: { type: "array", uniqueItems: true, items: text },
        enum: { type: "array", minItems: 1 },
        format: text,
        title: text,
        description: text,
        pattern: text,
        $ref: text,
        $id: text,
        nullable: { type: "boolean" },
        minimum: num,
        maximum: num,
        exclusiveMinimum: num,
        exclusiveMaximum: num,
        multipleOf: { type: "number", exclusiveMinimum: 0 },
        minItems: count,
        maxItems: count,
        minLength: count,
        maxLength: count,
        minProperties: count,
        maxProperties: count,
      },
    },
  },
  $ref: "#/$defs/node",
};

/** What each keyword's value must be, said the way a person fixes it. */
const SHOULD_BE: Record<string, string> = {
  type: `one of ${TYPES.join(", ")} (or a list of them)`,
  properties: "an object mapping each property name to a schema",
  $defs: "an object mapping each name to a schema",
  definitions: "an object mapping each name to a schema",
  prefixItems: "a non-empty list of schemas",
  anyOf: "a non-empty list of schemas",
  oneOf: "a non-empty list of schemas",
  allOf: "a non-empty list of schemas",
  required: "a list of distinct property names",
  propertyOrdering: "a list of distinct property names",
  enum: "a non-empty list of values",
  multipleOf: "a number greater than 0",
  nullable: "true or false",
};
const COUNTS = ["minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"];
const NUMBERS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];

const validator = new Validator(META as never, "2020-12", false);

/** "#/properties/a~1b/type" → ["properties", "a/b", "type"] */
function segments(location: string): string[] {
  return location
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A readable path: properties.name.type, required[1]; `root` names the checked value itself. */
export function readablePath(path: string, root?: string): string {
  const parts = root ? [root, ...segments(path)] : segments(path);
  if (!parts.length) return "The schema";
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p)).join("");
}

function explain(error: OutputUnit): string {
  const parts = segments(error.instanceLocation);
  // The meta-schema's own "type" check on a node: the value is where a schema should be.
  if (error.keyword === "type" && /(^#|\$ref)\/type$/.test(error.keywordLocation)) {
    return parts.length ? "must be a schema (a JSON object)" : "must be a JSON object";
  }
  const keyword = parts.at(-1) ?? "";
  const parent = parts.at(-2);
  if (/^\d+$/.test(keyword) && (parent === "required" || parent === "propertyOrdering")) {
    return "must be a property name (a string)";
  }
  if (/^\d+$/.test(keyword) && parent === "type") return `must be one of ${TYPES.join(", ")}`;
  if (SHOULD_BE[keyword]) return `must be ${SHOULD_BE[keyword]}`;
  if (COUNTS.includes(keyword)) return "must be a whole number, 0 or more";
  if (NUMBERS.includes(keyword)) return "must be a number";
  if (["format", "title", "description", "pattern", "$ref", "$id"].includes(keyword)) {
    return "must be a string";
  }
  return error.error.replace(/\.$/, "");
}

/** Containers report "a subschema had errors"; only the leaves say what is wrong. */
const CONTAINERS = new Set([
  "$ref",
  "properties",
  "additionalProperties",
  "items",
  "anyOf",
  "prefixItems",
]);

/** Paths in the issues are prefixed with `at`; messages name `root` (e.g. "parameters") first. */
export function checkJsonSchema(schema: unknown, at = "", root?: string): PathIssue[] {
  const issues = new Map<string, PathIssue>();
  const result = validator.validate(schema);
  for (const error of result.errors) {
    if (CONTAINERS.has(error.keyword)) continue;
    const relative = error.instanceLocation.replace(/^#/, "");
    const path = at + relative;
    // anyOf branches each fail at the same place; one message per place is enough.
    if (!issues.has(path)) {
      issues.set(path, { path, message: `${readablePath(relative, root)} ${explain(error)}.` });
    }
  }
  if (issues.size === 0) checkRequired(schema, "", issues, at, root);
  return [...issues.values()];
}

function checkRequired(
  schema: unknown,
  path: string,
  issues: Map<string, PathIssue>,
  at: string,
  root: string | undefined,
): void {
  if (typeof schema !== "object" || schema === null) return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) checkRequired(item, `${path}/${i}`, issues, at, root);
    return;
  }
  const record = schema as Record<string, unknown>;
  const { required, properties } = record;
  if (Array.isArray(required) && properties && typeof properties === "object") {
    required.forEach((name, i) => {
      if (typeof name === "string" && !(name in properties)) {
        const where = `${at}${path}/required/${i}`;
        const message = `${readablePath(`${path}/required`, root)} lists "${name}", which is not in properties.`;
        issues.set(where, { path: where, message });
      }
    });
  }
  for (const [key, value] of Object.entries(record)) {
    if (!["enum", "const", "required", "default", "examples", "example"].includes(key)) {
      const child = `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      checkRequired(value, child, issues, at, root);
    }
  }
}
