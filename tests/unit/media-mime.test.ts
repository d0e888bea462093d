import { describe, expect, it } from "vitest";
import { acceptedMimeType, mediaCategory } from "@/lib/media/mime";
import { signatureProblem } from "@/lib/media/signature";
import { promptBoxTurn } from "@/lib/prompt/text";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );

describe("accepted file types", () => {
  it("keeps a type Gemini lists and normalises the aliases browsers use", () => {
    expect(acceptedMimeType("a.png", "image/png")).toBe("image/png");
    expect(acceptedMimeType("a.wav", "audio/x-wav")).toBe("audio/wav");
    expect(acceptedMimeType("a.mp3", "audio/mpeg")).toBe("audio/mp3");
    expect(acceptedMimeType("clip.mov", "video/quicktime")).toBe("video/mov");
  });

  it("names untyped files by extension, sending code as text", () => {
    expect(acceptedMimeType("main.py", "")).toBe("text/x-python");
    expect(acceptedMimeType("lib.rs", "")).toBe("text/plain");
    expect(acceptedMimeType("Photo.HEIC", "")).toBe("image/heic");
  });

  it("refuses types Gemini does not read", () => {
    expect(acceptedMimeType("old.bmp", "image/bmp")).toBeUndefined();
    expect(acceptedMimeType("setup.exe", "application/x-msdownload")).toBeUndefined();
    expect(acceptedMimeType("README", "")).toBeUndefined();
    expect(mediaCategory("image/svg+xml")).toBeUndefined();
  });
});

describe("content signatures", () => {
  it("accepts files whose first bytes match their type", () => {
    expect(
      signatureProblem("image/png", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)),
    ).toBeNull();
    expect(signatureProblem("image/jpeg", bytes(0xff, 0xd8, 0xff, 0xe0))).toBeNull();
    expect(signatureProblem("audio/wav", bytes("RIFF", 0, 0, 0, 0, "WAVE"))).toBeNull();
    expect(signatureProblem("application/pdf", bytes("%PDF-1.7"))).toBeNull();
    expect(signatureProblem("video/mp4", bytes(0, 0, 0, 0x20, "ftypisom"))).toBeNull();
    expect(signatureProblem("text/plain", bytes("hello"))).toBeNull();
  });

  it("names the problem with a renamed, broken or empty file", () => {
    expect(signatureProblem("image/png", bytes("GIF89a"))).toMatch(/not a PNG image/);
    expect(signatureProblem("audio/wav", bytes("ID3", 4, 0))).toMatch(/not a WAV file/);
    expect(signatureProblem("text/plain", bytes("a", 0, "b"))).toMatch(/binary/);
    expect(signatureProblem("image/png", new Uint8Array())).toBe("the file is empty");
  });
});

describe("the prompt box as a turn", () => {
  const media = { kind: "media" as const, sha256: "a".repeat(64), mimeType: "image/png" };

  it("puts attachments before the text and skips blank text", () => {
    expect(promptBoxTurn("Describe", [media])?.parts).toEqual([
      media,
      { kind: "text", text: "Describe" },
    ]);
    expect(promptBoxTurn("  ", [media])?.parts).toEqual([media]);
    expect(promptBoxTurn("", [])).toBeNull();
    expect(promptBoxTurn("Hi", [], "model")?.role).toBe("model");
  });
});
