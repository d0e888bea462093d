import type { Content } from "@google/genai";
import { describe, expect, it } from "vitest";
import { STUB_RESULT } from "@/lib/codegen/function-stubs";
import { generateCode } from "@/lib/codegen/generate";
import { createEmulator } from "@/lib/emulator";
import { type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import { foldRunActions, initialRunState } from "@/lib/run/reducer";
import { functionResponseTurn, pendingFunctionCalls } from "@/lib/run/turns";
import * as cases from "./codegen-cases";
import {
  API_KEY,
  expectSameRequests,
  type SentRequest,
  setupCodegenHarness,
} from "./codegen-harness";
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
  it.each(cases.geminiApiCases)("%s, streamed and not", async (_, doc) => {
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

/**
 * What a person has in the playground after answering the model's calls with the stand-in's
 * result: the model's answer to Run's request as Run keeps it (its own reducer folds the answer,
 * streamed or not, into the turn's parts), then one function response per call. The emulator
 * answers equal requests alike, so this one, in process, answers as the harness's does.
 */
async function answeredInPlayground(doc: PromptDocInput, request: SentRequest) {
  const emulator = createEmulator();
  const response = await emulator(
    new Request(`http://emulator.invalid${request.path}`, {
      method: "POST",
      headers: { "x-goog-api-key": API_KEY, "content-type": "application/json" },
      body: JSON.stringify(request.body),
    }),
  );
  expect(response.ok).toBe(true);
  const text = await response.text();
  const chunks = request.path.includes(":streamGenerateContent")
    ? text
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => JSON.parse(line.slice("data: ".length)))
    : [JSON.parse(text)];
  const answer = foldRunActions(
    initialRunState(),
    chunks.map((data) => ({ type: "chunk" as const, data })),
  );
  const model = { role: "model" as const, parts: answer.parts };
  const calls = pendingFunctionCalls([model]);
  const results = functionResponseTurn(
    calls,
    calls.map(() => ({ ...STUB_RESULT })),
  );
  return { doc: { ...doc, contents: [...doc.contents, model, results] }, calls: calls.length };
}

describe("the JavaScript code answers the model's function calls as a person does in the playground", () => {
  it.each([
    ["a call Gemini 3 signs", cases.functionLoop, 1],
    ["two calls at once after a streamed thought summary", cases.parallelCalls, 2],
    [
      "a call to a function with names JavaScript cannot bind as they are",
      cases.awkwardFunctions,
      1,
    ],
  ])("%s, streamed and not", async (_, doc, expectedCalls) => {
    for (const stream of [true, false]) {
      const runs = await harness.runSends(doc, stream);
      const [first] = runs;
      if (!first) throw new Error("Run sent nothing");
      const answered = await answeredInPlayground(doc, first);
      expect(answered.calls).toBe(expectedCalls);
      const code = await harness.codeSends(javascript(doc, stream), "node");
      // The first request is Run's; the second is Run's for the answered conversation.
      expectSameRequests(code.sent, [...runs, ...(await harness.runSends(answered.doc, stream))]);

      const second = code.sent[1]?.body as { contents: Content[] } | undefined;
      const [modelTurn, resultTurn] = second?.contents.slice(-2) ?? [];
      const callParts = modelTurn?.parts?.filter((part) => part.functionCall) ?? [];
      expect(callParts).toHaveLength(expectedCalls);
      expect(callParts[0]?.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(resultTurn).toEqual({
        role: "user",
        parts: callParts.map((part) => ({
          functionResponse: { name: part.functionCall?.name, response: STUB_RESULT },
        })),
      });
      // The model's last answer quotes each result, and the code prints it.
      expect(code.output).toContain('returned `{"result":"…"}`');
    }
  });
});
