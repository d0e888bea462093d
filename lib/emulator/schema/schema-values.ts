/**
 * Deterministic values for a schema: function-call arguments and structured-output answers both
 * come from here, so what the emulator "generates" always validates against what the request
 * declared (types, enum, const, required, nested objects and arrays, numeric and length bounds,
 * formats, patterns, `$ref`, `allOf`/`anyOf`/`oneOf`). Strings echo words of the prompt, so a test
 * can see its own input come back inside a call's arguments.
 */
import { fnv1a } from "@/lib/emulator/hash";
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import { samplePattern } from "./pattern-sample";
import { formatSample } from "./schema-formats";
import {
  chooseAlternative,
  isSchemaObject,
  numberOf,
  propertyOrder,
  requiredOf,
  resolveNode,
  schemaType,
} from "./schema-node";

export interface SampleSeed {
  /** Words of the prompt that strings may echo (never empty). */
  words: string[];
  /** Likely proper nouns (native/prompt-words.ts), preferred for keys such as `city` or `name`. */
  names?: string[];
  /** The prompt, lowercased: an enum value it mentions is preferred. */
  text: string;
  /** Separates answers that share a schema, e.g. parallel calls of one function. */
  salt: string;
  /** Shifts every choice, so call 2 of the same function gets other words and numbers. */
  shift?: number;
}

/** Below this depth every property is written; deeper, only required ones (recursive schemas). */
const FULL_DEPTH = 4;
const MAX_DEPTH = 12;
const MAX_ITEMS = 1000;
/** Keys whose values read as a phrase rather than one word. */
const PHRASE_KEY =
  /query|text|message|prompt|content|description|summary|question|topic|body|note|comment|reason/i;
/** Keys whose values are usually proper nouns: prefer the prompt's capitalised words. */
const NAME_KEY =
  /name|city|location|country|place|town|region|person|author|title|destination|origin|film|movie|book|song|artist|product|company|brand|team/i;

export function sampleValue(schema: JsonValue | undefined, seed: SampleSeed): JsonValue {
  return new Sampler(schema, seed).value(schema, "$", 0, "", seed.shift ?? 0);
}

class Sampler {
  private readonly capitalised: string[];

  constructor(
    private readonly root: JsonValue | undefined,
    private readonly seed: SampleSeed,
  ) {
    const names = seed.names ?? [];
    this.capitalised =
      names.length > 0 ? names : seed.words.filter((word) => /^\p{Lu}/u.test(word));
  }

  private hash(path: string): number {
    return fnv1a(`${this.seed.salt}\u0000${path}`);
  }

  value(schema: JsonValue | undefined, path: string, depth: number, key: string, shift: number) {
    let node = resolveNode(schema, this.root);
    for (let i = 0; i < 8 && (node.anyOf || node.oneOf); i++)
      node = chooseAlternative(node, this.root);
    if ("const" in node) return node.const ?? null;
    const h = this.hash(path) + shift;
    if (Array.isArray(node.enum) && node.enum.length > 0) return this.pickEnum(node.enum, h, shift);
    const type = schemaType(node);
    if (depth > MAX_DEPTH) return minimal(type);
    switch (type) {
      case "object":
        return this.object(node, path, depth, shift);
      case "array":
        return this.array(node, path, depth, key, shift);
      case "integer":
      case "number":
        return sampleNumber(node, type === "integer", h);
      case "boolean":
        return h % 2 === 0;
      case "null":
        return null;
      default:
        return this.string(node, key, h, shift);
    }
  }

  private pickEnum(values: JsonValue[], h: number, shift: number): JsonValue {
    const mentioned = values.findIndex(
      (value) =>
        typeof value === "string" && value !== "" && this.seed.text.includes(value.toLowerCase()),
    );
    const index = mentioned >= 0 ? mentioned + shift : h;
    return values[index % values.length] ?? null;
  }

  private object(node: JsonObject, path: string, depth: number, shift: number): JsonObject {
    const properties = isSchemaObject(node.properties) ? node.properties : {};
    const required = requiredOf(node);
    const extra = node.additionalProperties;
    const out: JsonObject = {};
    for (const key of propertyOrder(node)) {
      if (depth >= FULL_DEPTH && !required.includes(key)) continue;
      out[key] = this.value(properties[key], `${path}.${key}`, depth + 1, key, shift);
    }
    for (const key of required) {
      if (!(key in out))
        out[key] = this.value(
          isSchemaObject(extra) ? extra : {},
          `${path}.${key}`,
          depth + 1,
          key,
          shift,
        );
    }
    const minProperties = numberOf(node, "minProperties") ?? 0;
    for (let n = 1; Object.keys(out).length < minProperties && extra !== false; n++) {
      const key = `extra_${n}`;
      if (!(key in out))
        out[key] = this.value(
          isSchemaObject(extra) ? extra : {},
          `${path}.${key}`,
          depth + 1,
          key,
          shift,
        );
    }
    const maxProperties = numberOf(node, "maxProperties");
    if (maxProperties !== undefined) {
      for (const key of Object.keys(out).reverse()) {
        if (Object.keys(out).length <= maxProperties) break;
        if (!required.includes(key)) delete out[key];
      }
    }
    return out;
  }

