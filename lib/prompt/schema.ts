import { z } from "zod";
import { RunConfigSchema, ToolsConfigSchema } from "./config";
import { PROMPT_LIMITS as L } from "./limits";
import { PartSchema } from "./parts";

/** Model ids as the API names them, without the `models/` prefix (it is stripped on parse). */
export const ModelIdSchema = z
  .string()
  .trim()
  .transform((id) => id.replace(/^models\//, ""))
  .pipe(
    z
      .string()
      .min(1, "choose a model")
      .max(L.modelIdChars)
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, "must be a model id such as gemini-2.5-flash"),
  );

export const TurnSchema = z.object({
  role: z.enum(["user", "model"]),
  parts: z.array(PartSchema).max(L.partsPerTurn),
});

/**
 * The prompt document: the one serializable value the editor, /api/run and /api/count-tokens
 * agree on, and the one that storage and code export are to keep (DESIGN.md, "The spine").
 */
export const PromptDocSchema = z.object({
  version: z.literal(1).default(1),
  model: ModelIdSchema,
  title: z.string().max(L.titleChars).optional(),
  systemInstruction: z.string().max(L.systemInstructionChars).default(""),
  contents: z.array(TurnSchema).max(L.turns),
  config: RunConfigSchema.default({}),
  tools: ToolsConfigSchema.default({}),
});

export type Turn = z.infer<typeof TurnSchema>;
export type Role = Turn["role"];
export type PromptDoc = z.infer<typeof PromptDocSchema>;
/** What a caller may send: defaults not yet applied. */
export type PromptDocInput = z.input<typeof PromptDocSchema>;
