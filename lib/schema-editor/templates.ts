/**
 * Starting points for the editors, as in AI Studio. Plain data: the editor shows them pretty-printed.
 */
export interface SchemaTemplate {
  name: string;
  /** The response MIME type the template is meant for. */
  mimeType: "application/json" | "text/x.enum";
  schema: Record<string, unknown>;
}

export const SCHEMA_TEMPLATES: readonly SchemaTemplate[] = [
  {
    name: "Object",
    mimeType: "application/json",
    schema: {
      type: "object",
      properties: {
        title: { type: "string", description: "A short title" },
        summary: { type: "string" },
        score: { type: "number", minimum: 0, maximum: 10 },
      },
      required: ["title", "summary"],
      propertyOrdering: ["title", "summary", "score"],
    },
  },
  {
    name: "List of items",
    mimeType: "application/json",
    schema: {
      type: "array",
      items: {
        type: "object",
        properties: {
          name: { type: "string" },
          quantity: { type: "integer", minimum: 1 },
        },
        required: ["name"],
      },
      minItems: 1,
    },
  },
  {
    name: "Enum",
    mimeType: "text/x.enum",
    schema: { type: "string", enum: ["Positive", "Neutral", "Negative"] },
  },
  {
    name: "Classification",
    mimeType: "application/json",
    schema: {
      type: "object",
      properties: {
        label: { type: "string", enum: ["bug", "feature", "question", "other"] },
        confidence: { type: "number", minimum: 0, maximum: 1 },
        reason: { type: "string" },
      },
      required: ["label", "confidence"],
    },
  },
];

export const FUNCTION_EXAMPLE = [
  {
    name: "get_weather",
    description: "Current weather for a city.",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string", description: "City name, e.g. Paris" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      },
      required: ["city"],
    },
  },
];

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);
