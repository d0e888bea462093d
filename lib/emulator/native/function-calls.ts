/**
 * Function calling. With declarations and a mode other than NONE, a turn a person wrote is answered
 * with `functionCall` parts whose `args` validate against the declared parameters schema; a turn
 * that carries `functionResponse` parts is answered in text that quotes each result, which is how a
 * client proves the round trip. Like the Gemini API (unlike Vertex AI) the calls carry no `id`.
 */

import { isSchemaObject, propertyOrder, resolveNode } from "@/lib/emulator/schema/schema-node";
import { sampleValue } from "@/lib/emulator/schema/schema-values";
import type {
  GenerateRequest,
  JsonObject,
  JsonValue,
  WireContent,
  WirePart,
} from "@/lib/emulator/types";
import { sampleSeedFor } from "./prompt-words";
import { violateSchema } from "./structured";

export interface FunctionDecl {
  name: string;
  description: string;
  /** `parametersJsonSchema`, or the OpenAPI-style `parameters`; absent for no-argument functions. */
  schema?: JsonValue;
}

/** Words too common in descriptions to say which function a prompt means. */
const GENERIC = new Set(
  "with from that this function returns return given value values data information info current using when into list about which will should user users specified specific provided details name names".split(
    " ",
  ),
);

export function declaredFunctions(tools: JsonValue[] | undefined): FunctionDecl[] {
  const decls: FunctionDecl[] = [];
  for (const tool of tools ?? []) {
    if (!isSchemaObject(tool) || !Array.isArray(tool.functionDeclarations)) continue;
    for (const decl of tool.functionDeclarations) {
      if (!isSchemaObject(decl) || typeof decl.name !== "string") continue;
      const schema = decl.parametersJsonSchema ?? decl.parameters;
      decls.push({
        name: decl.name,
        description: typeof decl.description === "string" ? decl.description : "",
        ...(schema !== undefined && schema !== null && { schema }),
      });
    }
  }
  return decls;
}

export function callingMode(request: GenerateRequest): { mode: string; allowed: string[] } {
  const config = request.toolConfig?.functionCallingConfig;
  const allowed = Array.isArray(config?.allowedFunctionNames) ? config.allowedFunctionNames : [];
  return { mode: (config?.mode ?? "AUTO").toUpperCase(), allowed };
}

export function functionResponses(content: WireContent | undefined): WirePart[] {
  return (content?.parts ?? []).filter((part) => part.functionResponse !== undefined);
}

function mentions(decl: FunctionDecl, text: string): boolean {
  const lower = text.toLowerCase();
  if (lower.includes(decl.name.toLowerCase())) return true;
  const said = new Set(lower.match(/[\p{L}\p{N}]+/gu) ?? []);
  const nameParts = decl.name.split(/[_\-.:]|(?<=[a-z])(?=[A-Z])/);
  const descWords = decl.description.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...nameParts, ...descWords]
    .map((word) => word.toLowerCase())
    .some((word) => word.length >= 4 && !GENERIC.has(word) && said.has(word));
}

/**
 * The functions to call: the first declared one the prompt mentions (by name or description
 * words), else the first; `calls=N` continues with the others in order, and once every function
 * is used, calls the same ones again with shifted (different) arguments.
 */
export function chooseFunctions(
  decls: FunctionDecl[],
  calling: { mode: string; allowed: string[] },
  text: string,
  count: number,
): { decl: FunctionDecl; shift: number }[] {
  const allowed =
    calling.mode === "ANY" && calling.allowed.length > 0
      ? decls.filter((decl) => calling.allowed.includes(decl.name))
      : decls;
  const eligible = allowed.length > 0 ? allowed : decls;
  const match = eligible.findIndex((decl) => mentions(decl, text));
  const ranked =
    match <= 0
      ? eligible
      : [eligible[match] as FunctionDecl, ...eligible.filter((_, i) => i !== match)];
  return Array.from({ length: count }, (_, i) => ({
    decl: ranked[i % ranked.length] as FunctionDecl,
    shift: Math.floor(i / ranked.length),
  }));
}

/** Breaks the arguments but keeps them an object, as `args` must be one on the wire. */
function violateArgs(schema: JsonValue, args: JsonObject): JsonObject {
  const broken = violateSchema(schema, args);
  if (isSchemaObject(broken) && JSON.stringify(broken) !== JSON.stringify(args)) return broken;
  const node = resolveNode(schema, schema);
  const [first] = propertyOrder(node);
  if (first === undefined || !isSchemaObject(node.properties)) return args;
  return { ...args, [first]: violateSchema(node.properties[first] ?? {}, args[first] ?? null) };
}

export function functionCallParts(
  request: GenerateRequest,
  text: string,
  options: { count: number; invalid: boolean; signature?: string },
): WirePart[] {
  const chosen = chooseFunctions(
    declaredFunctions(request.tools),
    callingMode(request),
    text,
    options.count,
  );
  return chosen.map(({ decl, shift }, index) => {
    const seed = { ...sampleSeedFor(text, decl.name), shift };
    const value = decl.schema === undefined ? {} : sampleValue(decl.schema, seed);
    let args: JsonObject = isSchemaObject(value) ? value : {};
    if (options.invalid && decl.schema !== undefined) args = violateArgs(decl.schema, args);
    const part: WirePart = { functionCall: { name: decl.name, args } };
    // Only the first of parallel calls is signed, as Gemini does.
    if (index === 0 && options.signature) part.thoughtSignature = options.signature;
    return part;
  });
}

/** Echo lines proving each function result arrived: name and compact JSON, cut at 300 chars. */
export function functionResponseLines(content: WireContent | undefined): string[] {
  return functionResponses(content).map((part) => {
    const { name, response } = part.functionResponse ?? {};
    let json = JSON.stringify(response ?? {});
    if (json.length > 300) json = `${json.slice(0, 300)}…`;
    const tick = json.includes("`") ? "``" : "`";
    const code = tick.length > 1 ? `${tick} ${json} ${tick}` : `${tick}${json}${tick}`;
    return `- Function response: ${name ?? "(unnamed)"} returned ${code}`;
  });
}
