import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * "Keep history at Google" by the app's own server code against the emulator in this process,
 * with a real SQLite database: the first turn is stored, a follow-up names the interaction it
 * follows and sends only what is new, and gets the answer the whole conversation gets; an edited
 * conversation goes whole.
 */
const saved = { ...process.env };
delete process.env.GEMINI_API_KEY;
delete process.env.GOOGLE_API_KEY;
delete process.env.GEMINI_BASE_URL;
delete process.env.DATABASE_URL;
process.env.PLAYGROUND_DATA_DIR = mkdtempSync(join(tmpdir(), "interaction-chain-"));

const { preparePrompt } = await import("@/lib/api/prepare");
const { runKeptAtGoogle } = await import("@/lib/history/server/interaction-chain");
const { openRun } = await import("@/lib/gemini/run");
const { gemini } = await import("@/lib/gemini/client");
const { foldRunActions, initialRunState } = await import("@/lib/run/reducer");

afterAll(() => {
  process.env = saved;
});

type RunEvent = import("@/lib/run/events").RunEvent;
type Turn = import("@/lib/prompt").Turn;

const ada = { name: "Ada", via: "code" as const };
const user = (text: string): Turn => ({ role: "user", parts: [{ kind: "text", text }] });

async function run(contents: Turn[], store: boolean) {
  const { doc, upstream } = await preparePrompt({
    model: "gemini-2.5-flash",
    systemInstruction: "Answer briefly.",
    contents,
    config: { api: "interactions", ...(store && { store: true }) },
  });
  const options = {
    requestId: "chain",
    signal: new AbortController().signal,
    api: "interactions" as const,
  };
  const events: RunEvent[] = [];
  const produced = store
    ? runKeptAtGoogle(upstream, doc, ada, options)
    : openRun(upstream, options);
  for await (const event of produced) events.push(event);
  const state = foldRunActions(initialRunState(), events);
  expect(state.status).toBe("done");
  const answer: Turn = { role: "model", parts: state.parts };
  return { state, answer, text: answerText(state.parts) };
}

function answerText(parts: Turn["parts"]): string {
  return parts.map((p) => (p.kind === "text" ? p.text : "")).join("");
}

/** The interaction as Google keeps it: what it followed, and the input it was sent. */
async function stored(id: string | undefined) {
  const interaction = (await gemini().ai.interactions.get(id ?? "", {
    include_input: true,
  } as never)) as unknown as { previous_interaction_id?: string; input?: { type: string }[] };
  return interaction;
}

/** Stored as a conversation of its own: nothing followed, the three turns sent again. */
async function expectSentWhole(id: string | undefined) {
  const kept = await stored(id);
  expect(kept.previous_interaction_id).toBeUndefined();
  expect(kept.input?.map((step) => step.type)).toEqual([
    "user_input",
    "model_output",
    "user_input",
  ]);
}

describe("a conversation Google keeps", () => {
  it("sends a follow-up as what is new after the interaction it follows, and answers the same", async () => {
    const first = await run([user("Name a river.")], true);
    const firstStored = await stored(first.state.responseId);
    expect(firstStored.previous_interaction_id).toBeUndefined();

    const conversation = [user("Name a river."), first.answer, user("And a mountain?")];
    const second = await run(conversation, true);
    const secondStored = await stored(second.state.responseId);
    expect(secondStored.previous_interaction_id).toBe(first.state.responseId);
    // Only the new question went: the answer before it is Google's to remember.
    expect(secondStored.input?.map((step) => step.type)).toEqual(["user_input"]);
    // The model read the whole conversation: its turns and tokens, as when it is sent whole (the
    // emulator's answer differs only in its fingerprint of the request, which is not the same).
    const whole = await run(conversation, false);
    expect(second.text).toContain("Turns: 3");
    expect(second.state.usage?.promptTokenCount).toBe(whole.state.usage?.promptTokenCount);

    // And on: the third follows the second.
    const third = await run([...conversation, second.answer, user("And a lake?")], true);
    expect((await stored(third.state.responseId)).previous_interaction_id).toBe(
      second.state.responseId,
    );
  });

  it("sends an edited conversation whole, as the page shows it", async () => {
    const first = await run([user("Name a bird.")], true);
    const edited = { ...first.answer, parts: [{ kind: "text" as const, text: "A heron." }] };
    const next = await run([user("Name a bird."), edited, user("Where does it live?")], true);
    await expectSentWhole(next.state.responseId);
  });

  it("sends the conversation whole when Google no longer holds the interaction it followed", async () => {
    const first = await run([user("Name a planet.")], true);
    await gemini().ai.interactions.delete(first.state.responseId ?? "");
    const next = await run([user("Name a planet."), first.answer, user("How far is it?")], true);
    expect(next.state.error).toBeUndefined();
    expect(next.text).toContain("Turns: 3");
    await expectSentWhole(next.state.responseId);
  });

  it("is not kept unless asked: a run without it stores nothing to follow", async () => {
    const first = await run([user("Name a tree.")], false);
    const next = await run([user("Name a tree."), first.answer, user("How tall?")], true);
    expect((await stored(next.state.responseId)).previous_interaction_id).toBeUndefined();
  });
});
