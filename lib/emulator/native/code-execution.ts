/**
 * The code execution tool, offline: the "model" writes a small Python program about the prompt
 * (count its words and characters, add up its numbers), the emulator computes what CPython would
 * print, and the answer explains the result. `codefail=1` makes the program raise, giving
 * OUTCOME_FAILED with a traceback. Gemini 3 tags both parts with a shared `id`, as it does live.
 */
import { fnv1a } from "@/lib/emulator/hash";
import { excerpt } from "@/lib/emulator/text";
import type { WirePart } from "@/lib/emulator/types";

export interface CodePlan {
  executable: WirePart;
  result: WirePart;
  /** Markdown explaining the output, placed before the usual echo. */
  explanation: string;
  toolUseTokens: number;
}

/** Eight lowercase letters and digits, like the ids Gemini 3 gives code parts. */
function codeId(seed: string): string {
  let id = "";
  for (let i = 0; id.length < 8; i++) id += fnv1a(`${seed}/${i}`).toString(36).slice(0, 4);
  return id.slice(0, 8);
}

export function planCode(
  userText: string,
  fail: boolean,
  withIds: boolean,
  seed: string,
): CodePlan {
  const prompt = excerpt(userText, 120);
  const words = prompt.split(" ").filter((word) => word !== "").length;
  // Python's len() counts code points; JSON string syntax is also valid Python string syntax.
  const characters = Array.from(prompt).length;
  const sum = (prompt.match(/[0-9]+/g) ?? []).reduce((total, n) => total + BigInt(n), 0n);
  const lines = [
    "import re",
    "",
    `prompt = ${JSON.stringify(prompt)}`,
    "words = prompt.split()",
    'numbers = [int(n) for n in re.findall(r"[0-9]+", prompt)]',
    'print(f"words: {len(words)}")',
    'print(f"characters: {len(prompt)}")',
    'print(f"sum of numbers: {sum(numbers)}")',
  ];
  if (fail) lines.push('print(f"average: {len(prompt) / (len(words) - len(words))}")');
  const code = `${lines.join("\n")}\n`;
  let output = `words: ${words}\ncharacters: ${characters}\nsum of numbers: ${sum}\n`;
  if (fail) {
    output += `Traceback (most recent call last):\n  File "<string>", line ${lines.length}, in <module>\nZeroDivisionError: division by zero\n`;
  }
  const id = withIds ? codeId(seed) : undefined;
  const executable: WirePart = { executableCode: { language: "PYTHON", code, ...(id && { id }) } };
  const result: WirePart = {
    codeExecutionResult: {
      outcome: fail ? "OUTCOME_FAILED" : "OUTCOME_OK",
      output,
      ...(id && { id }),
    },
  };
  const explanation = fail
    ? `The code stopped with a \`ZeroDivisionError\` on line ${lines.length}: it divided by the difference of two equal counts. What it printed before that still holds: **${words} words** and **${characters} characters**.`
    : `The code ran in the sandbox and counted **${words} words** and **${characters} characters** in your message; the numbers in it add up to **${sum}**.`;
  return {
    executable,
    result,
    explanation,
    toolUseTokens: 180 + Math.ceil((code.length + output.length) / 4),
  };
}
