import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import { planMedia } from "@/lib/codegen/media-files";
import { toRestBody } from "@/lib/codegen/rest-body";
import { type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import { toGenerateContentParameters } from "@/lib/wire/request";
import * as cases from "./codegen-cases";
import { expectSameRequests, setupCodegenHarness } from "./codegen-harness";
import { testPng, wavTone } from "./emulator-fixture";

/**
 * The REST tab, run with bash and curl: the script Get code prints sends the very request Run
 * sends, streamed or not, with its files base64-encoded into the body or uploaded first; and the
 * REST body it is printed from is, field for field, the JSON the SDK puts on the wire.
 */
const INLINE_BYTES = 64 * 1024;
const harness = setupCodegenHarness({ inlineBytes: INLINE_BYTES });

function parse(doc: PromptDocInput) {
  const parsed = parsePromptDoc(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

function rest(doc: PromptDocInput, stream: boolean) {
  return generateCode(parse(doc), "rest", { stream, inlineBytes: INLINE_BYTES });
}

async function expectSameAsRun(doc: PromptDocInput, stream: boolean, files = {}) {
  const runs = await harness.runSends(doc, stream);
  const code = await harness.codeSends(rest(doc, stream), "bash", files);
  expectSameRequests(code.sent, runs);
  return code;
}

const documents = cases.geminiApiCases;

describe("the REST body", () => {
  it.each(documents)("of %s is the JSON the SDK sends", async (_, doc) => {
    const [run] = await harness.runSends(doc, false);
    const params = toGenerateContentParameters(parse(doc), planMedia(parse(doc)).lookup);
    expect(run?.body).toEqual(toRestBody(params));
  });
});

describe("the curl script sends what Run sends", () => {
  it.each(documents)("%s, streamed and not", async (_, doc) => {
    const streamed = await expectSameAsRun(doc, true);
    expect(streamed.output).toMatch(/^data: \{/m);
    await expectSameAsRun(doc, false);
  });

  it("base64-encodes a small picture into the body as it sends it", async () => {
    const png = await harness.attach(await testPng(16, 12), "image/png", "it's a photo.png");
    const doc = cases.withFiles([png], 'What is $this? `x` \\ "y"');
    const code = await expectSameAsRun(doc, true, { [png.sha256]: "it's a photo.png" });
    expect(code.sent[0]?.body).toMatchObject({
      contents: [{ parts: [{ inlineData: { mimeType: "image/png" } }, {}] }],
    });
  });

  it("uploads a large file with the resumable protocol and waits until it is processed", async () => {
    const png = await harness.attach(await testPng(8, 8, 7), "image/png", "small.png");
    const wav = await harness.attach(wavTone(2), "audio/wav", "speech.wav");
    const doc = cases.withFiles([png, wav]);
    const generated = rest(doc, false);
    expect(generated.code).toContain('AUDIO1_URI=$(upload_file "$AUDIO1" audio/wav)');
    expect(generated.notes).toContain("The upload needs jq.");
    const runs = await harness.runSends(doc, false);
    const code = await harness.codeSends(generated, "bash", {
      [png.sha256]: "small.png",
      [wav.sha256]: "speech.wav",
    });
    expectSameRequests(code.sent, runs);
    expect(JSON.stringify(code.sent[0]?.body)).toContain(`uploaded file with sha256 ${wav.sha256}`);
  });

  it("calls Imagen's predict as Run does", async () => {
    const runs = await harness.runSends(cases.imagen);
    const code = await harness.codeSends(rest(cases.imagen, false), "bash");
    expectSameRequests(code.sent, runs);
    expect(code.output).toContain('"predictions"');
  });
});
