/**
 * Conversations across interactions: what an interaction adds up to as native contents (the
 * history before it, its input, its output steps translated back), and what
 * `previous_interaction_id` continues.
 */
import type { WireContent } from "@/lib/emulator/types";
import type { InteractionsContext } from "./interaction-context";
import { badRequest, notFound } from "./interaction-errors";
import { callsIn, stepsToContents } from "./interaction-input";
import type { InteractionRecord } from "./interaction-record";

/** The whole conversation an interaction ends: what came before, its input, and its output. */
export function conversationOf(record: InteractionRecord): WireContent[] {
  const calls = callsIn([...record.history, ...record.turn]);
  return [...record.history, ...record.turn, ...stepsToContents(record.outputSteps, calls)];
}

/**
 * The conversation `previous_interaction_id` continues. An id Google does not hold (never stored,
 * `store: false`, deleted, expired) is 404 "previous_interaction_id not found", the message
 * clients match to rebuild an expired chain (several public client tests quote it).
 */
export function previousConversation(
  context: InteractionsContext,
  previousId: string | undefined,
): WireContent[] {
  if (previousId === undefined) return [];
  const previous = context.store.get(previousId);
  if (!previous) throw notFound("previous_interaction_id not found");
  if (!previous.finished) {
    throw badRequest(
      `Interaction ${previousId} is still in progress: a conversation continues from a finished interaction.`,
    );
  }
  return conversationOf(previous);
}
