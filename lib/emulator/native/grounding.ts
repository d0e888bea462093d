/**
 * Google Search grounding, invented offline: a short section of sentences "found on the web",
 * sources on reserved example domains (never a real Google URL), and the queries that would have
 * been searched. grounding-metadata.ts turns them into `groundingMetadata` once the final answer
 * text is known, because support offsets must point into that exact text.
 */
import { fnv1a, hex8 } from "@/lib/emulator/hash";
import { promptWords } from "./prompt-words";

export interface Source {
  uri: string;
  title: string;
  /** Google Maps places only: the chunk is `{maps: {uri, title, placeId}}` instead of `web`. */
  placeId?: string;
}

export interface GroundedSentence {
  text: string;
  /** Indices into the plan's own sources; empty for a sentence no source supports. */
  chunks: number[];
}

export interface SearchPlan {
  queries: string[];
  sources: Source[];
  sentences: GroundedSentence[];
  /** The markdown section that carries the sentences. */
  section: string;
  toolUseTokens: number;
}

/** Looks like Google's opaque grounding redirects, but on a domain reserved for examples. */
function redirectUri(seed: string, index: number): string {
  const id = [0, 1, 2, 3, 4].map((n) => hex8(fnv1a(`${seed}/${index}/${n}`))).join("");
  return `https://grounding.example.com/redirect/${btoa(id).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}`;
}

/** The question without URLs, cut at a word boundary near 60 characters. */
function topicOf(userText: string): string {
  const flat = userText
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = flat.length <= 60 ? flat : flat.slice(0, flat.lastIndexOf(" ", 60) + 1 || 60);
  return cut.trim().replace(/[\s?.!,;:]+$/, "") || "this question";
}

export function planSearch(userText: string, fingerprint: string): SearchPlan {
  const topic = topicOf(userText);
  const words = promptWords(userText).slice(0, 3).join(" ");
  const queries = [topic.toLowerCase(), `${words.toLowerCase()} facts`];
  const sources: Source[] = [
    { uri: redirectUri(fingerprint, 0), title: "example.com" },
    { uri: redirectUri(fingerprint, 1), title: "example.org" },
    { uri: redirectUri(fingerprint, 2), title: "docs.example.net" },
  ];
  // Non-ASCII on purpose (“ ” – ° é): support offsets are UTF-8 bytes, and clients that slice
  // with UTF-16 indices get visibly wrong highlights.
  const sentences: GroundedSentence[] = [
    { text: `Sources found for “${topic}” agree on the main points.`, chunks: [0, 1] },
    {
      text: "The first result, a reference page on example.com, gives an overview that was updated this week.",
      chunks: [0],
    },
    {
      text: "A second source puts the typical range at 18–24 °C and notes that figures vary by region.",
      chunks: [1],
    },
    {
      text: "Café-style summaries on example.org repeat the same facts in shorter form.",
      chunks: [1, 2],
    },
    { text: "The emulator invented these sources; nothing was fetched.", chunks: [] },
  ];
  const [a, b, c, d, e] = sentences.map((sentence) => sentence.text);
  const section = `### What the web says\n\n${a} ${b}\n\n${c} ${d} ${e}`;
  return { queries, sources, sentences, section, toolUseTokens: 96 + 4 * queries.length };
}
