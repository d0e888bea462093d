import { expect, test } from "@playwright/test";
import { ownServer } from "./support/own-server";
import { PORTS } from "./support/ports";
import { uniqueMarker } from "./support/servers";

const doc = (text: string) => ({
  version: 1,
  model: "gemini-2.5-flash",
  systemInstruction: "",
  contents: [{ role: "user", parts: [{ kind: "text", text }] }],
  config: {},
  tools: {},
});

test("a server killed in the middle of a burst of saves keeps every save it answered", async () => {
  test.setTimeout(60_000);
  const server = ownServer(PORTS.gated + 7);
  const marker = uniqueMarker("burst");
  await server.start();
  const answered: { id: string; revision: number; text: string }[] = [];
  try {
    const save = async (i: number) => {
      const text = `${marker} save ${i}`;
      const response = await fetch(`${server.url}/api/prompts`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ kind: "chat", title: `Burst ${i}`, document: doc(text) }),
      });
      if (response.ok) answered.push({ ...(await response.json()), text });
    };
    // Saves keep coming, 8 at a time, until the server dies under them.
    let i = 0;
    const burst = (async () => {
      for (;;) {
        const wave = Array.from({ length: 8 }, () => save(i++).catch(() => undefined));
        await Promise.all(wave);
        if (i > 2_000) return;
      }
    })();
    await expect.poll(() => answered.length, { timeout: 20_000 }).toBeGreaterThan(40);
    await server.kill();
    await burst;
    expect(answered.length).toBeLessThan(i);

    await server.start();
    for (const save of answered) {
      const response = await fetch(
        `${server.url}/api/prompts/${save.id}?revision=${save.revision}`,
      );
      expect(response.status, save.text).toBe(200);
      expect((await response.json()).document.contents[0].parts[0].text).toBe(save.text);
    }
  } finally {
    await server.kill();
  }
});
