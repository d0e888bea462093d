import OpenAI from "openai";
import { it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";
const { server } = setupEmulatorServer();
it("smoke", async () => {
  const openai = new OpenAI({ apiKey: "k", baseURL: `${server().url}/v1beta/openai/`, maxRetries: 0 });
  const r = await openai.chat.completions.create({ model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hello there" }] });
  console.log(JSON.stringify(r, null, 1).slice(0, 3000));
  const s = await openai.chat.completions.create({ model: "gemini-3-flash-preview", stream: true, messages: [{ role: "user", content: "Hello there\n#emulator chunk=30" }] });
  for await (const c of s) console.log(JSON.stringify(c).slice(0, 300));
  const raw = await fetch(`${server().url}/v1beta/openai/chat/completions`, { method: "POST", headers: { authorization: "Bearer k", "content-type": "application/json" }, body: JSON.stringify({ model: "gemini-2.5-flash", google: {}, messages: [] }) });
  console.log(raw.status, await raw.text());
  const m = await openai.models.list();
  console.log(JSON.stringify(m.data.slice(0, 2)));
  const e = await openai.embeddings.create({ model: "gemini-embedding-001", input: ["a", "b"], dimensions: 4 });
  console.log(JSON.stringify(e));
});
