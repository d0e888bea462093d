import { createHash } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";
import { PORTS } from "./support/ports";
import {
  APP_URL,
  emulatorRequests,
  LIMITED_URL,
  OFFLINE_URL,
  textDoc,
  uniqueMarker,
} from "./support/servers";

/**
 * Another site must not be able to spend the server's key, store files on it, or frame it; a
 * name the server does not know must not reach it at all (DNS rebinding). The attacker's page is
 * served by the test on its own port and opened as http://localhost:<port>, a different site
 * from the app at http://127.0.0.1:<port> for the browser.
 */

/** The name and origin the limited server lists (playwright.config.ts). */
const PUBLIC_HOST = "playground.test";
const PUBLIC_ORIGIN = "https://playground.test";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function attackerPage(marker: string, uploadText: string): string {
  const doc = (text: string) => JSON.stringify(textDoc(text));
  // A text/plain form sends `name=value`: the name opens the JSON, the value closes it.
  const formDoc = doc(`${marker}-form`);
  const cut = formDoc.indexOf(`${marker}-form`) + `${marker}-form`.length;
  const attr = (s: string) => s.replaceAll("&", "&amp;").replaceAll("'", "&#39;");
  return `<!doctype html><title>attacker</title>
<form id="form" method="post" enctype="text/plain" action="${APP_URL}/api/run" target="sink">
  <input name='${attr(formDoc.slice(0, cut))}' value='${attr(formDoc.slice(cut + 1))}'>
</form>
<iframe name="sink" id="sink"></iframe>
<iframe id="app" src="${APP_URL}/"></iframe>
<script>
  const post = (path, body) =>
    fetch("${APP_URL}" + path, { mode: "no-cors", method: "POST", body }).then(
      () => "sent",
      (e) => "failed: " + e.message,
    );
  window.results = Promise.all([
    post("/api/run", ${JSON.stringify(doc(`${marker}-fetch`))}),
    post("/api/count-tokens", ${JSON.stringify(doc(`${marker}-count`))}),
    post("/api/media", ${JSON.stringify(uploadText)}),
    new Promise((resolve) => {
      document.getElementById("sink").addEventListener("load", () => resolve("form answered"), { once: true });
      document.getElementById("form").submit();
    }),
  ]);
</script>`;
}

let attacker: Server;
let attackerUrl: string;
let page_: { marker: string; uploadText: string };

