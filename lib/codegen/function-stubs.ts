import type { GenerateContentParameters, Tool } from "@google/genai";

/**
 * The functions a prompt declares, as the JavaScript and Python tabs print them: a stand-in for
 * each, named after it and taking its arguments, and a loop that answers the model's calls with
 * them and sends the conversation again, as a person answering them in the playground does.
 */

/** What every stand-in returns until the person puts their own code in its place. */
export const STUB_RESULT: Readonly<Record<string, string>> = { result: "…" };

/**
 * Rounds of calls the loop answers before it gives up, as the SDKs' automatic function calling
 * does (Python's `maximum_remote_calls` is 10): a model may go on calling functions for ever, and
 * with mode ANY it must.
 */
export const MAX_ROUNDS = 10;

export interface DeclaredFunction {
  name: string;
  description?: string;
  /** The arguments its schema names, the required ones first. */
  parameters: { name: string; required: boolean }[];
  /** A schema that names no arguments (no `properties`): whatever comes is taken as it is. */
  open: boolean;
}

/** The declarations the request sends, in its order. */
export function declaredFunctions(params: GenerateContentParameters): DeclaredFunction[] {
  const tools = (params.config?.tools ?? []) as Tool[];
  return tools.flatMap((tool) =>
    (tool.functionDeclarations ?? []).map((declaration) => {
      const schema = record(declaration.parametersJsonSchema ?? declaration.parameters);
      const properties = record(schema?.properties);
      const required = new Set(Array.isArray(schema?.required) ? schema.required : []);
      const parameters = Object.keys(properties ?? {}).map((name) => ({
        name,
        required: required.has(name),
      }));
      return {
        name: declaration.name ?? "",
        ...(declaration.description && { description: declaration.description }),
        parameters: [
          ...parameters.filter((p) => p.required),
          ...parameters.filter((p) => !p.required),
        ],
        open: schema !== undefined && properties === undefined,
      };
    }),
  );
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * `name` made a name the target can bind: characters it cannot take (`invalid`) become `_`, and
 * a name that is a keyword or already taken gets a `_` at the end until it is free. The name is
 * then taken.
 */
export function bindableName(
  name: string,
  invalid: RegExp,
  reserved: ReadonlySet<string>,
  taken: Set<string>,
): string {
  let safe = name.replace(invalid, "_").replace(/^(?=\d)/, "_") || "_";
  while (reserved.has(safe) || taken.has(safe)) safe += "_";
  taken.add(safe);
  return safe;
}
