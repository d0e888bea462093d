import { describe, expect, it } from "vitest";
import { claimCatchUp, toShow } from "@/lib/hooks/use-bounded-deferred";

const at = (ms: number) => ({ value: `words at ${ms} ms`, at: ms });

describe("a deferred answer that never trails far (lib/hooks/use-bounded-deferred)", () => {
  it("shows what the background render reached while it keeps up", () => {
    expect(toShow(at(100), at(60), at(60), 100, 150)).toEqual(at(60));
    expect(toShow(at(100), at(100), at(60), 100, 150)).toEqual(at(100));
  });

  it("shows the newest words at once when words have waited longer than the limit", () => {
    // Words not shown since 210 ms: by 400 they have waited 190 ms.
    expect(toShow(at(400), at(200), at(200), 210, 150)).toEqual(at(400));
    expect(toShow(at(361), at(200), at(200), 210, 150)).toEqual(at(361));
    expect(toShow(at(360), at(200), at(200), 210, 150)).toEqual(at(200));
  });

  it("counts the wait from the first words not shown, not from the words shown", () => {
    // The run's next words came 300 ms after the last were drawn (the page was busy drawing
    // them, and the run held them back): they have not waited, so they render in the background.
    expect(toShow(at(500), at(200), at(200), 500, 150)).toEqual(at(200));
    expect(toShow(at(640), at(200), at(200), 500, 150)).toEqual(at(200));
    expect(toShow(at(651), at(200), at(200), 500, 150)).toEqual(at(651));
  });

  it("never goes back to older words than it showed", () => {
    // Shown at once at 400; the background render still holds 200.
    expect(toShow(at(450), at(200), at(400), 440, 150)).toEqual(at(400));
    expect(toShow(at(600), at(200), at(400), 440, 150)).toEqual(at(600));
  });

  it("waits its turn when another value already caught up in this render", () => {
    expect(toShow(at(400), at(200), at(200), 210, 150, () => false)).toEqual(at(200));
    // Not asked at all while within the limit: it would take the turn from one that needs it.
    let asked = 0;
    const ask = () => {
      asked++;
      return true;
    };
    expect(toShow(at(300), at(200), at(200), 210, 150, ask)).toEqual(at(200));
    expect(asked).toBe(0);
    expect(toShow(at(400), at(200), at(200), 210, 150, ask)).toEqual(at(400));
    expect(asked).toBe(1);
  });

  it("lets one value catch up per task: the first to ask, then another in the next task", async () => {
    expect(claimCatchUp()).toBe(true);
    expect(claimCatchUp()).toBe(false);
    // Still the same task after its microtasks (a second render started by the first's commit).
    await Promise.resolve();
    expect(claimCatchUp()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(claimCatchUp()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
