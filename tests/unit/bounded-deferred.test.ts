import { describe, expect, it } from "vitest";
import { toShow } from "@/lib/hooks/use-bounded-deferred";

const at = (ms: number) => ({ value: `words at ${ms} ms`, at: ms });

describe("a deferred answer that never trails far (lib/hooks/use-bounded-deferred)", () => {
  it("shows what the background render reached while it keeps up", () => {
    expect(toShow(at(100), at(60), at(60), 150)).toEqual(at(60));
    expect(toShow(at(100), at(100), at(60), 150)).toEqual(at(100));
  });

  it("shows the newest words at once when the shown ones are older than the limit", () => {
    expect(toShow(at(400), at(200), at(200), 150)).toEqual(at(400));
    expect(toShow(at(351), at(200), at(200), 150)).toEqual(at(351));
    expect(toShow(at(350), at(200), at(200), 150)).toEqual(at(200));
  });

  it("never goes back to older words than it showed", () => {
    // Shown at once at 400; the background render still holds 200.
    expect(toShow(at(450), at(200), at(400), 150)).toEqual(at(400));
    expect(toShow(at(600), at(200), at(400), 150)).toEqual(at(600));
  });
});
