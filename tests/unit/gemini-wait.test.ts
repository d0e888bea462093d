import { describe, expect, it } from "vitest";
import { upstreamWaits } from "@/lib/gemini/wait";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const never = () => new Promise<never>(() => {});
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("a run's waits on Gemini", () => {
  it("gives each step its value, or its rejection as a value", async () => {
    const waits = upstreamWaits(new AbortController().signal);
    expect(await waits.wait(Promise.resolve(7), 1000)).toEqual({ kind: "value", value: 7 });
    const error = new Error("cut");
    expect(await waits.wait(Promise.reject(error), 1000)).toEqual({ kind: "error", error });
    waits.close();
  });

  it("ends a step that outlasts its wait, then goes on with the next", async () => {
    const waits = upstreamWaits(new AbortController().signal);
    const started = performance.now();
    expect(await waits.wait(never(), 60)).toEqual({ kind: "timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(await waits.wait(Promise.resolve("next"), 60)).toEqual({ kind: "value", value: "next" });
    waits.close();
  });

  it("times each step from its own start, however long the run already took", async () => {
    const waits = upstreamWaits(new AbortController().signal);
    for (let i = 0; i < 4; i++) {
      // Each step takes 30 ms of a 50 ms wait: four of them outlast one wait, and none times out.
      expect(
        await waits.wait(
          sleep(30).then(() => i),
          50,
        ),
      ).toEqual({ kind: "value", value: i });
    }
    expect(await waits.wait(never(), 50)).toEqual({ kind: "timeout" });
    waits.close();
  });

  it("ends the pending step when the run is aborted, and every later one at once", async () => {
    const controller = new AbortController();
    const waits = upstreamWaits(controller.signal);
    const pending = waits.wait(never(), 10_000);
    controller.abort();
    expect(await pending).toEqual({ kind: "aborted" });
    expect(await waits.wait(Promise.reject(new Error("late")), 10_000)).toEqual({
      kind: "aborted",
    });
    waits.close();
  });

  it("keeps one timer for a run of many chunks, and none once closed", async () => {
    const before = timers();
    const waits = upstreamWaits(new AbortController().signal);
    for (let i = 0; i < 200; i++) await waits.wait(Promise.resolve(i), 60_000);
    expect(timers() - before).toBeLessThanOrEqual(1);
    waits.close();
    expect(timers() - before).toBe(0);
  });
});
