import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import { type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import * as cases from "./codegen-cases";
import { expectSameRequests, type SentRequest, setupCodegenHarness } from "./codegen-harness";
import { testPng, wavTone } from "./emulator-fixture";

/**
 * The Interactions tab, run with node and the SDK's `ai.interactions.create`: the program sends
 * the very request Run sends through the Interactions API (the app's own producer and client,
 * against the same recording proxy), with its files inline or uploaded through the Files API.
 * Run always streams; the unary code sends the same body without `stream`.
 */
const INLINE_BYTES = 64 * 1024;
const harness = setupCodegenHarness({ inlineBytes: INLINE_BYTES });

function interactions(doc: PromptDocInput, stream: boolean) {
  const parsed = parsePromptDoc(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return generateCode(parsed.value, "interactions", { stream, inlineBytes: INLINE_BYTES });
}

function unary(runs: SentRequest[]): SentRequest[] {
  return runs.map((run) => {
    const { stream: _, ...body } = run.body as Record<string, unknown>;
    return { ...run, body };
  });
}

async function expectSameAsRun(doc: PromptDocInput, files: Record<string, string> = {}) {
  const runs = await harness.runSends(doc);
  expect(runs.map((r) => r.path)).toEqual(["/v1beta/interactions"]);
  const streamed = await harness.codeSends(interactions(doc, true), "node", files);
  expectSameRequests(streamed.sent, runs);
  const whole = await harness.codeSends(interactions(doc, false), "node", files);
  expectSameRequests(whole.sent, unary(runs));
  return { runs, streamed, whole };
}

describe("the Interactions code sends what Run sends", () => {
  it.each([
    ["a plain prompt", cases.through("interactions", cases.plain)],
    [
      "text full of quotes, dollars and backslashes",
      cases.through("interactions", cases.awkwardText),
    ],
    ["every setting it carries and built-in tools", cases.interactionSettings],
    [
      "a signed conversation with thoughts",
      cases.through("interactions", {
        ...cases.everySetting,
        config: { temperature: 0.2 },
        tools: {},
      }),
    ],
    ["structured output with a schema", cases.through("interactions", cases.structured)],
    [
      "functions on auto with a call and its result",
      cases.through("interactions", cases.functionCallAuto),
    ],
  ])("%s, streamed and not", async (_, doc) => {
    const { streamed, whole } = await expectSameAsRun(doc);
    expect(streamed.output.length).toBeGreaterThan(0);
    expect(whole.output.length).toBeGreaterThan(0);
  });

  it("runs in the background as Run in background does: created stored, then read", async () => {
    const doc = cases.through("interactions", cases.plain);
    const runs = await harness.runSends(doc);
    // Run in background sends the same body, stored and in the background, never streamed.
    const created = unary(runs).map((run) => ({
      ...run,
      body: { ...(run.body as object), store: true, background: true },
    }));
    const background = { ...doc, config: { ...doc.config, background: true } };
    for (const stream of [true, false]) {
      const { sent, output } = await harness.codeSends(interactions(background, stream), "node");
      expectSameRequests(sent, created);
      expect(output.length).toBeGreaterThan(0);
    }
  });

  it("reads a small picture inline and uploads a large sound through the Files API", async () => {
    const png = await harness.attach(await testPng(8, 8, 7), "image/png", "small.png");
    const wav = await harness.attach(wavTone(2), "audio/wav", "speech.wav");
    const doc = cases.through("interactions", cases.withFiles([png, wav]));
    expect(interactions(doc, true).code).toContain('await uploadFile("speech.wav", "audio/wav")');
    const { streamed } = await expectSameAsRun(doc, {
      [png.sha256]: "small.png",
      [wav.sha256]: "speech.wav",
    });
    expect(streamed.sent[0]?.body).toMatchObject({
      input: [
        {
          type: "user_input",
          content: [
            { type: "image", mime_type: "image/png", data: expect.stringMatching(/^iVBOR/) },
            { type: "audio", uri: `uploaded file with sha256 ${wav.sha256}` },
            { type: "text", text: "Describe these." },
          ],
        },
      ],
    });
  });

  it("says what the Interactions API cannot carry", () => {
    const doc = cases.through("interactions", {
      ...cases.plain,
      config: { presencePenalty: 0.5, topK: 3 },
    });
    expect(interactions(doc, true).notes).toContain(
      "Interactions API has no place for: Top K; Presence penalty. This code leaves them out (Run refuses the prompt through it).",
    );
  });
});
