import { afterEach, describe, expect, it, vi } from "vitest";
import { runtimeFetch } from "@/lib/gemini/client";

/** A global fetch as Next.js leaves it: its own wrapper, with the function it wrapped beside it. */
function nextLikeGlobal() {
  const own = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response("own"));
  const patched = Object.assign(
    vi.fn(async () => new Response("patched")),
    { _nextOriginalFetch: own },
  );
  vi.stubGlobal("fetch", patched);
  return { own, patched };
}

describe("the fetch every call to Gemini goes through", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("skips Next's wrapper and keeps the caller's signal", async () => {
    const { own, patched } = nextLikeGlobal();
    const signal = new AbortController().signal;
    const init = { method: "POST", body: "{}", signal };
    expect(await (await runtimeFetch("http://gemini.test/x", init)).text()).toBe("own");
    expect(patched).not.toHaveBeenCalled();
    expect(own).toHaveBeenCalledWith("http://gemini.test/x", init);
  });

  it("gives a call without a signal one, so Next's dedupe step never tees a GET's body", async () => {
    const { own } = nextLikeGlobal();
    await runtimeFetch("http://gemini.test/stream?alt=sse");
    expect(own.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
    const request = new Request("http://gemini.test/interactions/1?stream=true");
    await runtimeFetch(request);
    expect(own.mock.calls[1]?.[0]).toBe(request);
    expect(own.mock.calls[1]?.[1]?.signal).toBe(request.signal);
  });

  it("is the global fetch itself outside Next", async () => {
    const plain = vi.fn(async () => new Response("plain"));
    vi.stubGlobal("fetch", plain);
    expect(await (await runtimeFetch("http://gemini.test/x")).text()).toBe("plain");
    expect(plain).toHaveBeenCalledOnce();
  });
});
