import { describe, expect, it, vi } from "vitest";
import { DEFAULT_INLINE_BYTES, planMedia } from "@/lib/codegen/media-files";
import type { MediaPart, PromptDoc } from "@/lib/prompt";

/**
 * Where generated code reads each file and how it sends it: the choice Run makes
 * (lib/gemini/media.ts), by the size the document records.
 */
const MiB = 1024 * 1024;
const part = (c: string, mimeType: string, name?: string, bytes?: number): MediaPart => ({
  kind: "media",
  sha256: c.repeat(64),
  mimeType,
  ...(name !== undefined && { name }),
  ...(bytes !== undefined && { bytes }),
});

const doc = (...parts: MediaPart[]): PromptDoc => ({
  version: 1,
  model: "gemini-2.5-flash",
  systemInstruction: "",
  contents: [{ role: "user", parts }],
  config: {},
  tools: {},
});

describe("planMedia", () => {
  it("names each file by kind and order, once however often it is referenced", () => {
    const { files } = planMedia(
      doc(
        part("a", "image/png", "a.png"),
        part("b", "audio/mpeg", "b.mp3"),
        part("a", "image/png", "a.png"),
        part("c", "image/jpeg", "c.jpg"),
        part("d", "application/pdf", "d.pdf"),
        part("e", "text/plain", "e.txt"),
        part("f", "video/mp4", "f.mp4"),
      ),
    );
    expect(files.map((f) => f.variable)).toEqual([
      "image1",
      "audio1",
      "image2",
      "pdf1",
      "file1",
      "video1",
    ]);
  });

  it("reads a file from the caller's path, else its own name without folders, else its hash", () => {
    const { files } = planMedia(
      doc(
        part("a", "image/png", "a.png"),
        part("b", "image/png", "C:\\Users\\me\\b.png"),
        part("c", "image/jpeg"),
        part("d", "image/png", "a.png"),
        part("e", "image/png", "a.png"),
        part("f", "audio/L16;codec=pcm", ".."),
      ),
      { files: { ["a".repeat(64)]: "in/chosen.png" } },
    );
    expect(files.map((f) => f.path)).toEqual([
      "in/chosen.png",
      "b.png",
      `${"c".repeat(12)}.jpg`,
      "a.png",
      "a-2.png",
      `${"f".repeat(12)}.l16codecpcm`,
    ]);
  });

  it("sends files inline up to the limit and within Run's inline total, the rest uploaded", () => {
    const { files } = planMedia(
      doc(
        part("a", "image/png", "a.png", 4 * MiB),
        part("b", "image/png", "b.png", 4 * MiB + 1),
        part("c", "image/png", "c.png", 4 * MiB),
        part("d", "image/png", "d.png", 4 * MiB),
        part("e", "image/png", "e.png", 3 * MiB),
        part("f", "image/png", "f.png", MiB),
        part("g", "image/png", "g.png"),
      ),
    );
    expect(files.map((f) => [f.path, f.upload])).toEqual([
      ["a.png", false],
      ["b.png", true],
      ["c.png", false],
      ["d.png", false],
      ["e.png", true],
      ["f.png", false],
      ["g.png", false],
    ]);
    const small = planMedia(doc(part("a", "image/png", "a.png", 2000)), { inlineBytes: 1000 });
    expect(small.files[0]?.upload).toBe(true);
  });

  it("gives the mapping a placeholder per file, each part keeping its own type", () => {
    const plan = planMedia(
      doc(part("a", "image/png", "a.png", 10), part("b", "video/mp4", "b", 9 * MiB)),
    );
    const inline = plan.lookup(part("a", "image/x-png"));
    expect(inline.inlineData?.mimeType).toBe("image/x-png");
    expect(plan.placeholder(inline.inlineData?.data)?.path).toBe("a.png");
    const uploaded = plan.lookup(part("b", "video/mp4"));
    expect(plan.placeholder(uploaded.fileData?.fileUri)?.variable).toBe("video1");
    expect(plan.placeholder("a.png")).toBeUndefined();
  });
});

describe("the inline limit", () => {
  it("is the server's default for PLAYGROUND_MEDIA_INLINE_BYTES", async () => {
    vi.resetModules();
    vi.stubEnv("PLAYGROUND_MEDIA_INLINE_BYTES", undefined);
    try {
      const { serverEnv } = await import("@/lib/env");
      expect(serverEnv().mediaInlineBytes).toBe(DEFAULT_INLINE_BYTES);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
