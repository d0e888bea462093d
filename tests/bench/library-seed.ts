import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Store } from "@/lib/db/database";

/**
 * A team's library after a long while, written straight into the store: 10,000 saved prompts
 * with 5 revisions each, and 100,000 runs in the history, by eleven people over 90 days. The
 * text is drawn from a vocabulary of 600 made-up words, so a search word matches a share of
 * the rows as real words do.
 */
export const SEED = { prompts: 10_000, revisionsEach: 5, runs: 100_000 } as const;
export const PEOPLE = [
  "Local user",
  ...["Ada", "Bob", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"],
];
const MODELS = ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-3.5-flash", "gemini-2.5-flash-lite"];
const TAGS = Array.from({ length: 20 }, (_, i) => `tag${i}`);

let state = 42;
/** Deterministic, so every run of the benchmark seeds the same library. */
function random(): number {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export const WORDS = Array.from({ length: 600 }, (_, i) => {
  const syllables = ["ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "de", "po", "xu", "an"];
  return `${syllables[i % 12]}${syllables[Math.floor(i / 12) % 12]}${syllables[Math.floor(i / 144) % 12]}${i}`;
});
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
const id = () => randomBytes(16).toString("base64url");

function documentJson(model: string, ask: string, answer: string): string {
  return JSON.stringify({
    version: 1,
    model,
    systemInstruction: sentence(20),
    contents: [
      { role: "user", parts: [{ kind: "text", text: ask }] },
      { role: "model", parts: [{ kind: "text", text: answer }] },
    ],
    config: { temperature: 0.7 },
    tools: {},
  });
}

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Fills an empty store; answers ids of the prompts (and which are Local user's) for the requests. */
export async function seedLibrary(store: Store): Promise<{ promptIds: string[]; mine: string[] }> {
  state = 42;
  const now = Date.now();
  const promptIds: string[] = [];
  const mine: string[] = [];
  await store.db.transaction().execute(async (tx) => {
    const prompts = [];
    const revisions = [];
    for (let i = 0; i < SEED.prompts; i++) {
      const promptId = id();
      const author = PEOPLE[i % PEOPLE.length] as string;
      const model = pick(MODELS);
      const title = sentence(4);
      const description = sentence(12);
      const tags = [pick(TAGS), pick(TAGS)];
      const updated = now - Math.floor(random() * 90 * 86_400_000);
      promptIds.push(promptId);
      if (author === "Local user") mine.push(promptId);
      let text = "";
      for (let r = 1; r <= SEED.revisionsEach; r++) {
        const ask = sentence(40);
        const answer = sentence(120);
        text = `${ask}\n${answer}`;
        revisions.push({
          prompt_id: promptId,
          number: r,
          author,
          created_at: updated - (SEED.revisionsEach - r) * 3_600_000,
          title,
          document: documentJson(model, ask, answer),
        });
      }
      prompts.push({
        id: promptId,
        kind: "chat" as const,
        title,
        description,
        tags: JSON.stringify(tags),
        author,
        team_editable: 0,
        forked_from: null,
        forked_from_revision: null,
        latest_revision: SEED.revisionsEach,
        created_at: updated - 86_400_000,
        updated_at: updated,
        deleted_at: null,
        models: ` ${model} `,
        search_text: [title, description, tags.join(" "), text].join("\n").toLowerCase(),
      });
    }
    await inBatches(prompts, 500, (batch) => tx.insertInto("prompts").values(batch).execute());
    await inBatches(revisions, 1_000, (batch) =>
      tx.insertInto("revisions").values(batch).execute(),
    );
  });
  await store.db.transaction().execute(async (tx) => {
    const runs = [];
    const bodies = [];
    for (let i = 0; i < SEED.runs; i++) {
      const createdAt = now - Math.floor(random() * 90 * 86_400_000);
      const model = pick(MODELS);
      const ask = sentence(30);
      const answer = sentence(80);
      runs.push({
        id: id(),
        author: PEOPLE[i % PEOPLE.length] as string,
        created_at: createdAt,
        day: new Date(createdAt).toISOString().slice(0, 10),
        duration_ms: 1_000 + Math.floor(random() * 9_000),
        model,
        status: "done",
        input_tokens: 50,
        output_tokens: 150,
        thinking_tokens: 40,
        cost_usd: 0.0004,
        prompt_excerpt: ask.slice(0, 300),
        answer_excerpt: answer.slice(0, 300),
        search_text: [model, ask, answer].join("\n").toLowerCase(),
      });
      bodies.push({
        run_id: runs.at(-1)?.id as string,
        document: documentJson(model, ask, ""),
        result: JSON.stringify({ status: "done", parts: [{ kind: "text", text: answer }] }),
      });
      if (runs.length === 1_000) {
        await tx.insertInto("runs").values(runs.splice(0)).execute();
        await tx.insertInto("run_bodies").values(bodies.splice(0)).execute();
      }
    }
  });
  // Fresh statistics, as the database's own maintenance (autovacuum) keeps them in use.
  await sql`analyze`.execute(store.db);
  return { promptIds, mine };
}
