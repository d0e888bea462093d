import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFrameBatcher } from "@/lib/run/batch";

// Node has no animation frames: the batcher's timer delivers, as in a background tab.
describe("run events handed to the page in batches (lib/run/batch)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("hands over everything pushed before the timer in one delivery", () => {
    const delivered: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => delivered.push(items));
    batcher.push(1);
    batcher.push(2);
    vi.advanceTimersByTime(99);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([[1, 2]]);
  });

  it("holds the next words while the page is still drawing the last ones", () => {
    const delivered: number[][] = [];
    let drawing = true;
    const batcher = createFrameBatcher<number>((items) => delivered.push(items), {
      hold: () => drawing,
    });
    batcher.push(1);
    vi.advanceTimersByTime(300);
    batcher.push(2);
    expect(delivered).toEqual([]);
    drawing = false;
    vi.advanceTimersByTime(100);
    expect(delivered).toEqual([[1, 2]]);
  });

  it("holds them no longer than its limit, however long the page takes", () => {
    const delivered: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => delivered.push(items), {
      hold: () => true,
      maxHoldMs: 1_000,
    });
    batcher.push(1);
    vi.advanceTimersByTime(900);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(delivered).toEqual([[1]]);
    // The next batch is held again, counted from its own first item.
    batcher.push(2);
    vi.advanceTimersByTime(900);
    expect(delivered).toEqual([[1]]);
    vi.advanceTimersByTime(200);
    expect(delivered).toEqual([[1], [2]]);
  });

  it("delivers at once on flush, held or not, and nothing after cancel", () => {
    const delivered: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => delivered.push(items), {
      hold: () => true,
    });
    batcher.push(1);
    batcher.flush();
    expect(delivered).toEqual([[1]]);
    batcher.push(2);
    batcher.cancel();
    vi.advanceTimersByTime(5_000);
    expect(delivered).toEqual([[1]]);
  });
});
