import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { type GenerateOptions, generateCode } from "@/lib/codegen/generate";
import { CODE_TARGETS, type CodeTarget, codeTarget } from "@/lib/codegen/targets";
import { type PromptDoc, type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import { API_LABELS } from "@/lib/wire/api";

/**
 * What a target cannot say, or the request does not carry, is said: in `notes`, and as comments
 * at the top of the code, in the order of the notes. The key is never in the code.
 */
function doc(input: Partial<PromptDocInput>): PromptDoc {
  const parsed = parsePromptDoc({
    model: "gemini-2.5-flash",
    contents: [{ role: "user", parts: [{ kind: "text", text: "Hello" }] }],
    ...input,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const bash = (script: string) => execFileSync("bash", ["-c", script], { encoding: "utf8" });

const READY = CODE_TARGETS.map((t) => t.id);

function notesOf(input: Partial<PromptDocInput>, target: CodeTarget = "javascript", stream = true) {
  return generateCode(doc(input), target, { stream }).notes;
}

describe("notes on what the request does not carry", () => {
  it("are empty for a plain prompt, but for the door another tab calls", () => {
    for (const target of READY) {
      const { api } = codeTarget(target);
      const door =
        api === "gemini"
          ? []
          : [
              `The playground runs this prompt through Gemini API; this code calls the ${API_LABELS[api]}.`,
            ];
      expect(generateCode(doc({}), target, { stream: false }).notes).toEqual(door);
      expect(generateCode(doc({ config: { api } }), target, { stream: false }).notes).toEqual([]);
    }
  });

  it("name another door the playground runs the prompt through", () => {
    expect(notesOf({ config: { api: "interactions" } })).toEqual([
      "The playground runs this prompt through Interactions API; this code calls the Gemini API.",
    ]);
  });

  it("name settings the Gemini API request has no place for", () => {
    expect(notesOf({ config: { background: true, numberOfImages: 2 } })).toEqual([
      "Run in background (true) is not sent: only the Interactions API runs a prompt in the background.",
      "Pictures per run (2) applies to Imagen models only and is not sent.",
    ]);
  });

  it("say an agent runs only through the Interactions API", () => {
    const research = doc({
      model: "deep-research-preview-04-2026",
      config: { api: "interactions", background: true },
    });
    expect(generateCode(research, "go", { stream: true }).notes).toContain(
      "deep-research-preview-04-2026 is an agent: only the Interactions API runs it, so the Gemini API refuses this request. See the Interactions tab.",
    );
    const { code, notes } = generateCode(research, "interactions", { stream: true });
    expect(notes).toEqual([]);
    expect(code).toContain('agent: "deep-research-preview-04-2026"');
  });

  it("send Run in background through the Interactions API alone, as Run does", () => {
    const background = doc({ config: { api: "interactions", background: true } });
    const { code, notes } = generateCode(background, "interactions", { stream: true });
    expect(notes).toEqual([]);
    expect(code).toContain("background: true");
    expect(code).toContain("store: true");
    expect(code).toContain("await ai.interactions.get(created.id, { stream: true })");
    const waiting = generateCode(background, "interactions", { stream: false }).code;
    expect(waiting).toContain('while (interaction.status === "in_progress")');
    expect(generateCode(background, "openai-python", { stream: true }).notes).toContain(
      "Run in background (true) is not sent: only the Interactions API runs a prompt in the background.",
    );
  });

  it("name function-calling settings that are sent only with declared functions and ANY", () => {
    expect(
      notesOf({ tools: { functionCallingMode: "AUTO", allowedFunctionNames: ["f"] } }),
    ).toEqual([
      "Function calling mode AUTO is not sent: the prompt declares no functions.",
      "Allowed function names (f) are sent only with function calling mode ANY and declared functions.",
    ]);
    const declared = { functionDeclarations: [{ name: "f" }], functionCallingMode: "ANY" as const };
    expect(notesOf({ tools: { ...declared, allowedFunctionNames: ["f"] } })).toEqual([]);
  });

  it("say a speech model is asked for audio whatever the output setting says", () => {
    expect(
      notesOf({ model: "gemini-2.5-flash-preview-tts", config: { responseModalities: ["TEXT"] } }),
    ).toContain("Speech models answer only in audio: the request asks for AUDIO, not TEXT.");
  });

  it("say pictures and speech in the answer are not saved", () => {
    expect(notesOf({ config: { responseModalities: ["TEXT", "IMAGE"] } })).toEqual([
      "The answer's pictures and speech come as base64 inlineData parts: this code prints only its text.",
    ]);
  });

  it("list what Imagen does not read", () => {
    const notes = notesOf({
      model: "imagen-4.0-generate-001",
      systemInstruction: "Be bold",
      contents: [
        { role: "user", parts: [{ kind: "text", text: "A cat" }] },
        { role: "model", parts: [{ kind: "text", text: "Sure" }] },
        { role: "user", parts: [{ kind: "text", text: "A dog" }] },
      ],
      config: { temperature: 0.5, numberOfImages: 2 },
      tools: { googleSearch: true },
    });
    expect(notes).toEqual([
      "Imagen models take only the text of the last user turn, the number of pictures and the aspect ratio; not sent: the system instructions; the earlier turns; Temperature (0.5); the tool setting googleSearch.",
      "Imagen answers with all its pictures at once: there is no streaming.",
    ]);
  });

  it("say Apps Script cannot stream, only when streaming was asked for", () => {
    expect(notesOf({}, "apps-script", true)).toEqual([
      "Apps Script cannot read a response as it streams: this code calls generateContent and gets the whole answer at once.",
    ]);
    expect(notesOf({}, "apps-script", false)).toEqual([]);
  });
});

describe("notes on files", () => {
  const sha = (c: string) => c.repeat(64);
  const media = (c: string, name: string, bytes?: number) => ({
    kind: "media" as const,
    sha256: sha(c),
    mimeType: "image/png",
    name,
    ...(bytes !== undefined && { bytes }),
  });
  const withFiles = (parts: ReturnType<typeof media>[]) =>
    doc({ contents: [{ role: "user", parts: [...parts, { kind: "text", text: "Hi" }] }] });
  const options: GenerateOptions = { stream: false, inlineBytes: 1000 };

  it("say where files are read and which go through the Files API", () => {
    const files = withFiles([media("a", "a.png", 10), media("b", "b.png", 5000)]);
    expect(generateCode(files, "javascript", options).notes).toEqual([
      "Reads a.png, b.png from the folder it runs in.",
      "b.png (5 KiB) goes through the Files API, as Run sends files over 1 KiB.",
    ]);
    expect(generateCode(files, "rest", options).notes).toContain("The upload needs jq.");
    expect(generateCode(files, "apps-script", options).notes[0]).toBe(
      "Reads a.png, b.png from Google Drive: put each file's id in place of its DRIVE_FILE_ID.",
    );
  });

  it("say a file of unknown size is sent inline", () => {
    const notes = generateCode(withFiles([media("a", "a.png")]), "javascript", options).notes;
    expect(notes).toContain(
      "The size of a.png is not known: it is sent inline, as a small file is.",
    );
  });
});

describe("the code", () => {
  const noted = doc({ title: "Trip planner", config: { background: true, numberOfImages: 2 } });

  it.each(READY)("%s starts with the title and the notes as comments", (target) => {
    const { code, notes, language } = generateCode(noted, target, { stream: false });
    const marker =
      language === "javascript" || language === "go" || language === "java" || language === "csharp"
        ? "//"
        : "#";
    const comments = code
      .split("\n")
      .filter((line) => line.startsWith(marker) && !line.startsWith("#!"))
      .map((line) => line.slice(marker.length).trim());
    const text = comments.join(" ").replace(/\s+/g, " ");
    let at = text.indexOf("Trip planner");
    expect(at).toBe(0);
    for (const note of notes) {
      const found = text.indexOf(note, at);
      expect(found, note).toBeGreaterThan(at);
      at = found;
    }
  });

  it.each(READY)("%s takes the key from where Google's docs keep it, never inline", (target) => {
    const { code } = generateCode(noted, target, { stream: true });
    expect(code).toContain("GEMINI_API_KEY");
    expect(code).not.toMatch(/apiKey: "/);
  });

  it.each(READY)("%s keeps a title or file name from breaking out of its comment", (target) => {
    const hostile = "x\nevil();\r\u2028evil();\u2029evil();";
    const withName = doc({
      title: hostile,
      contents: [
        {
          role: "user",
          parts: [
            { kind: "media", sha256: "d".repeat(64), mimeType: "image/png", name: hostile },
            { kind: "text", text: "Hi" },
          ],
        },
      ],
    });
    const { code, language } = generateCode(withName, target, { stream: false });
    const shell = language === "bash";
    if (shell) {
      // A shell word may hold line breaks: bash reads the file's variable back whole.
      const assignments = code.slice(0, code.indexOf("\ncurl "));
      expect(bash(`${assignments}\nprintf %s "$IMAGE1"`)).toBe(hostile);
    }
    const lines = (shell ? code.replace(/'[^']*'/g, "''") : code).split(/\r\n|[\n\r\u2028\u2029]/);
    expect(lines.filter((line) => line.trimStart().startsWith("evil();"))).toEqual([]);
  });
});

describe("the targets", () => {
  it("are the tabs of Get code, in order", () => {
    expect(CODE_TARGETS.map((t) => t.label)).toEqual([
      "Python",
      "JavaScript",
      "Go",
      "Java",
      "C#",
      "REST",
      "Apps Script",
      "OpenAI (Python)",
      "OpenAI (JavaScript)",
      "OpenAI (REST)",
      "Interactions",
    ]);
    expect(READY).toEqual([
      "python",
      "javascript",
      "go",
      "java",
      "csharp",
      "rest",
      "apps-script",
      "openai-python",
      "openai-javascript",
      "openai-rest",
      "interactions",
    ]);
  });

  it("name the file for the highlighter and the download", () => {
    const result = generateCode(doc({ title: "  Ünïcode & Friends! " }), "rest", { stream: true });
    expect(result).toMatchObject({ fileName: "unicode-friends.sh", language: "bash" });
    expect(generateCode(doc({}), "javascript", { stream: true })).toMatchObject({
      fileName: "prompt.mjs",
      language: "javascript",
    });
  });
});

describe("notes of the other doors", () => {
  it("name what the door has no place for, and the thoughts and signatures it leaves out", () => {
    const signed = doc({
      config: { api: "openai", topK: 4 },
      contents: [
        { role: "user", parts: [{ kind: "text", text: "Hi", thoughtSignature: "sig-u" }] },
        {
          role: "model",
          parts: [
            { kind: "thought", text: "Pondering", thoughtSignature: "sig-t" },
            { kind: "text", text: "Hello", thoughtSignature: "sig-a" },
          ],
        },
        { role: "user", parts: [{ kind: "text", text: "Again" }] },
      ],
    });
    expect(generateCode(signed, "openai-javascript", { stream: true }).notes).toEqual([
      "OpenAI compatibility has no place for: Top K. This code leaves them out (Run refuses the prompt through it).",
      "OpenAI compatibility has no place for the thoughts in the model's turns: their text is not sent.",
      "OpenAI compatibility has no place for 2 thought signatures of this conversation: not sent.",
    ]);
    // The Interactions API keeps a thought's signature, not a user part's or an answer's.
    expect(generateCode(signed, "interactions", { stream: true }).notes).toEqual([
      "The playground runs this prompt through OpenAI compatibility; this code calls the Interactions API.",
      "Interactions API has no place for: Top K. This code leaves them out (Run refuses the prompt through it).",
      "Interactions API has no place for 2 thought signatures of this conversation: not sent.",
    ]);
  });

  it("say OpenAI compatibility takes a large file inline, where Run refuses it", () => {
    const large = doc({
      config: { api: "openai" },
      contents: [
        {
          role: "user",
          parts: [
            {
              kind: "media",
              sha256: "e".repeat(64),
              mimeType: "image/png",
              name: "big.png",
              bytes: 5000,
            },
            { kind: "text", text: "Hi" },
          ],
        },
      ],
    });
    const { notes, code } = generateCode(large, "openai-python", {
      stream: false,
      inlineBytes: 1000,
    });
    expect(notes).toEqual([
      "Reads big.png from the folder it runs in.",
      "big.png (5 KiB) is sent inline: OpenAI compatibility has no Files API, and Run refuses files over 1 KiB through it.",
    ]);
    expect(code).toContain(
      'image1 = base64.b64encode(pathlib.Path("big.png").read_bytes()).decode()',
    );
    expect(code).toContain('"data:image/png;base64," + image1');
  });
});