  private array(node: JsonObject, path: string, depth: number, key: string, shift: number) {
    const prefix = Array.isArray(node.prefixItems)
      ? node.prefixItems
      : Array.isArray(node.items)
        ? node.items
        : [];
    const items = isSchemaObject(node.items) ? node.items : {};
    const min = numberOf(node, "minItems") ?? 0;
    const max = numberOf(node, "maxItems") ?? Number.POSITIVE_INFINITY;
    const count = Math.min(Math.max(min, Math.min(2, max)), MAX_ITEMS);
    const out: JsonValue[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const schema = prefix[i] ?? items;
      // One path for all items and a shift per index: consecutive items take consecutive words.
      let item = this.value(schema, `${path}[]`, depth + 1, key, shift + i);
      // Distinct items come from shifted choices already; retry with other paths if not.
      for (
        let attempt = 1;
        node.uniqueItems === true && seen.has(JSON.stringify(item)) && attempt < 8;
        attempt++
      ) {
        item = this.value(schema, `${path}[${i}]~${attempt}`, depth + 1, key, shift + i + attempt);
      }
      seen.add(JSON.stringify(item));
      out.push(item);
    }
    return out;
  }

  private string(node: JsonObject, key: string, h: number, shift: number): string {
    const format =
      typeof node.format === "string"
        ? formatSample(node.format, h, this.word(key, h, shift))
        : undefined;
    if (format !== undefined) return format;
    if (typeof node.pattern === "string") {
      const pattern = node.pattern;
      let state = h;
      const matched = samplePattern(pattern, () => {
        state = fnv1a(String(state));
        return state;
      });
      if (matched !== undefined) return matched;
      const word = this.seed.words.find((candidate) => safeTest(pattern, candidate));
      if (word !== undefined) return word;
    }
    return this.fitLength(
      this.word(key, h, shift),
      numberOf(node, "minLength") ?? 0,
      numberOf(node, "maxLength"),
    );
  }

  /** Phrases read from the prompt's start (shifted per call); single words are spread by hash. */
  private word(key: string, h: number, shift: number): string {
    const words = this.seed.words;
    if (PHRASE_KEY.test(key)) {
      const start = shift % words.length;
      return [...words.slice(start), ...words.slice(0, start)].slice(0, 6).join(" ");
    }
    const pool = NAME_KEY.test(key) && this.capitalised.length > 0 ? this.capitalised : words;
    return pool[h % pool.length] ?? "example";
  }

  /** JSON Schema counts lengths in code points, not UTF-16 units. */
  private fitLength(text: string, min: number, max: number | undefined): string {
    const points = Array.from(text);
    for (let i = 0; points.length < min; i++) {
      points.push(...Array.from(` ${this.seed.words[i % this.seed.words.length] ?? "x"}`));
    }
    return (max === undefined ? points : points.slice(0, max)).join("");
  }
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, "u").test(text);
  } catch {
    return false;
  }
}

function minimal(type: string | undefined): JsonValue {
  if (type === "object") return {};
  if (type === "array") return [];
  if (type === "integer" || type === "number") return 0;
  if (type === "boolean") return false;
  if (type === "null") return null;
  return "x";
}

/** The tighter of `minimum`/`maximum` and their exclusive forms (draft-4 booleans or 2019+ numbers). */
function bounds(node: JsonObject): { lo?: number; hi?: number; exLo: boolean; exHi: boolean } {
  let lo = numberOf(node, "minimum");
  let hi = numberOf(node, "maximum");
  let exLo = node.exclusiveMinimum === true;
  let exHi = node.exclusiveMaximum === true;
  const exMin = numberOf(node, "exclusiveMinimum");
  const exMax = numberOf(node, "exclusiveMaximum");
  if (exMin !== undefined && (lo === undefined || exMin >= lo)) [lo, exLo] = [exMin, true];
  if (exMax !== undefined && (hi === undefined || exMax <= hi)) [hi, exHi] = [exMax, true];
  return { lo, hi, exLo, exHi };
}

/** A value strictly inside the bounds when there is room, so exclusive bounds hold too. */
export function sampleNumber(node: JsonObject, integer: boolean, h: number): number {
  const { lo, hi, exLo, exHi } = bounds(node);
  let value: number;
  if (integer) {
    const min = lo === undefined ? undefined : exLo ? Math.floor(lo) + 1 : Math.ceil(lo);
    const max = hi === undefined ? undefined : exHi ? Math.ceil(hi) - 1 : Math.floor(hi);
    if (min !== undefined && max !== undefined)
      value = max <= min ? min : min + (h % (max - min + 1));
    else if (min !== undefined) value = min + (h % 10);
    else if (max !== undefined) value = max - (h % 10);
    else value = 1 + (h % 100);
  } else if (lo !== undefined && hi !== undefined) {
    const exact = lo + (hi - lo) * (0.1 + (0.8 * (h % 1000)) / 1000);
    const rounded = Math.round(exact * 100) / 100;
    value = hi === lo ? lo : rounded > lo && rounded < hi ? rounded : exact;
  } else if (lo !== undefined) {
    value = lo + 1 + (h % 20) / 2;
  } else if (hi !== undefined) {
    value = hi - 1 - (h % 20) / 2;
  } else {
    value = (1 + (h % 1000)) / 10;
  }
  const multipleOf = numberOf(node, "multipleOf");
  if (multipleOf !== undefined && multipleOf > 0) {
    let k = Math.ceil(value / multipleOf);
    if (hi !== undefined && k * multipleOf > hi) k = Math.floor(hi / multipleOf);
    value = Number((k * multipleOf).toPrecision(12));
  }
  return value;
}
