import { bindableName, type DeclaredFunction, MAX_ROUNDS, STUB_RESULT } from "./function-stubs";
import { commentLines } from "./literals";
import { PythonSource, pythonCall, pythonValue } from "./python-source";

/**
 * The Python tab's declared functions: a function per declaration, and the loop that answers the
 * model's calls with them, as Google's function calling docs write the manual loop for
 * `google-genai` (the model's content appended as it came, then the results).
 */

/**
 * The stand-ins and the helpers the loop calls, before the request. `taken` holds the names the
 * program binds besides (its files' variables), which no stand-in may take.
 */
export function functionDefinitions(
  functions: DeclaredFunction[],
  taken: ReadonlySet<string>,
  stream: boolean,
): string[] {
  const names = new Set([...PROGRAM_NAMES, ...taken]);
  return [...functionStubs(functions, names), ...loopHelpers(stream)];
}

/** What the program binds or calls besides the stand-ins, which must not take these names. */
const PROGRAM_NAMES = [
  ..."base64 pathlib time genai types client upload_file contents config response stream chunk part parts calls call FUNCTIONS function_responses add_part print range _".split(
    " ",
  ),
];

/** Python's keywords, which no function or argument may be named. */
const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/**
 * One function per declaration, under its own name where Python can bind it (a `.`, `:` or `-`
 * becomes `_`), taking its arguments by name, the optional ones `None` when the model leaves them
 * out; `FUNCTIONS` finds each by the name the model calls.
 */
function functionStubs(functions: DeclaredFunction[], taken: Set<string>): string[] {
  const defs = functions.map((f) => ({ f, local: bindableName(f.name, /\W/g, KEYWORDS, taken) }));
  const table = pythonValue(
    Object.fromEntries(defs.map(({ f, local }) => [f.name, new PythonSource(local)])),
    0,
    "FUNCTIONS = ".length,
  );
  return [
    "# The functions the prompt declares, each returning a stand-in result.",
    ...defs.flatMap(({ f, local }, i) => [
      ...(i ? ["", ""] : []),
      `def ${local}(${pythonParameters(f)}):`,
      ...commentLines(f.description ? [f.description] : [], "    #"),
      "    # TODO: your code here; the model reads what this returns as the function's result.",
      `    return ${pythonValue(STUB_RESULT, 4, 11)}`,
    ]),
    "",
    "",
    "# The functions by the names the model calls them.",
    `FUNCTIONS = ${table}`,
    "",
    "",
  ];
}

/** The arguments Python can name, then the rest (names it cannot bind) as `**args`. */
function pythonParameters(f: DeclaredFunction): string {
  const named = f.parameters.filter((p) => /^[A-Za-z_]\w*$/.test(p.name) && !KEYWORDS.has(p.name));
  const rest = f.open || named.length < f.parameters.length;
  const names = new Set(named.map((p) => p.name));
  return [
    ...named.map((p) => (p.required ? p.name : `${p.name}=None`)),
    ...(rest ? [`**${bindableName("args", /\W/g, KEYWORDS, names)}`] : []),
  ].join(", ");
}

function loopHelpers(stream: boolean): string[] {
  return [
    "def function_responses(calls):",
    "    # The user turn that answers the model's calls: each call's result under its name (and",
    "    # its id, when it has one), in the order the calls came. Part.from_function_response",
    "    # takes no id.",
    "    return types.Content(",
    '        role="user",',
    "        parts=[",
    "            types.Part(",
    "                function_response=types.FunctionResponse(",
    "                    id=call.id,",
    "                    name=call.name,",
    "                    response=FUNCTIONS[call.name](**(call.args or {})),",
    "                )",
    "            )",
    "            for call in calls",
    "        ],",
    "    )",
    "",
    "",
    ...(stream
      ? [
          "def add_part(parts, part):",
          "    # A streamed answer comes in pieces, put together again as the playground does so",
          "    # that the model's turn goes back as Run sends it: a piece of text continues the text",
          "    # before it unless it carries a thought signature, and an empty one without a",
          "    # signature is left out (Gemini refuses empty text).",
          "    last = parts[-1] if parts else None",
          "    if (",
          "        part.text is not None",
          "        and last is not None",
          "        and last.text is not None",
          "        and bool(last.thought) == bool(part.thought)",
          "        and not part.thought_signature",
          "    ):",
          "        last.text += part.text",
          '    elif part.text != "" or part.thought_signature:',
          "        parts.append(part)",
          "",
          "",
        ]
      : []),
  ];
}

/**
 * The request in parts the loop sends again and again, the conversation growing by the model's
 * calls and their results; the first request is the one Run sends.
 *
 * The loop is the program's own rather than the SDK's automatic function calling: that takes
 * Python functions in `tools` and declares them from their signatures and docstrings, so it
 * would send its own declarations instead of the prompt's (and answer the calls its own way),
 * not the request Run sends.
 */
export function callLoop(
  method: string,
  model: string,
  contents: unknown,
  config: PythonSource | undefined,
  stream: boolean,
  expression: (value: unknown) => string | undefined,
): string[] {
  const call = pythonCall(
    method,
    [
      ["model", model],
      ["contents", new PythonSource("contents")],
      ["config", config && new PythonSource("config")],
    ],
    4,
  );
  return [
    `contents = ${pythonValue(contents, 0, "contents = ".length, expression)}`,
    ...(config ? [`config = ${config.source}`] : []),
    "",
    "# The SDK's automatic function calling would declare the functions from their Python",
    "# signatures instead of sending the prompt's declarations: this loop answers the calls itself.",
    `# ${MAX_ROUNDS} rounds at most: a model may go on calling functions (with mode ANY it must).`,
    `for _ in range(${MAX_ROUNDS}):`,
    ...(stream
      ? [
          `    stream = ${call}`,
          "    parts = []",
          "    for chunk in stream:",
          "        if not chunk.candidates or not chunk.candidates[0].content:",
          "            continue",
          "        for part in chunk.candidates[0].content.parts or []:",
          "            if part.text and not part.thought:",
          '                print(part.text, end="")',
          "            add_part(parts, part)",
          "    calls = [part.function_call for part in parts if part.function_call]",
          "    if not calls:",
          "        break",
          "    # The model's turn goes back with its thought signatures, then the calls' results.",
          '    contents.append(types.Content(role="model", parts=parts))',
          "    contents.append(function_responses(calls))",
        ]
      : [
          `    response = ${call}`,
          "    if not response.function_calls:",
          "        print(response.text)",
          "        break",
          "    # The model's turn goes back exactly as it came (its thought signatures with it), then",
          "    # the calls' results.",
          "    contents.append(response.candidates[0].content)",
          "    contents.append(function_responses(response.function_calls))",
        ]),
    "else:",
    `    print("The model was still calling functions after ${MAX_ROUNDS} rounds.")`,
  ];
}
