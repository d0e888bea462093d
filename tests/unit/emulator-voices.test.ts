import { describe, expect, it } from "vitest";
import { VOICE_NAMES as EMULATOR_VOICE_NAMES } from "@/lib/emulator/media/voices";
import { VOICE_NAMES } from "@/lib/models/voices";

/** The emulator keeps its own copy of the wire's voice names; this keeps it equal to the app's. */
describe("the emulator's prebuilt voices", () => {
  it("are the app's voices, no more and no fewer", () => {
    expect(new Set(EMULATOR_VOICE_NAMES)).toEqual(new Set(VOICE_NAMES));
    expect(EMULATOR_VOICE_NAMES).toHaveLength(new Set(EMULATOR_VOICE_NAMES).size);
  });
});
