/**
 * The media a plan answers with. Images: a picture painted from a seed of the prompt text and the
 * hashes of the input media (so each edit in a loop changes the picture), in the format the model
 * sends (image-format.ts), billed as Google bills a 1K image (1290 tokens on 2.5, 1120 on
 * Gemini 3). Speech: PCM from pcm-speech.ts, 25 tokens per second, streamed in one-second pieces.
 */
import { encodeBase64 } from "@/lib/emulator/base64";
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import { fnv1a } from "@/lib/emulator/hash";
import { stripDirectives } from "@/lib/emulator/native/directives";
import type { GenerationPlan, PlanOutput } from "@/lib/emulator/native/plan";
import { signsAlways } from "@/lib/emulator/native/thoughts";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import type { GenerateRequest, WirePart } from "@/lib/emulator/types";
import { encodeImage } from "./image-format";
import type { Size } from "./image-sizes";
import { SPEECH_MIME_TYPE, SPEECH_SAMPLE_RATE, scriptWords, synthesizeSpeech } from "./pcm-speech";
import { paintPicture } from "./picture";
import type { SpeakerVoice } from "./speech-config";

const AUDIO_TOKENS_PER_SECOND = 25;
const PCM_BYTES_PER_SECOND = SPEECH_SAMPLE_RATE * 2;

function promptText(request: GenerateRequest): string {
  return stripDirectives(contentText(lastUserContent(request.contents)));
}

/** Equal prompts and inputs paint equal pictures. */
export function pictureSeed(text: string, inputHashes: string[], [width, height]: Size): number {
  return fnv1a(JSON.stringify([text, inputHashes, width, height]));
}

export async function renderImage(
  plan: GenerationPlan,
  request: GenerateRequest,
  model: CatalogueModel,
  size: Size,
  inputHashes: string[],
): Promise<PlanOutput> {
  const [width, height] = size;
  const seed = pictureSeed(promptText(request), inputHashes, size);
  const image = await encodeImage(model, width, height, paintPicture(width, height, seed));
  const part: WirePart = {
    inlineData: { mimeType: image.mimeType, data: encodeBase64(image.bytes) },
  };
  if (plan.mediaSignature) part.thoughtSignature = plan.mediaSignature;
  const tokens = signsAlways(model) ? 1120 : 1290;
  return { modality: "IMAGE", parts: [part], chunks: [{ part, tokens }], tokens };
}

/** A stream needs only the pieces and a unary answer only the whole, so only one is encoded. */
export function renderSpeech(
  request: GenerateRequest,
  voices: SpeakerVoice[],
  streaming: boolean,
): PlanOutput {
  const pcm = synthesizeSpeech(scriptWords(promptText(request), voices));
  const tokens = Math.ceil((pcm.byteLength / PCM_BYTES_PER_SECOND) * AUDIO_TOKENS_PER_SECOND);
  const audio = (bytes: Uint8Array): WirePart => ({
    inlineData: { mimeType: SPEECH_MIME_TYPE, data: encodeBase64(bytes) },
  });
  if (!streaming) return { modality: "AUDIO", parts: [audio(pcm)], chunks: [], tokens };
  const chunks: PlanOutput["chunks"] = [];
  let billed = 0;
  for (let start = 0; start < pcm.byteLength; start += PCM_BYTES_PER_SECOND) {
    const end = Math.min(pcm.byteLength, start + PCM_BYTES_PER_SECOND);
    // Running totals rounded from the audio sent so far, so the pieces add up to `tokens`.
    const upTo = Math.round((tokens * end) / pcm.byteLength);
    chunks.push({ part: audio(pcm.subarray(start, end)), tokens: upTo - billed });
    billed = upTo;
  }
  return { modality: "AUDIO", parts: [], chunks, tokens };
}
