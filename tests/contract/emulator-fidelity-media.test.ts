/**
 * Image formats per model, through @google/genai over HTTP: Gemini 3 Pro Image answers with a
 * JPEG (capture 07), which must be a real baseline JPEG a browser opens; others keep PNG.
 */
import type { GenerateContentResponse, Part } from "@google/genai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";

const { client } = setupEmulatorServer();

interface Segment {
  marker: number;
  payload: Buffer;
}

/** The marker segments up to the start of scan, checking each length as a decoder would. */
function jpegSegments(bytes: Buffer): Segment[] {
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  const segments: Segment[] = [];
  let at = 2;
  for (;;) {
    expect(bytes[at]).toBe(0xff);
    const marker = bytes[at + 1] ?? 0;
    const length = bytes.readUInt16BE(at + 2);
    segments.push({ marker, payload: bytes.subarray(at + 4, at + 2 + length) });
    at += 2 + length;
    if (marker === 0xda) return segments;
  }
}

const image = (response: GenerateContentResponse): Part | undefined =>
  response.candidates?.[0]?.content?.parts?.find((part) => part.inlineData);

describe("Gemini 3 Pro Image answers with a JPEG", () => {
  it("sends image/jpeg: JFIF, baseline SOF0 at the asked size, three components, tables, one scan", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3-pro-image-preview",
      contents: "A lighthouse at dusk",
      config: { imageConfig: { aspectRatio: "4:3" } },
    });
    const part = image(response);
    expect(part?.inlineData?.mimeType).toBe("image/jpeg");
    // Capture 07's data starts like this: FF D8 FF E0 00 10 "JFIF".
    expect(part?.inlineData?.data?.startsWith("/9j/4AAQSkZJRg")).toBe(true);
    const segments = jpegSegments(Buffer.from(part?.inlineData?.data ?? "", "base64"));
    const markers = segments.map((segment) => segment.marker);
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda]);
    const frame = segments[2]?.payload ?? Buffer.alloc(0);
    expect(frame[0]).toBe(8);
    expect([frame.readUInt16BE(3), frame.readUInt16BE(1)]).toEqual([1184, 864]);
    expect(frame[5]).toBe(3);
  });

  it("streams the same JPEG whole in the last chunk", async () => {
    const request = { model: "gemini-3-pro-image-preview", contents: "A red kite" };
    const unary = await client().models.generateContent(request);
    let streamed: Part | undefined;
    for await (const chunk of await client().models.generateContentStream(request)) {
      streamed = image(chunk) ?? streamed;
    }
    expect(streamed?.inlineData?.mimeType).toBe("image/jpeg");
    expect(streamed?.inlineData?.data).toBe(image(unary)?.inlineData?.data);
  });

  it("keeps PNG where no capture shows otherwise", async () => {
    for (const model of ["gemini-2.5-flash-image", "gemini-3.1-flash-image-preview"]) {
      const response = await client().models.generateContent({ model, contents: "A red kite" });
      expect(image(response)?.inlineData?.mimeType, model).toBe("image/png");
    }
  });
});
