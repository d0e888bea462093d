/**
 * The shape of a catalogue entry and a builder that emits fields in the order and with the presence
 * the real `models.list` uses: sampling fields are absent for embedding, Imagen and Veo models, image
 * models cap temperature at 1, and `thinking` appears only on models that think.
 */
export interface CatalogueModel {
  name: string;
  version: string;
  displayName: string;
  description: string;
  inputTokenLimit: number;
  outputTokenLimit: number;
  supportedGenerationMethods: string[];
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTemperature?: number;
  thinking?: boolean;
}

export const CHAT_METHODS = [
  "generateContent",
  "countTokens",
  "createCachedContent",
  "batchGenerateContent",
];
export const IMAGE_METHODS = ["generateContent", "countTokens", "batchGenerateContent"];

type Basics = Pick<CatalogueModel, "version" | "displayName" | "description">;

export function model(
  id: string,
  basics: Basics,
  limits: [input: number, output: number],
  methods: string[],
  sampling?: { topK?: number; maxTemperature?: number; thinking?: boolean },
): CatalogueModel {
  const entry: CatalogueModel = {
    name: `models/${id}`,
    ...basics,
    inputTokenLimit: limits[0],
    outputTokenLimit: limits[1],
    supportedGenerationMethods: methods,
  };
  if (!sampling) return entry;
  entry.temperature = 1;
  entry.topP = 0.95;
  entry.topK = sampling.topK ?? 64;
  entry.maxTemperature = sampling.maxTemperature ?? 2;
  if (sampling.thinking) entry.thinking = true;
  return entry;
}

export const MILLION: [number, number] = [1048576, 65536];
export const THINKS = { thinking: true };
