import type { GenerateContentParameters } from "@google/genai";
import { bindableName, type DeclaredFunction, MAX_ROUNDS, STUB_RESULT } from "./function-stubs";
import { commentLines, printLiteral, quoteString } from "./literals";

/**
 * The JavaScript tab's declared functions: a method per function, and the loop that answers the
 * model's calls with them, as Google's function calling docs write it for `@google/genai`.
 */

/** The stand-ins and the helpers the loop calls, before `main`. */
export function functionDefinitions(functions: DeclaredFunction[], stream: boolean): string[] {
  return [...functionStubs(functions), "", ...loopHelpers(stream)];
}

/** Words a strict-mode module cannot bind, where a function's arguments become names. */
const RESERVED = new Set(
  "arguments await break case catch class const continue debugger default delete do else enum eval export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield".split(
    " ",
  ),
);

/**
 * One method per declared function, under the very name the model calls it by (any string is a
 * method name, so none needs changing), taking its arguments by name.
 */
function functionStubs(functions: DeclaredFunction[]): string[] {
  return [
    "// The functions the prompt declares, by the names the model calls them, each returning a",
    "// stand-in result.",
    "const functions = {",
    ...functions.flatMap((f) => [
      ...commentLines(f.description ? [f.description] : [], "  //"),
      `  ${IDENTIFIER.test(f.name) ? f.name : quoteString(f.name)}(${jsParameters(f)}) {`,
      "    // TODO: your code here; the model reads what this returns as the function's result.",
      `    return ${printLiteral(STUB_RESULT, { syntax: "js" })};`,
      "  },",
    ]),
    "};",
  ];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `{ city, unit }`, each argument under a name JavaScript can bind; `args` when none is named. */
function jsParameters(f: DeclaredFunction): string {
  if (f.open) return "args";
  if (!f.parameters.length) return "";
  const taken = new Set<string>();
  const names = f.parameters.map(({ name }) => {
    const local = bindableName(name, /[^A-Za-z0-9_$]/g, RESERVED, taken);
    if (local === name) return name;
    return `${IDENTIFIER.test(name) ? name : quoteString(name)}: ${local}`;
  });
  return `{ ${names.join(", ")} }`;
}

function loopHelpers(stream: boolean): string[] {
  return [
    "// The user turn that answers the model's calls: each call's result under its name (and its",
    "// id, when it has one), in the order the calls came.",
    "function functionResponses(calls) {",
    "  return {",
    '    role: "user",',
    "    parts: calls.map(({ id, name, args }) => ({",
    "      functionResponse: { id, name, response: functions[name](args ?? {}) },",
    "    })),",
    "  };",
    "}",
    ...(stream
      ? [
          "",
          "// A streamed answer comes in pieces, put together again as the playground does so that the",
          "// model's turn goes back as Run sends it: a piece of text continues the text before it",
          "// unless it carries a thought signature, and an empty one without a signature is left out",
          "// (Gemini refuses empty text).",
          "function addPart(parts, part) {",
          "  const last = parts.at(-1);",
          "  const continues =",
          '    typeof part.text === "string" &&',
          '    typeof last?.text === "string" &&',
          "    !last.thought === !part.thought &&",
          "    !part.thoughtSignature;",
          "  if (continues) last.text += part.text;",
          '  else if (part.text !== "" || part.thoughtSignature) parts.push(part);',
          "}",
        ]
      : []),
  ];
}

/**
 * The request in parts the loop sends again and again, the conversation growing by the model's
 * calls and their results; the first request is the one Run sends.
 */
export function callLoop(
  params: GenerateContentParameters,
  stream: boolean,
  expression: (value: unknown) => string | undefined,
): string[] {
  const { model, contents, config } = params;
  const literal = (name: string, value: unknown) => {
    const opening = `  const ${name} = `;
    return `${opening}${printLiteral(value, { syntax: "js", expression }, 2, opening.length)};`;
  };
  const args = `{ model, contents${config ? ", config" : ""} }`;
  return [
    `  const model = ${quoteString(model)};`,
    literal("contents", contents),
    ...(config ? [literal("config", config)] : []),
    `  // ${MAX_ROUNDS} rounds at most: a model may go on calling functions (with mode ANY it must).`,
    `  for (let round = 0; round < ${MAX_ROUNDS}; round++) {`,
    ...(stream
      ? [
          `    const response = await ai.models.generateContentStream(${args});`,
          "    const parts = [];",
          "    for await (const chunk of response) {",
          "      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {",
          "        if (part.text && !part.thought) process.stdout.write(part.text);",
          "        addPart(parts, part);",
          "      }",
          "    }",
          "    const calls = parts.filter((part) => part.functionCall).map((part) => part.functionCall);",
          "    if (!calls.length) return;",
          "    // The model's turn goes back with its thought signatures, then the calls' results.",
          '    contents.push({ role: "model", parts }, functionResponses(calls));',
        ]
      : [
          `    const response = await ai.models.generateContent(${args});`,
          "    if (!response.functionCalls?.length) {",
          "      console.log(response.text);",
          "      return;",
          "    }",
          "    // The model's turn goes back exactly as it came (its thought signatures with it), then",
          "    // the calls' results.",
          "    contents.push(response.candidates[0].content, functionResponses(response.functionCalls));",
        ]),
    "  }",
    `  console.log("The model was still calling functions after ${MAX_ROUNDS} rounds.");`,
  ];
}
