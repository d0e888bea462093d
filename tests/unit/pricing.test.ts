import { describe, expect, it } from "vitest";
import { estimateCost, formatUsd, priceFor } from "@/lib/pricing";
import { initialRunState } from "@/lib/run/reducer";
import { runStats } from "@/lib/run/stats";

describe("priceFor", () => {
  it("knows the current models and their dated or numbered releases", () => {
    expect(priceFor("gemini-2.5-flash")?.input).toBe(0.3);
    expect(priceFor("models/gemini-2.5-pro")?.output).toBe(10);
    expect(priceFor("gemini-2.0-flash-001")).toBe(priceFor("gemini-2.0-flash"));
    expect(priceFor("gemini-2.5-pro-preview-tts-2025-05-19")).toBe(
      priceFor("gemini-2.5-pro-preview-tts"),
    );
  });

  it("does not confuse a model with a longer-named sibling or guess for aliases", () => {
    expect(priceFor("gemini-2.5-flash-lite")).not.toBe(priceFor("gemini-2.5-flash"));
    expect(priceFor("gemini-2.5-flash-image")?.outputImage).toBe(30);
    expect(priceFor("gemini-flash-latest")).toBeUndefined();
    expect(priceFor("gemini-2.5-flash-experimental-thing")).toBeUndefined();
    expect(priceFor("gpt-5")).toBeUndefined();
  });
});

describe("estimateCost", () => {
  it("bills prompt and tool-use tokens as input, answer and thinking tokens as output", () => {
    // gemini-2.5-flash: $0.30 in, $2.50 out per 1M.
    const cost = estimateCost("gemini-2.5-flash", {
      promptTokenCount: 1_000,
      toolUsePromptTokenCount: 500,
      candidatesTokenCount: 2_000,
      thoughtsTokenCount: 1_000,
    });
    expect(cost).toBeCloseTo((1_500 * 0.3 + 3_000 * 2.5) / 1e6, 12);
  });

  it("uses the long-context rates above 200k prompt tokens", () => {
    const short = estimateCost("gemini-2.5-pro", {
      promptTokenCount: 200_000,
      candidatesTokenCount: 0,
    });
    const long = estimateCost("gemini-2.5-pro", {
      promptTokenCount: 200_001,
      candidatesTokenCount: 0,
    });
    expect(short).toBeCloseTo(200_000 * 1.25e-6, 9);
    expect(long).toBeCloseTo(200_001 * 2.5e-6, 9);
  });

  it("prices audio input and image output at their own rates", () => {
    const audio = estimateCost("gemini-2.5-flash", {
      promptTokenCount: 1_000,
      promptTokensDetails: [
        { modality: "TEXT", tokenCount: 400 },
        { modality: "AUDIO", tokenCount: 600 },
      ],
    });
    expect(audio).toBeCloseTo((400 * 0.3 + 600 * 1) / 1e6, 12);
    const image = estimateCost("gemini-2.5-flash-image", {
      promptTokenCount: 10,
      candidatesTokenCount: 1_300,
      candidatesTokensDetails: [
        { modality: "IMAGE", tokenCount: 1_290 },
        { modality: "TEXT", tokenCount: 10 },
      ],
    });
    expect(image).toBeCloseTo((10 * 0.3 + 1_290 * 30 + 10 * 2.5) / 1e6, 12);
  });

  it("gives null for unknown models or missing usage", () => {
    expect(estimateCost("gemini-flash-latest", { promptTokenCount: 10 })).toBeNull();
    expect(estimateCost("gemini-2.5-flash", undefined)).toBeNull();
  });
});

describe("formatUsd", () => {
  it("keeps small amounts readable", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(12.345)).toBe("$12.35");
    expect(formatUsd(0.0456)).toBe("$0.046");
    expect(formatUsd(0.000612)).toBe("$0.00061");
    expect(formatUsd(1e-8)).toBe("<$0.000001");
  });
});

describe("runStats", () => {
  it("measures TTFT and total in the browser, tokens per second, and the estimated cost", () => {
    const state = {
      ...initialRunState(),
      status: "done" as const,
      finishReason: "STOP",
      modelVersion: "gemini-2.5-flash",
      usage: { promptTokenCount: 100, candidatesTokenCount: 300, thoughtsTokenCount: 100 },
      meta: {
        requestId: "r",
        model: "gemini-2.5-flash",
        simulated: true,
        timing: { firstChunkMs: 180, totalMs: 2_000 },
      },
    };
    const stats = runStats(
      state,
      { startedAt: 1_000, firstChunkAt: 1_250, endedAt: 3_100 },
      "gemini-2.5-flash",
    );
    expect(stats).toMatchObject({
      ttftMs: 250,
      totalMs: 2_100,
      serverTtftMs: 180,
      serverTotalMs: 2_000,
      inputTokens: 100,
      outputTokens: 300,
      thinkingTokens: 100,
      tokensPerSecond: 200,
      finishReason: "STOP",
      modelVersion: "gemini-2.5-flash",
    });
    expect(stats.costUsd).toBeCloseTo((100 * 0.3 + 400 * 2.5) / 1e6, 12);
    expect(runStats(state, { startedAt: 0 }, "gemini-pro-latest").costUsd).toBeNull();
  });
});
