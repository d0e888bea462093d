import type { Kysely } from "kysely";

/**
 * Conversations Google keeps ("Keep history at Google", the Interactions API's `store`): for each
 * answer, the interaction that holds the conversation up to and with it, by a hash of that
 * conversation exactly (its author and model too). A follow-up whose turns start with one sends
 * only what is new, with that interaction's id; an edited conversation matches none and goes whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("interaction_chain")
    .addColumn("conversation_hash", "text", (c) => c.primaryKey())
    .addColumn("interaction_id", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}
