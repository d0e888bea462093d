import { z } from "zod";
import { PROMPT_LIMITS as L } from "./limits";

/**
 * Run settings: every generation setting the Gemini API offers. All optional — an absent value
 * means "the model's default", which is what the API does too, so a document never pins a
 * default that a later model might not accept.
 */
export const HARM_CATEGORIES = [
  "HARM_CATEGORY_HARASSMENT",
  "HARM_CATEGORY_HATE_SPEECH",
  "HARM_CATEGORY_SEXUALLY_EXPLICIT",
  "HARM_CATEGORY_DANGEROUS_CONTENT",
  "HARM_CATEGORY_CIVIC_INTEGRITY",
] as const;

export const HARM_THRESHOLDS = [
  "BLOCK_LOW_AND_ABOVE",
  "BLOCK_MEDIUM_AND_ABOVE",
  "BLOCK_ONLY_HIGH",
  "BLOCK_NONE",
  "OFF",
] as const;

export const ThinkingSchema = z.object({
  includeThoughts: z.boolean().optional(),
  /**
   * 2.5 family: -1 dynamic, 0 off (where the model allows it), or a token budget. No model takes
   * more than 32,768 (2.5 Pro); each model's own range is in lib/models/capabilities.ts.
   */
  budget: z.number().int().min(-1).max(32_768).optional(),
  /** Gemini 3 family. */
  level: z.enum(["minimal", "low", "medium", "high"]).optional(),
});

export const SpeakerVoiceSchema = z.object({
  speaker: z.string().min(1).max(64).optional(),
  voice: z.string().min(1).max(64),
});

/** The door a run goes through to the same models (lib/wire/api.ts); absent is the Gemini API. */
export const RUN_APIS = ["gemini", "interactions", "openai"] as const;

export const RunConfigSchema = z.object({
  api: z.enum(RUN_APIS).optional(),
  /** Interactions API: the run goes on on Google's side if the page closes, and is picked up again. */
  background: z.boolean().optional(),
  /**
   * Interactions API: Google keeps the conversation (`store`), and a follow-up sends only what is
   * new, with the previous interaction's id.
   */
  store: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().min(1).max(1_000).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  stopSequences: z
    .array(z.string().min(1).max(L.stopSequenceChars))
    .max(L.stopSequences)
    .optional(),
  seed: z.number().int().optional(),
  // Gemini takes penalties in [-2, 2): 2 itself is refused.
  presencePenalty: z.number().min(-2).lt(2).optional(),
  frequencyPenalty: z.number().min(-2).lt(2).optional(),
  responseMimeType: z.enum(["text/plain", "application/json", "text/x.enum"]).optional(),
  /** A JSON Schema object, sent as `responseJsonSchema`. */
  responseSchema: z.record(z.string(), z.unknown()).optional(),
  mediaResolution: z
    .enum(["MEDIA_RESOLUTION_LOW", "MEDIA_RESOLUTION_MEDIUM", "MEDIA_RESOLUTION_HIGH"])
    .optional(),
  safetySettings: z
    .array(z.object({ category: z.enum(HARM_CATEGORIES), threshold: z.enum(HARM_THRESHOLDS) }))
    .max(L.safetySettings)
    // Gemini refuses a category set twice ("Multiple safety settings with the same category.").
    .refine((settings) => new Set(settings.map((s) => s.category)).size === settings.length, {
      message: "each harm category may be set only once",
    })
    .optional(),
  thinking: ThinkingSchema.optional(),
  responseModalities: z
    .array(z.enum(["TEXT", "IMAGE", "AUDIO"]))
    .max(3)
    .optional(),
  speech: z.object({ voices: z.array(SpeakerVoiceSchema).min(1).max(2) }).optional(),
  /** Imagen only: pictures per run. */
  numberOfImages: z.number().int().min(1).max(4).optional(),
  imageAspectRatio: z
    .enum(["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"])
    .optional(),
});

export const FunctionDeclarationSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/, "must start with a letter or _ (max 64 chars)"),
  description: z.string().max(10_000).optional(),
  /** JSON Schema for the arguments, sent as `parametersJsonSchema`. */
  parameters: z.record(z.string(), z.unknown()).optional(),
});

export const ToolsConfigSchema = z.object({
  googleSearch: z.boolean().optional(),
  codeExecution: z.boolean().optional(),
  urlContext: z.boolean().optional(),
  functionDeclarations: z.array(FunctionDeclarationSchema).max(L.functionDeclarations).optional(),
  functionCallingMode: z.enum(["AUTO", "ANY", "NONE", "VALIDATED"]).optional(),
  allowedFunctionNames: z.array(z.string().max(64)).max(L.functionDeclarations).optional(),
});

export type RunConfig = z.infer<typeof RunConfigSchema>;
export type ToolsConfig = z.infer<typeof ToolsConfigSchema>;
export type FunctionDeclaration = z.infer<typeof FunctionDeclarationSchema>;
