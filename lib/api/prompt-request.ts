import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listModels } from "@/lib/gemini/models";
import { readJsonBody } from "@/lib/http/read-json";
import { log } from "@/lib/log";
import { canRun } from "@/lib/models/types";
import { describeIssues, type PromptDoc, parsePromptDoc } from "@/lib/prompt";

/**
 * Read, validate and vet a prompt document from a request body. Bad input stops here, before
 * it can reach (or spend quota at) Gemini.
 */
export async function readPromptDoc(request: Request): Promise<PromptDoc> {
  const json = await readJsonBody(request, serverEnv().maxBodyBytes);
  const parsed = parsePromptDoc(json);
  if (!parsed.ok) {
    throw new AppError({
      code: "bad_request:prompt",
      status: 400,
      field: parsed.issues[0]?.field,
      message: `The prompt is invalid: ${describeIssues(parsed.issues)}.`,
    });
  }
  await assertRunnableModel(parsed.value.model);
  return parsed.value;
}

export async function assertRunnableModel(id: string): Promise<void> {
  let models: Awaited<ReturnType<typeof listModels>>;
  try {
    models = await listModels();
  } catch (error) {
    // A gateway without a model list must not block runs: Gemini will judge the model itself.
    log("warn", "model list unavailable; not checking the model", {
      model: id,
      error: String(error),
    });
    return;
  }
  const model = models.find((m) => m.id === id);
  if (!model) {
    throw new AppError({
      code: "bad_request:model",
      status: 400,
      field: "model",
      message: `Unknown model "${id}". Choose one from the model list.`,
    });
  }
  if (!canRun(model)) {
    throw new AppError({
      code: "bad_request:model",
      status: 400,
      field: "model",
      message: `${model.displayName} (${id}) cannot be run here: it answers neither generateContent nor generateImages.`,
    });
  }
}
