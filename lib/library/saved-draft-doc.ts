import type { MediaPart, PromptDoc } from "@/lib/prompt";
import { promptBoxTurn } from "@/lib/prompt/text";

/**
 * The chat's prompt as it is saved: the draft, with whatever waits in the prompt box as its
 * last user turn, so a prompt written and saved before it was ever run is not lost.
 */
export function chatDocumentToSave(
  draft: PromptDoc,
  promptText: string,
  attachments: readonly MediaPart[],
): PromptDoc {
  const waiting = promptBoxTurn(promptText, attachments);
  return waiting ? { ...draft, contents: [...draft.contents, waiting] } : draft;
}
