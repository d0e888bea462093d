import { GoogleGenAI } from "@google/genai";
import { readEvents } from "@/lib/run/events";
import { fmt, median, percentile } from "./stats";

/**
 * The same 2,000-token streamed answer, (a) with the SDK straight from the standalone emulator
 * and (b) through the app's /api/run, at 1 and at 20 concurrent streams.
 */
export const PROMPT = "Benchmark answer.\n#emulator tokens=2000";
export const MODEL = "gemini-2.5-flash";

export interface Sample {
  ttft: number;
  total: number;
}

const clients = new Map<string, GoogleGenAI>();

/** One client per emulator, as the app keeps one: construction is not part of a request. */
function client(emulatorUrl: string): GoogleGenAI {
  let ai = clients.get(emulatorUrl);
  if (!ai) {
    ai = new GoogleGenAI({
      apiKey: "bench-key",
      httpOptions: { baseUrl: emulatorUrl, apiVersion: "v1beta" },
    });
    clients.set(emulatorUrl, ai);
  }
  return ai;
}

export async function direct(emulatorUrl: string): Promise<Sample> {
  const ai = client(emulatorUrl);
  const start = performance.now();
  let ttft = Number.NaN;
  const stream = await ai.models.generateContentStream({ model: MODEL, contents: PROMPT });
  for await (const chunk of stream) {
    if (Number.isNaN(ttft) && chunk.candidates?.length) ttft = performance.now() - start;
  }
  return { ttft, total: performance.now() - start };
}

export async function throughApp(
  appUrl: string,
  prompt = PROMPT,
  config: Record<string, unknown> = {},
): Promise<Sample> {
  const start = performance.now();
  const response = await fetch(`${appUrl}/api/run`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl },
    body: JSON.stringify({
      model: MODEL,
      contents: [{ role: "user", parts: [{ kind: "text", text: prompt }] }],
      config,
    }),
  });
  if (!response.ok || !response.body) throw new Error(`/api/run answered ${response.status}`);
  let ttft = Number.NaN;
  for await (const event of readEvents(response.body)) {
    if (event.type === "chunk" && Number.isNaN(ttft)) ttft = performance.now() - start;
    if (event.type === "error") throw new Error(event.data.message);
  }
  return { ttft, total: performance.now() - start };
}

/** `rounds` rounds of `concurrency` simultaneous streams; every stream is one sample. */
export async function measure(
  fn: () => Promise<Sample>,
  concurrency: number,
  samples: number,
): Promise<Sample[]> {
  const out: Sample[] = [];
  while (out.length < samples) {
    out.push(...(await Promise.all(Array.from({ length: concurrency }, fn))));
  }
  return out;
}

export function summarize(samples: Sample[]) {
  const ttft = samples.map((s) => s.ttft);
  const total = samples.map((s) => s.total);
  return {
    n: samples.length,
    ttftMedian: median(ttft),
    ttftP95: percentile(ttft, 95),
    totalMedian: median(total),
    totalP95: percentile(total, 95),
  };
}

export type Summary = ReturnType<typeof summarize>;

export function report(label: string, a: Summary, b: Summary): string[] {
  return [
    `| ${label} | direct (a) | via /api/run (b) | b − a | b / a |`,
    "|---|---|---|---|---|",
    row("TTFT median", a.ttftMedian, b.ttftMedian),
    row("TTFT p95", a.ttftP95, b.ttftP95),
    row("total median", a.totalMedian, b.totalMedian),
    row("total p95", a.totalP95, b.totalP95),
    `(samples: ${a.n} direct, ${b.n} via app)`,
  ];
}

function row(name: string, a: number, b: number): string {
  return `| ${name} | ${fmt(a)} | ${fmt(b)} | ${fmt(b - a)} | ${(b / a).toFixed(2)}× |`;
}