test.beforeAll(async () => {
  page_ = { marker: uniqueMarker("cross-site"), uploadText: `${uniqueMarker("upload")}\n` };
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackerPage(page_.marker, page_.uploadText));
  });
  await new Promise<void>((resolve) => attacker.listen(0, resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

test("a page on another site can neither run prompts, count tokens, upload, nor frame the app", async ({
  page,
}) => {
  const { marker, uploadText } = page_;
  await page.goto(`${attackerUrl}/`);
  const results = await page.evaluate(
    () => (window as unknown as { results: Promise<string[]> }).results,
  );
  expect(results).toEqual(["sent", "sent", "sent", "form answered"]);

  // Nothing reached Gemini: the emulator saw no request with the marker, run or count.
  const seen = (await emulatorRequests()).filter((e) => e.promptExcerpt?.includes(marker));
  expect(seen).toEqual([]);

  // The upload did not land.
  const stored = await fetch(`${APP_URL}/api/media/${sha256(uploadText)}`);
  expect(stored.status).toBe(404);

  // The framed app never rendered: its load event fired on an empty error document.
  const frame = await (await page.locator("#app").elementHandle())?.contentFrame();
  expect(frame).toBeTruthy();
  await expect(frame?.getByRole("textbox", { name: "Prompt" }) ?? page.locator("none")).toHaveCount(
    0,
  );
  expect(frame?.url()).not.toBe(`${APP_URL}/`);
});

/** A request with a Host of our choosing: fetch will not send one. */
function rawGet(
  url: string,
  host: string,
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe("Host", () => {
  test("a name the server does not know is refused, page and API, as JSON", async () => {
    for (const path of ["/", "/api/health"]) {
      const answer = await rawGet(`${APP_URL}${path}`, `attacker.example:${PORTS.app}`);
      expect(answer.status, path).toBe(421);
      expect(answer.type).toContain("application/json");
      const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
      expect(error.code).toBe("misdirected_host");
      expect(error.message).toContain("PLAYGROUND_PUBLIC_HOSTS");
    }
    const hostile = await rawGet(`${APP_URL}/`, "<b>x</b>.example");
    expect(hostile.status).toBe(421);
    expect(hostile.body).not.toContain("<b>");
  });

  test("loopback, a listed public name and this machine's own address are answered", async () => {
    expect((await rawGet(`${APP_URL}/api/health`, `localhost:${PORTS.app}`)).status).toBe(200);
    expect((await rawGet(`${LIMITED_URL}/api/health`, PUBLIC_HOST)).status).toBe(200);
    // The name is listed on the limited server only.
    expect((await rawGet(`${APP_URL}/api/health`, PUBLIC_HOST)).status).toBe(421);
    const own = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    expect(own, "a non-loopback IPv4 address of this machine to test with").toBeTruthy();
    expect((await rawGet(`${APP_URL}/api/health`, `${own}:${PORTS.app}`)).status).toBe(200);
  });
});

test.describe("state changes", () => {
  const post = (
    headers: Record<string, string>,
    body = JSON.stringify(textDoc("hi")),
    url = APP_URL,
  ) => fetch(`${url}/api/count-tokens`, { method: "POST", headers, body });
  const code = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  test("without an Origin, or from another one, are refused with 403", async () => {
    const marker = uniqueMarker("no-origin");
    const body = JSON.stringify(textDoc(marker));
    const refused: Record<string, string>[] = [
      { "content-type": "application/json" },
      { "content-type": "application/json", origin: "http://localhost:9" },
      { "content-type": "application/json", origin: "null" },
      { "content-type": "application/json", origin: PUBLIC_ORIGIN },
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of refused) {
      const response = await post(headers, body);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const error = await code(response);
      expect(error.code).toBe("forbidden:origin");
      expect(error.message).toContain(`Origin: ${APP_URL}`);
    }
    const upload = await fetch(`${APP_URL}/api/media`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-file-name": "a.txt" },
      body: `${marker}\n`,
    });
    expect(upload.status).toBe(403);
    expect((await fetch(`${APP_URL}/api/media/${sha256(`${marker}\n`)}`)).status).toBe(404);
    expect((await emulatorRequests()).filter((e) => e.promptExcerpt?.includes(marker))).toEqual([]);
  });

  test("from the server's own origin, the browser's same-origin mark or a listed origin pass", async () => {
    const json = { "content-type": "application/json" };
    expect((await post({ ...json, origin: APP_URL })).status).toBe(200);
    expect((await post({ ...json, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await post({ ...json, origin: PUBLIC_ORIGIN }, undefined, LIMITED_URL)).status).toBe(
      200,
    );
  });

  test("a JSON route refuses a body that is not JSON, before reading it", async () => {
    const marker = uniqueMarker("text-plain");
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await post(
        { "content-type": type, origin: APP_URL },
        JSON.stringify(textDoc(marker)),
      );
      expect(response.status, type).toBe(415);
      expect((await code(response)).code).toBe("unsupported_media_type");
    }
    expect(
      (await post({ "content-type": "application/json; charset=utf-8", origin: APP_URL })).status,
    ).toBe(200);
    expect((await emulatorRequests()).filter((e) => e.promptExcerpt?.includes(marker))).toEqual([]);
  });
});

test.describe("media route", () => {
  test("keeps its sandbox policy, and a PDF is a download unless our viewer opens it", async () => {
    const pdf = `%PDF-1.4\n% ${uniqueMarker("pdf")}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`;
    const upload = await fetch(`${APP_URL}/api/media`, {
      method: "POST",
      headers: { "content-type": "application/pdf", "x-file-name": "a.pdf", origin: APP_URL },
      body: pdf,
    });
    expect(upload.status).toBe(201);
    const { sha256: hash } = (await upload.json()) as { sha256: string };
    const sandbox = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

    const plain = await fetch(`${APP_URL}/api/media/${hash}`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-security-policy")).toBe(sandbox);
    expect(plain.headers.get("content-disposition")).toBe("attachment");
    expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
    expect(plain.headers.get("x-frame-options")).toBe("DENY");

    const viewed = await fetch(`${APP_URL}/api/media/${hash}?view=1`);
    expect(viewed.headers.get("content-type")).toBe("application/pdf");
    expect(viewed.headers.get("content-security-policy")).toBe(sandbox);
    expect(viewed.headers.get("content-disposition")).toBeNull();
  });

  test("an upload past 10 MB arrives whole: the proxy never holds a request body", async () => {
    // The offline server keeps the default 100 MB upload limit; Next would cut a body the
    // proxy saw at 10 MB (proxy.ts).
    const bytes = Buffer.alloc(11 * 1024 * 1024, 0x61);
    bytes.write(`${uniqueMarker("big")}\n`);
    const upload = await fetch(`${OFFLINE_URL}/api/media`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-file-name": "big.txt", origin: OFFLINE_URL },
      body: bytes,
    });
    expect(upload.status).toBe(201);
    expect(await upload.json()).toMatchObject({
      bytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  });
});
