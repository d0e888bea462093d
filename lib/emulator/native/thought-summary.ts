/**
 * Thought summaries in the shape Gemini streams them: one section per chunk, each a bold title
 * line, a first-person paragraph, and three newlines. Long thinking (`thoughts=N`) yields many
 * sections, so a client's collapsible "thinking" view meets realistic sizes.
 */
import { mulberry32 } from "@/lib/emulator/hash";

export interface ThoughtTopic {
  model: string;
  turns: number;
  lastUserMessage: string;
  /** What the answer will do, e.g. "call get_weather with arguments taken from the message". */
  task: string;
}

const TITLES = [
  "Clarifying the Goal",
  "Checking the Settings",
  "Structuring the Reply",
  "Weighing the Details",
  "Drafting the Core Points",
  "Refining the Wording",
  "Reviewing the Table",
  "Double-Checking the Code",
  "Considering Edge Cases",
  "Prioritizing Clarity",
  "Assessing the Format",
  "Revisiting the Question",
  "Tightening the Summary",
  "Confirming the Plan",
  "Polishing the Answer",
  "Finalizing the Response",
];

const SENTENCES = [
  "I'm now focusing on what the person actually needs from this turn, not just what they typed.",
  "I've pinpointed the settings that shape the reply, and I'll echo each one so nothing is lost.",
  "Next, I'm considering how much detail fits before the main point gets buried.",
  "I'm structuring the answer as a heading, a short list, a code block and a small table.",
  "The table should stay small, so every row has to earn its place.",
  "I'm double-checking that the code sample would compile if someone pasted it.",
  "I've noted that the reply must be deterministic, so nothing may depend on the clock.",
  "I'm weighing whether a longer answer helps here or only adds noise.",
  "My plan is to lead with the summary and keep the extras underneath it.",
  "I'm making sure the formatting survives being streamed in small pieces.",
  "I'm re-reading the earlier turns to keep the answer consistent with them.",
  "I've decided to keep the tone plain and direct, without filler.",
  "I'm checking the numbers once more, since a wrong figure would undermine the rest.",
  "I'm considering which parts deserve bold text and which should stay quiet.",
  "I've realized a short example will explain this better than another paragraph.",
  "I'm trimming repetition so each paragraph adds something new.",
  "I'm verifying that links and code fences are closed properly.",
  "Now I'm ordering the points from most to least important.",
  "I'm making sure the answer still reads well if it gets cut off early.",
  "I'm confirming the response matches the requested format exactly.",
];

function paragraph(random: () => number, count: number): string {
  const picked: string[] = [];
  while (picked.length < count) {
    const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)] as string;
    if (!picked.includes(sentence)) picked.push(sentence);
  }
  return picked.join(" ");
}

/** Sections totalling at least `chars` characters (at least one section). */
export function thoughtSections(topic: ThoughtTopic, chars: number, seed: number): string[] {
  const random = mulberry32(seed);
  const quoted = topic.lastUserMessage ? `“${topic.lastUserMessage.slice(0, 80)}”` : "no new text";
  const sections = [
    `**Understanding the Request**\n\nI'm looking at a conversation of ${topic.turns} turn(s) for ${topic.model}; the latest message is ${quoted}. My plan is to ${topic.task}. ${paragraph(random, 1)}\n\n\n`,
  ];
  let total = sections[0]?.length ?? 0;
  for (let i = 0; total < chars && i < 400; i++) {
    const title = TITLES[(i + Math.floor(random() * 3)) % TITLES.length];
    const section = `**${title}**\n\n${paragraph(random, 2 + Math.floor(random() * 3))}\n\n\n`;
    sections.push(section);
    total += section.length;
  }
  return sections;
}
