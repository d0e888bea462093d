import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import { type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import * as cases from "./codegen-cases";
import { expectSameRequests, setupCodegenHarness } from "./codegen-harness";
import { testPng, wavTone } from "./emulator-fixture";

/**
 * The Apps Script tab, run in Node with its services standing in (codegen-apps-script-runner.cjs:
 * UrlFetchApp makes real, blocking HTTP requests): the script sends the very request Run sends
 * through generateContent, Apps Script's only way, with files from "Drive" inline or uploaded.
 */
const INLINE_BYTES = 64 * 1024;
const harness = setupCodegenHarness({ inlineBytes: INLINE_BYTES });

function appsScript(doc: PromptDocInput, stream = false) {
  const parsed = parsePromptDoc(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return generateCode(parsed.value, "apps-script", { stream, inlineBytes: INLINE_BYTES });
}

async function expectSameAsRun(doc: PromptDocInput, files = {}) {
  const runs = await harness.runSends(doc, false);
  const code = await harness.codeSends(appsScript(doc), "apps-script", files);
  expectSameRequests(code.sent, runs);
  return code;
}

describe("the Apps Script code sends what Run sends", () => {
  it.each(cases.geminiApiCases)("%s", async (_, doc) => {
    const code = await expectSameAsRun(doc);
    expect(code.output.length).toBeGreaterThan(0);
  });

  it("asked to stream, calls generateContent and says why", async () => {
    const generated = appsScript(cases.plain, true);
    expect(generated.code).toContain(":generateContent");
    expect(generated.notes.join(" ")).toMatch(/Apps Script cannot read a response as it streams/);
    expect(generated.code).toContain("// Apps Script cannot read a response as it streams");
  });

  it("reads a small picture from Drive and sends it inline", async () => {
    const png = await harness.attach(await testPng(16, 12), "image/png", "photo.png");
    const doc = cases.withFiles([png]);
    expect(appsScript(doc).code).toContain('DriveApp.getFileById("DRIVE_FILE_ID_1").getBlob()');
    const code = await expectSameAsRun(doc, { [png.sha256]: "photo.png" });
    expect(code.sent[0]?.body).toMatchObject({
      contents: [
        { parts: [{ inlineData: { mimeType: "image/png" } }, { text: "Describe these." }] },
      ],
    });
  });

  it("uploads a large Drive file through the Files API and waits until it is processed", async () => {
    const png = await harness.attach(await testPng(8, 8, 7), "image/png", "small.png");
    const wav = await harness.attach(wavTone(2), "audio/wav", "speech.wav");
    const doc = cases.withFiles([png, wav]);
    const code = await expectSameAsRun(doc, {
      [png.sha256]: "small.png",
      [wav.sha256]: "speech.wav",
    });
    expect(JSON.stringify(code.sent[0]?.body)).toContain(`uploaded file with sha256 ${wav.sha256}`);
  });

  it("calls Imagen's predict as Run does", async () => {
    const runs = await harness.runSends(cases.imagen);
    const code = await harness.codeSends(appsScript(cases.imagen), "apps-script");
    expectSameRequests(code.sent, runs);
  });
});
