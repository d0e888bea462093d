/**
 * GET models and GET models/{id}, in OpenAI's list shape but with Google's names: every catalogue
 * model, in the native listing order, unpaged, as `{"id": "models/gemini-2.5-flash", "object":
 * "model", "owned_by": "google"}`: the id keeps the `models/` prefix and there is no `created`
 * (a client's fixture of the live listing: `{"id":"models/gemini-2.0-flash","object":"model",
 * "owned_by":"google"}`; EKKOLearnAI/hermes-studio#1510 and OpenCoworkAI/open-codesign#186 strip
 * the prefix before using the ids elsewhere). A model id is found with or without the prefix; an
 * unknown one is the native 404 "Model is not found: models/X for api version v1beta".
 */
import { catalogueSize, findModel, listModels } from "@/lib/emulator/catalogue/catalogue";
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue-entry";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { ApiVersion, JsonObject } from "@/lib/emulator/types";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";
import { compatJsonResponse } from "./compat-json";

function compatModel(model: CatalogueModel): JsonObject {
  return { id: model.name, object: "model", owned_by: "google" };
}

function ok(entry: RequestLogHandle, body: JsonObject): Response {
  entry.respond(200);
  entry.finish("ok");
  return compatJsonResponse(body, entry.id);
}

export function listCompatModels(entry: RequestLogHandle): Response {
  const { models } = listModels(String(catalogueSize()), null);
  return ok(entry, { data: models.map(compatModel), object: "list" });
}

export function getCompatModel(id: string, version: ApiVersion, entry: RequestLogHandle): Response {
  const bare = id.replace(/^models\//, "");
  entry.setModel(bare);
  const model = findModel(bare);
  if (!model) {
    throw new EmulatorApiError(
      404,
      `Model is not found: models/${bare} for api version ${version}`,
    );
  }
  return ok(entry, compatModel(model));
}
