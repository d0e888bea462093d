/**
 * What the emulated Deep Research agent finds and writes: search rounds (native/grounding.ts's
 * invented sources on reserved example domains, the same ones `google_search` grounding cites),
 * the pages it reads (those sources, and any URL in the question; `.invalid` hosts fail), a short
 * Python analysis (native/code-execution.ts), and a report that quotes the question and cites
 * every finding, with `url_citation` annotations at UTF-8 byte offsets into the report text.
 */
import { type CodePlan, planCode } from "@/lib/emulator/native/code-execution";
import { padMarkdown } from "@/lib/emulator/native/filler";
import { planSearch, type SearchPlan, type Source } from "@/lib/emulator/native/grounding";
import { utf8Length } from "@/lib/emulator/native/grounding-metadata";
import { findUrls } from "@/lib/emulator/native/url-context";
import { excerpt } from "@/lib/emulator/text";
import type { JsonObject } from "@/lib/emulator/types";

export interface ResearchTools {
  search: boolean;
  read: boolean;
  code: boolean;
}

export interface PageRead {
  url: string;
  ok: boolean;
}

export interface Research {
  topic: string;
  question: string;
  searches: string[];
  search?: SearchPlan;
  pages: PageRead[];
  code?: CodePlan;
  /** Thought summaries: the plan, then the synthesis. */
  planning: string[];
  synthesis: string[];
  report: string;
  annotations: JsonObject[];
}

function topicOf(question: string): string {
  const flat = question
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return excerpt(flat, 80).replace(/[\s?.!,;:…]+$/, "") || "the question";
}

function readable(url: string): boolean {
  try {
    return !new URL(url).hostname.endsWith(".invalid");
  } catch {
    return false;
  }
}

export function planResearch(
  question: string,
  fingerprint: string,
  tools: ResearchTools,
): Omit<Research, "report" | "annotations"> {
  const topic = topicOf(question);
  const search = tools.search ? planSearch(question, fingerprint) : undefined;
  const searches = search ? [...search.queries, `${topic.toLowerCase()} latest developments`] : [];
  const pages: PageRead[] = [];
  if (tools.read) {
    for (const url of findUrls(question)) pages.push({ url, ok: readable(url) });
    for (const source of search?.sources ?? []) pages.push({ url: source.uri, ok: true });
  }
  const code = tools.code ? planCode(question, false, true, fingerprint) : undefined;
  const steps = [
    search && `search the web for ${searches.length} angles on it`,
    pages.length > 0 && `read the ${pages.length} most relevant pages`,
    code && "check the numbers with a short Python analysis",
    "write a cited report",
  ].filter((step): step is string => typeof step === "string");
  const planning = [
    `**Planning the research**\n\nThe question is “${topic}”. I'll ${steps.join(", then ")}.\n\n\n`,
    `**Choosing the sources**\n\nI'm starting broad and narrowing down, keeping only sources that agree on the main points.\n\n\n`,
  ];
  const synthesis = [
    `**Synthesizing the findings**\n\nThe sources agree on the main points; I'm ordering the findings from best to least supported and citing each one.\n\n\n`,
  ];
  return {
    topic,
    question,
    searches,
    ...(search && { search }),
    pages,
    ...(code && { code }),
    planning,
    synthesis,
  };
}

interface Cited {
  text: string;
  sources: Source[];
}

/** The report, and one `url_citation` per cited sentence and source. */
export function writeReport(
  research: Omit<Research, "report" | "annotations">,
  extras: { media: string[]; minChars?: number; seed: number },
): { report: string; annotations: JsonObject[] } {
  const { search, code, pages } = research;
  const cited: Cited[] = (search?.sentences ?? []).map((sentence) => ({
    text: sentence.text,
    sources: sentence.chunks.map((index) => search?.sources[index]).filter((s): s is Source => !!s),
  }));
  const summary = cited.slice(0, 2);
  const findings = cited.slice(2);
  const lines: string[] = [
    `# Research report: ${research.topic}`,
    "",
    "*Emulated Deep Research: no search engine was queried and no page was fetched; the sources are invented on reserved example domains.*",
    "",
    "## Question",
    "",
    `> ${excerpt(research.question, 400) || "(no text)"}`,
    "",
  ];
  if (extras.media.length > 0) lines.push("## Inputs", "", ...extras.media, "");
  lines.push("## Summary", "");
  lines.push(
    summary.length > 0
      ? summary.map((item) => item.text).join(" ")
      : `No web search was allowed, so this report rests on the question itself and the pages it names.`,
    "",
  );
  if (findings.length > 0 || code) lines.push("## Findings", "");
  findings.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.text}`);
  });
  if (code) {
    const explanation = code.explanation.replace(
      /^The code ran in the sandbox and counted/,
      "A short Python analysis counted",
    );
    lines.push(`${findings.length + 1}. ${explanation}`);
  }
  if (findings.length > 0 || code) lines.push("");
  lines.push("## Method", "");
  if (research.searches.length > 0) {
    lines.push(`- Searched the web for ${research.searches.map((q) => `“${q}”`).join(", ")}.`);
  }
  const read = pages.filter((page) => page.ok).length;
  if (pages.length > 0) {
    const failed = pages.length - read;
    lines.push(`- Read ${read} page(s)${failed > 0 ? `; ${failed} could not be retrieved` : ""}.`);
  }
  if (code) lines.push("- Ran one Python program in the sandbox.");
  lines.push("- Wrote this report, citing every finding.", "");
  if (search) {
    lines.push("## Sources", "");
    search.sources.forEach((source, index) => {
      lines.push(`${index + 1}. [${source.title}](${source.uri})`);
    });
    lines.push("");
  }
  const base = lines.join("\n");
  const report = extras.minChars ? padMarkdown(base, extras.minChars, extras.seed) : base;
  const annotations: JsonObject[] = [];
  let from = 0;
  for (const item of cited) {
    const at = report.indexOf(item.text, from);
    if (at < 0) continue;
    from = at + item.text.length;
    const start = utf8Length(report.slice(0, at));
    const end = start + utf8Length(item.text);
    for (const source of item.sources) {
      annotations.push({
        type: "url_citation",
        url: source.uri,
        title: source.title,
        start_index: start,
        end_index: end,
      });
    }
  }
  return { report, annotations };
}

/** The answer to `collaborative_planning: true`: the plan, for the person to refine or approve. */
export function writePlan(research: Omit<Research, "report" | "annotations">): string {
  const steps = [
    ...research.searches.map((query) => `Search the web for “${query}”.`),
    ...(research.pages.length > 0
      ? [`Read the ${research.pages.length} most relevant pages.`]
      : []),
    ...(research.code ? ["Check the numbers with a short Python analysis."] : []),
    "Write a report that cites every finding.",
  ];
  return [
    `## Research plan: ${research.topic}`,
    "",
    ...steps.map((step, index) => `${index + 1}. ${step}`),
    "",
    "Reply to refine the plan, or approve it (with `collaborative_planning` off) to start the research.",
    "",
  ].join("\n");
}
