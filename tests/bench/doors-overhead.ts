import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import type { BenchOutput } from "./browser-benches";
import {
  MODEL,
  measure,
  PROMPT,
  report,
  type Sample,
  summarize,
  throughApp,
} from "./proxy-overhead";

/**
 * The other two doors: the same 2,000-token streamed answer (a) fetched straight from the
 * emulator with that door's own client (the `openai` package on the OpenAI-compatible endpoint,
 * the Gemini SDK's interactions client) and (b) through the app's /api/run with the run's API
 * set to that door, at 1 and at 20 concurrent streams.
 */

type Door = "openai" | "interactions";

function directClient(door: Door, emulatorUrl: string): () => Promise<Sample> {
  if (door === "openai") {
    const openai = new OpenAI({ apiKey: "bench-key", baseURL: `${emulatorUrl}/v1beta/openai/` });
    return async () => {
      const start = performance.now();
      let ttft = Number.NaN;
      const stream = await openai.chat.completions.create({
        model: MODEL,
        messages: [{ role: "user", content: PROMPT }],
        stream: true,
      });
      for await (const chunk of stream) {
        if (Number.isNaN(ttft) && chunk.choices[0]?.delta?.content)
          ttft = performance.now() - start;
      }
      return { ttft, total: performance.now() - start };
    };
  }
  const ai = new GoogleGenAI({
    apiKey: "bench-key",
    httpOptions: { baseUrl: emulatorUrl, apiVersion: "v1beta" },
  });
  return async () => {
    const start = performance.now();
    let ttft = Number.NaN;
    const stream = await ai.interactions.create({
      model: MODEL,
      input: PROMPT,
      stream: true,
      store: false,
    } as never);
    for await (const event of stream as unknown as AsyncIterable<{ event_type?: string }>) {
      if (Number.isNaN(ttft) && event.event_type === "step.delta") ttft = performance.now() - start;
    }
    return { ttft, total: performance.now() - start };
  };
}

export async function benchDoors(emulatorUrl: string, appUrl: string): Promise<BenchOutput> {
  const results: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const door of ["openai", "interactions"] as const) {
    const direct = directClient(door, emulatorUrl);
    const app = () => throughApp(appUrl, PROMPT, { api: door });
    lines.push(
      "",
      `## Proxy overhead through ${door === "openai" ? "OpenAI compatibility" : "the Interactions API"}: 2,000-token streamed answer`,
    );
    await measure(direct, 4, 8);
    await measure(app, 4, 8);
    for (const concurrency of [1, 20]) {
      const samples = concurrency === 1 ? 30 : 60;
      const a = summarize(await measure(direct, concurrency, samples));
      const b = summarize(await measure(app, concurrency, samples));
      results[`doors_${door}_c${concurrency}`] = { direct: a, app: b };
      lines.push("", ...report(`${concurrency} concurrent`, a, b));
    }
  }
  return { lines, results };
}
