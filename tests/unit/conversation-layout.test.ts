import { describe, expect, it } from "vitest";
import { estimateTurnHeight } from "@/components/chat/turn-height";
import { conversationKey } from "@/lib/hooks/use-scroll-memory";
import { type Turn, userTextTurn } from "@/lib/prompt";
import { generateConversation } from "@/tests/bench/conversation-fixture";

const model = (text: string): Turn => ({ role: "model", parts: [{ kind: "text", text }] });

describe("estimateTurnHeight (the size a turn off screen stands in with)", () => {
  it("is near what Chromium renders for the benchmark's turns", () => {
    // Measured in the chat column: model turns of ~8,500 characters render 3,700–5,500 px tall,
    // user turns of ~1,500 characters 370–1,350 px; the estimates came within 10%.
    const turns = generateConversation({ pairs: 10, totalChars: 100_000 });
    for (const turn of turns) {
      const px = estimateTurnHeight(turn);
      if (turn.role === "model") expect(px).toBeGreaterThan(2_500);
      else expect(px).toBeLessThan(2_000);
    }
  });

  it("counts code lines, table rows and display math, which never wrap", () => {
    const prose = estimateTurnHeight(model("A sentence."));
    const code = ["```ts", ...Array(20).fill("const x = 1;"), "```"].join("\n");
    expect(estimateTurnHeight(model(`A sentence.\n\n${code}`)) - prose).toBeGreaterThan(20 * 18);
    const table = ["| a | b |", "| --- | --- |", ...Array(10).fill("| 1 | 2 |")].join("\n");
    expect(estimateTurnHeight(model(`A sentence.\n\n${table}`)) - prose).toBeGreaterThan(11 * 30);
    expect(estimateTurnHeight(model("A sentence.\n\n$$\nx^2\n$$"))).toBeGreaterThan(prose);
  });

  it("wraps long prose, in a narrower bubble for the person's own turns", () => {
    const long = "word ".repeat(400);
    expect(estimateTurnHeight(model(long))).toBeGreaterThan(estimateTurnHeight(model("word")) * 5);
    expect(estimateTurnHeight(userTextTurn(long))).toBeGreaterThan(estimateTurnHeight(model(long)));
  });
});

describe("conversationKey (which conversation a saved scroll position belongs to)", () => {
  it("is the first turn's: later turns don't change it, another first turn does", () => {
    const first = [userTextTurn("How do tides work?"), model("The moon.")];
    expect(conversationKey(first)).toBe(conversationKey([...first, userTextTurn("And the sun?")]));
    expect(conversationKey(first)).not.toBe(conversationKey([userTextTurn("Something else")]));
    expect(conversationKey([])).toBeNull();
  });
});
