import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/codegen/generate";
import type { CodeTarget } from "@/lib/codegen/targets";
import { type PromptDocInput, parsePromptDoc } from "@/lib/prompt";
import * as cases from "./codegen-cases";
import { expectSameRequests, type SentRequest, setupCodegenHarness } from "./codegen-harness";
import { testPng, wavTone } from "./emulator-fixture";

/**
 * The OpenAI tabs, run for real: the JavaScript with node and the `openai` package, the curl
 * script with bash. Each sends the very request Run sends through OpenAI compatibility (the app's
 * own producer and `openai` client, against the same recording proxy): the same path, bearer key
 * and JSON body, `extra_body.google` and thought signatures included. Run always streams; the
 * unary code sends the same body without `stream` and `stream_options`.
 */
const INLINE_BYTES = 64 * 1024;
const harness = setupCodegenHarness({ inlineBytes: INLINE_BYTES });

function generate(doc: PromptDocInput, target: CodeTarget, stream: boolean) {
  const parsed = parsePromptDoc(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return generateCode(parsed.value, target, { stream, inlineBytes: INLINE_BYTES });
}

function unary(runs: SentRequest[]): SentRequest[] {
  return runs.map((run) => {
    const { stream: _, stream_options: __, ...body } = run.body as Record<string, unknown>;
    return { ...run, body };
  });
}

const TARGETS = [
  ["openai-javascript", "node"],
  ["openai-rest", "bash"],
] as const;

const documents = [
  ["a plain prompt", cases.through("openai", cases.plain)],
  ["text full of quotes, dollars and backslashes", cases.through("openai", cases.awkwardText)],
  ["every setting it carries, thought signatures and extra_body", cases.compatSettings],
  ["Gemini 3 with a thinking level as reasoning_effort", cases.compatLevel],
  ["structured output with a schema", cases.through("openai", cases.structured)],
  ["a forced function call and its result", cases.through("openai", cases.functionCall)],
  ["functions on auto", cases.through("openai", cases.functionCallAuto)],
] as const;

describe.each(TARGETS)("the %s code sends what Run sends", (target, runner) => {
  it.each(documents)("%s, streamed and not", async (_, doc) => {
    const runs = await harness.runSends(doc);
    expect(runs.map((r) => r.path)).toEqual(["/v1beta/openai/chat/completions"]);
    const streamed = await harness.codeSends(generate(doc, target, true), runner);
    expectSameRequests(streamed.sent, runs);
    expect(streamed.output.length).toBeGreaterThan(0);
    const whole = await harness.codeSends(generate(doc, target, false), runner);
    expectSameRequests(whole.sent, unary(runs));
    expect(whole.output.length).toBeGreaterThan(0);
  });

  it("reads a picture and a sound from disk and sends them inline", async () => {
    const png = await harness.attach(await testPng(16, 12), "image/png", "it's a photo.png");
    const wav = await harness.attach(wavTone(0.2), "audio/wav", "tone.wav");
    const doc = cases.through("openai", cases.withFiles([png, wav], 'What is $this? `x` \\ "y"'));
    const files = { [png.sha256]: "it's a photo.png", [wav.sha256]: "tone.wav" };
    const runs = await harness.runSends(doc);
    const code = await harness.codeSends(generate(doc, target, true), runner, files);
    expectSameRequests(code.sent, runs);
    expect(code.sent[0]?.body).toMatchObject({
      messages: [
        {
          role: "user",
          content: [
            {
              type: "image_url",
              image_url: { url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) },
            },
            { type: "input_audio", input_audio: { format: "wav" } },
            { type: "text" },
          ],
        },
      ],
    });
  });

  it("says what the endpoint cannot carry and leaves it out", async () => {
    const doc = cases.through("openai", {
      ...cases.plain,
      config: { topK: 12 },
      tools: { googleSearch: true },
    });
    const generated = generate(doc, target, true);
    expect(generated.notes).toContain(
      "OpenAI compatibility has no place for: Top K; Grounding with Google Search. This code leaves them out (Run refuses the prompt through it).",
    );
    const code = await harness.codeSends(generated, runner);
    const runs = await harness.runSends(cases.through("openai", cases.plain));
    expectSameRequests(code.sent, runs);
  });
});
