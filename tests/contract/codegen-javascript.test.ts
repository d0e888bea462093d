import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import { type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import * as cases from "./codegen-cases";
import { expectSameRequests, setupCodegenHarness } from "./codegen-harness";
import { testPng, wavTone } from "./emulator-fixture";

/**
 * The JavaScript tab, run with node: the program Get code prints sends the very request Run
 * sends, streamed or not, with its files inline or through the Files API.
 */
const harness = setupCodegenHarness({ inlineBytes: 64 * 1024 });

function javascript(doc: PromptDocInput, stream: boolean, files?: Record<string, string>) {
  const parsed = parsePromptDoc(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return generateCode(parsed.value, "javascript", { stream, files, inlineBytes: 64 * 1024 });
}

async function expectSameAsRun(doc: PromptDocInput, stream: boolean, files = {}) {
  const runs = await harness.runSends(doc, stream);
  const generated = javascript(doc, stream);
  const code = await harness.codeSends(generated, "node", files);
  expectSameRequests(code.sent, runs);
  return code;
}

describe("the JavaScript code sends what Run sends", () => {
  it.each([
    ["a plain prompt", cases.plain],
    ["text full of quotes, dollars and backslashes", cases.awkwardText],
    ["every setting, thought signatures and built-in tools", cases.everySetting],
    ["Gemini 3 with a thinking level and code execution", cases.gemini3],
    ["structured output with a schema", cases.structured],
    ["declared functions with a call and its result", cases.functionCall],
  ])("%s, streamed and not", async (_, doc) => {
    const streamed = await expectSameAsRun(doc, true);
    expect(streamed.output.length).toBeGreaterThan(0);
    await expectSameAsRun(doc, false);
  });

  it("reads a small picture from disk and sends it inline", async () => {
    const png = await harness.attach(await testPng(16, 12), "image/png", "photo.png");
    const code = await expectSameAsRun(cases.withFiles([png]), true, { [png.sha256]: "photo.png" });
    expect(code.sent[0]?.body).toMatchObject({
      contents: [
        { parts: [{ inlineData: { mimeType: "image/png" } }, { text: "Describe these." }] },
      ],
    });
  });

  it("uploads a large file through the Files API and waits until it is processed", async () => {
    const png = await harness.attach(await testPng(8, 8, 7), "image/png", "small.png");
    const wav = await harness.attach(wavTone(2), "audio/wav", "speech.wav");
    const doc = cases.withFiles([png, wav]);
    const generated = javascript(doc, true);
    expect(generated.code).toContain('await uploadFile("speech.wav", "audio/wav")');
    expect(generated.notes.join("\n")).toMatch(
      /speech\.wav \(\d+ KiB\) goes through the Files API/,
    );
    const runs = await harness.runSends(doc);
    const code = await harness.codeSends(generated, "node", {
      [png.sha256]: "small.png",
      [wav.sha256]: "speech.wav",
    });
    expectSameRequests(code.sent, runs);
    expect(JSON.stringify(code.sent[0]?.body)).toContain(`uploaded file with sha256 ${wav.sha256}`);
  });

  it("reads each file from the path it is given", async () => {
    const png = await harness.attach(await testPng(5, 5, 3), "image/png", "original.png");
    const doc = cases.withFiles([png]);
    const parsed = parsePromptDoc(doc);
    if (!parsed.ok) throw new Error("invalid");
    const generated = generateCode(parsed.value, "javascript", {
      stream: false,
      files: { [png.sha256]: "pictures/chosen.png" },
    });
    expect(generated.code).toContain('fs.readFileSync("pictures/chosen.png"');
    const runs = await harness.runSends(doc, false);
    const code = await harness.codeSends(generated, "node", {
      [png.sha256]: "pictures/chosen.png",
    });
    expectSameRequests(code.sent, runs);
  });

  it("calls Imagen's predict as Run does", async () => {
    const runs = await harness.runSends(cases.imagen);
    const code = await harness.codeSends(javascript(cases.imagen, false), "node");
    expectSameRequests(code.sent, runs);
    expect(code.output).toMatch(/image-1\.(png|jpg)/);
  });
});
