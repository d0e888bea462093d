import { z } from "zod";
import { PROMPT_LIMITS as L } from "./limits";

/**
 * Parts carry an explicit `kind` rather than Gemini's "whichever key is present" shape: the
 * browser renders by kind, and zod can name the exact field that is wrong.
 * Every part but a function response may carry a thought signature; the rules for them are in
 * one place, lib/wire/parts.ts.
 */
const signature = z.string().max(L.signatureChars).optional();

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex sha256");
export const MimeTypeSchema = z
  .string()
  .max(127)
  .regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, "must be a MIME type such as image/png");

const JsonObjectSchema = z.record(z.string(), z.unknown());

export const TextPartSchema = z.object({
  kind: z.literal("text"),
  text: z.string().max(L.textChars),
  thoughtSignature: signature,
});

/** A stored blob, referenced by content hash; the server resolves it to inline data or a file URI. */
export const MediaPartSchema = z.object({
  kind: z.literal("media"),
  sha256: Sha256Schema,
  mimeType: MimeTypeSchema,
  name: z.string().max(255).optional(),
  bytes: z.number().int().nonnegative().optional(),
  thoughtSignature: signature,
});

export const FunctionCallPartSchema = z.object({
  kind: z.literal("functionCall"),
  id: z.string().max(200).optional(),
  name: z.string().min(1).max(128),
  args: JsonObjectSchema.default({}),
  thoughtSignature: signature,
});

export const FunctionResponsePartSchema = z.object({
  kind: z.literal("functionResponse"),
  id: z.string().max(200).optional(),
  name: z.string().min(1).max(128),
  response: JsonObjectSchema,
});

export const ThoughtPartSchema = z.object({
  kind: z.literal("thought"),
  text: z.string().max(L.textChars),
  thoughtSignature: signature,
});

export const ExecutableCodePartSchema = z.object({
  kind: z.literal("executableCode"),
  id: z.string().max(200).optional(),
  language: z.enum(["PYTHON", "LANGUAGE_UNSPECIFIED"]).default("PYTHON"),
  code: z.string().max(L.textChars),
  thoughtSignature: signature,
});

export const CodeExecutionResultPartSchema = z.object({
  kind: z.literal("codeExecutionResult"),
  id: z.string().max(200).optional(),
  outcome: z.enum([
    "OUTCOME_OK",
    "OUTCOME_FAILED",
    "OUTCOME_DEADLINE_EXCEEDED",
    "OUTCOME_UNSPECIFIED",
  ]),
  output: z.string().max(L.textChars).optional(),
  thoughtSignature: signature,
});

export const PartSchema = z.discriminatedUnion("kind", [
  TextPartSchema,
  MediaPartSchema,
  FunctionCallPartSchema,
  FunctionResponsePartSchema,
  ThoughtPartSchema,
  ExecutableCodePartSchema,
  CodeExecutionResultPartSchema,
]);

export type Part = z.infer<typeof PartSchema>;
export type PartKind = Part["kind"];
export type TextPart = z.infer<typeof TextPartSchema>;
export type MediaPart = z.infer<typeof MediaPartSchema>;
export type FunctionCallPart = z.infer<typeof FunctionCallPartSchema>;
export type FunctionResponsePart = z.infer<typeof FunctionResponsePartSchema>;
export type ThoughtPart = z.infer<typeof ThoughtPartSchema>;
export type ExecutableCodePart = z.infer<typeof ExecutableCodePartSchema>;
export type CodeExecutionResultPart = z.infer<typeof CodeExecutionResultPartSchema>;
