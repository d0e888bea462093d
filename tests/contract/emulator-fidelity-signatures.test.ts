/**
 * Gemini 3's thought-signature check on function calls, through @google/genai over HTTP:
 * https://ai.google.dev/gemini-api/docs/thought-signatures (current turn only, first call of each
 * step) and the 400 wording public reports quote.
 */
import type { Content, GenerateContentResponse, Part } from "@google/genai";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer } from "./emulator-fixture";

const { client } = setupEmulatorServer();

const tools = [
  {
    functionDeclarations: [
      {
        name: "get_weather",
        description: "Weather forecast for a city",
        parametersJsonSchema: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
        },
      },
      { name: "get_time", description: "Current time in a city" },
    ],
  },
];

const ask: Content = { role: "user", parts: [{ text: "Weather in Lisbon?" }] };
const answer = (...names: string[]): Content => ({
  role: "user",
  parts: names.map((name) => ({ functionResponse: { name, response: { ok: true } } })),
});

/** A model turn the emulator really produced, to send back as history. */
async function realCallTurn(model: string, text = "Weather in Lisbon?"): Promise<Content> {
  const response = await client().models.generateContent({
    model,
    contents: [{ role: "user", parts: [{ text }] }],
    config: { tools },
  });
  const content = response.candidates?.[0]?.content;
  if (!content) throw new Error("no model turn");
  return content;
}

const withoutSignatures = (content: Content): Content => ({
  role: "model",
  parts: (content.parts ?? []).map(({ thoughtSignature: _dropped, ...part }) => part),
});

const call = (name: string, thoughtSignature?: string): Part => ({
  functionCall: { name, args: { city: "Lisbon" } },
  ...(thoughtSignature !== undefined && { thoughtSignature }),
});

function continueWith(model: string, contents: Content[]) {
  return client()
    .models.generateContent({ model, contents, config: { tools } })
    .catch((error: unknown) => error);
}

describe("Gemini 3 thought signatures on function calls", () => {
  it("accepts the signed call it issued, sent back verbatim", async () => {
    const turn = await realCallTurn("gemini-3-flash-preview");
    expect(turn.parts?.[0]?.thoughtSignature).toBeTruthy();
    const next = await continueWith("gemini-3-flash-preview", [ask, turn, answer("get_weather")]);
    expect((next as { text?: string }).text).toContain("- Function response: get_weather");
  });

  it("refuses the current turn's call without its signature, naming the call and position", async () => {
    const turn = withoutSignatures(await realCallTurn("gemini-3-pro-preview"));
    const failure = await continueWith("gemini-3-pro-preview", [ask, turn, answer("get_weather")]);
    expect(errorBody(failure)).toEqual({
      error: {
        code: 400,
        message:
          "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call `default_api:get_weather` , position 2. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.",
        status: "INVALID_ARGUMENT",
      },
    });
  });

  it("refuses it on a streamed request too", async () => {
    const turn = withoutSignatures(await realCallTurn("gemini-3-flash-preview"));
    const failure = await client()
      .models.generateContentStream({
        model: "gemini-3-flash-preview",
        contents: [ask, turn, answer("get_weather")],
        config: { tools },
      })
      .catch((error: unknown) => error);
    expect(errorBody(failure).error.message).toMatch(
      /^Function call is missing a thought_signature/,
    );
  });

  it("refuses a signature it never issued as corrupted", async () => {
    const forged = [ask, { role: "model", parts: [call("get_weather", "c2lnbmF0dXJl")] }];
    const failure = await continueWith("gemini-3-flash-preview", [
      ...forged,
      answer("get_weather"),
    ]);
    expect(errorBody(failure)).toEqual({
      error: { code: 400, message: "Corrupted thought signature.", status: "INVALID_ARGUMENT" },
    });
  });

  it("accepts Google's documented dummy signatures, as text or as base64 bytes", async () => {
    for (const dummy of [
      "context_engineering_is_the_way_to_go",
      "skip_thought_signature_validator",
      Buffer.from("skip_thought_signature_validator").toString("base64"),
    ]) {
      const contents = [ask, { role: "model", parts: [call("get_weather", dummy)] }];
      const next = await continueWith("gemini-3-flash-preview", [
        ...contents,
        answer("get_weather"),
      ]);
      expect((next as { text?: string }).text, dummy).toContain("- Function response:");
    }
  });

  it("needs the signature on the first of parallel calls only", async () => {
    const turn = await realCallTurn("gemini-3-flash-preview", "Weather and time in Lisbon?");
    const signature = turn.parts?.[0]?.thoughtSignature ?? "";
    const contents = [
      ask,
      { role: "model", parts: [call("get_weather", signature), call("get_time")] },
      answer("get_weather", "get_time"),
    ];
    const next = await continueWith("gemini-3-flash-preview", contents);
    expect((next as { text?: string }).text).toContain("- Function response: get_time");
  });

  it("checks every step of the current turn, and no earlier turn", async () => {
    const signed = await realCallTurn("gemini-3-flash-preview");
    const unsigned = withoutSignatures(signed);
    // An earlier turn (before the latest message a person typed) is not validated.
    const earlier: Content[] = [
      ask,
      unsigned,
      answer("get_weather"),
      { role: "model", parts: [{ text: "Sunny." }] },
      { role: "user", parts: [{ text: "And tomorrow?" }] },
    ];
    const ok = await continueWith("gemini-3-flash-preview", earlier);
    expect((ok as GenerateContentResponse).functionCalls?.[0]?.name).toBe("get_weather");
    // The second step of the current turn is checked like the first: position 4.
    const steps = [ask, signed, answer("get_weather"), unsigned, answer("get_weather")];
    const failure = await continueWith("gemini-3-flash-preview", steps);
    expect(errorBody(failure).error.message).toContain("`default_api:get_weather` , position 4.");
  });

  it("signs every Gemini 3 call, even with thinking switched down to nothing", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3-flash-preview",
      contents: [ask],
      config: { tools, thinkingConfig: { thinkingBudget: 0 } },
    });
    expect(response.candidates?.[0]?.content?.parts?.[0]?.thoughtSignature).toBeTruthy();
  });

  it("leaves Gemini 2.5 and Gemini 3 Pro Image unchecked", async () => {
    const unsigned = [ask, { role: "model", parts: [call("get_weather")] }, answer("get_weather")];
    const flash = await continueWith("gemini-2.5-flash", unsigned);
    expect((flash as { text?: string }).text).toContain("- Function response: get_weather");
    const image = await client().models.generateContent({
      model: "gemini-3-pro-image-preview",
      contents: unsigned,
      config: { responseModalities: ["TEXT"] },
    });
    expect(image.candidates?.[0]?.finishReason).toBe("STOP");
  });
});
