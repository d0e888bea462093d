import {
  type AspectRatio,
  adaptToModel,
  type Modality,
  type ResponseMimeType,
  type SettingAdjustment,
} from "@/lib/models/capabilities";
import type { FunctionDeclaration, RunConfig, ToolsConfig } from "@/lib/prompt/config";
import { isResearchAgent } from "@/lib/wire/model-kind";
import { catalogCapabilities } from "./catalog-slice";
import type { ModelSource } from "./draft-slice";
import type { PlaygroundState, SliceCreator } from "./types";

type Thinking = NonNullable<RunConfig["thinking"]>;
type SpeakerVoice = NonNullable<RunConfig["speech"]>["voices"][number];
type SpeakerPair = [SpeakerVoice, SpeakerVoice];
/** One voice, or two named speakers with a voice each (Gemini's multi-speaker speech). */
export type SpeakerMode = "single" | "multi";
type Safety = NonNullable<RunConfig["safetySettings"]>[number];
export type HarmCategory = Safety["category"];
export type HarmThreshold = Safety["threshold"];
export type BuiltInTool = "googleSearch" | "codeExecution" | "urlContext";
export type FunctionCallingMode = NonNullable<ToolsConfig["functionCallingMode"]>;
/** Settings with a single plain value; the rest have their own intent-named actions. */
export type ScalarSetting =
  | "topP"
  | "topK"
  | "maxOutputTokens"
  | "stopSequences"
  | "seed"
  | "presencePenalty"
  | "frequencyPenalty"
  | "mediaResolution"
  | "numberOfImages"
  | "api"
  | "background"
  | "store";

/** What AI Studio starts a two-speaker script with. */
export const DEFAULT_SPEAKER_VOICES = ["Zephyr", "Puck"] as const;

/** Said once after a model change that had to leave settings out or move them into range. */
export interface ModelNotice {
  model: string;
  modelName: string;
  dropped: string[];
  adjusted: SettingAdjustment[];
}

/**
 * Switched-off structured output and function declarations, kept for this tab so switching back
 * on restores them. They can't stay in the document: whatever is there is sent.
 */
interface Parked {
  responseSchema?: Record<string, unknown>;
  functions?: Pick<
    ToolsConfig,
    "functionDeclarations" | "functionCallingMode" | "allowedFunctionNames"
  >;
  /** The two speakers, while the single-speaker mode is on. */
  speakers?: SpeakerPair;
}

export interface RunSettingsSlice {
  modelNotice: ModelNotice | null;
  parked: Parked;
  /**
   * The one way the draft's model changes: the settings are kept runnable on it (`adaptToModel`
   * drops what it can't take and moves values, temperature included, into its range), and a
   * notice says what changed. `source` is "default" when the page picks the model by itself;
   * only a person's pick ("user", the default) is kept over the page's later choices.
   */
  changeModel: (model: string, source?: ModelSource) => void;
  dismissModelNotice: () => void;
  /** `undefined` removes the setting: the model's default applies. */
  setSetting: <K extends ScalarSetting>(key: K, value: RunConfig[K] | undefined) => void;
  /** Merges into `config.thinking`; `undefined` fields are removed, and an empty object with them. */
  setThinking: (patch: Partial<Thinking>) => void;
  setSafetyThreshold: (category: HarmCategory, threshold: HarmThreshold | undefined) => void;
  setResponseMimeType: (mime: ResponseMimeType | undefined) => void;
  setStructuredOutput: (on: boolean) => void;
  setResponseSchema: (schema: Record<string, unknown> | undefined) => void;
  setBuiltInTool: (tool: BuiltInTool, on: boolean) => void;
  setFunctionCalling: (on: boolean) => void;
  setFunctionDeclarations: (declarations: FunctionDeclaration[]) => void;
  setFunctionCallingMode: (mode: FunctionCallingMode | undefined) => void;
  setAllowedFunctionNames: (names: string[] | undefined) => void;
  /** Image models' output; `undefined` is what the model does by default (text and images). */
  setResponseModalities: (modalities: Modality[] | undefined) => void;
  setAspectRatio: (ratio: AspectRatio | undefined) => void;
  /** Switching keeps Speaker 1's voice as the single voice and parks the two speakers. */
  setSpeakerMode: (mode: SpeakerMode) => void;
  /** Speaker `index`'s voice; with one speaker, `undefined` leaves the voice to the model. */
  setSpeakerVoice: (index: number, voice: string | undefined) => void;
  /** A blank name is left out: the speaker is called "Speaker N", as the panel shows. */
  setSpeakerName: (index: number, name: string) => void;
  /** Back to every model default; the model, system instruction and conversation stay. */
  resetRunSettings: () => void;
}

/** `obj` with `key` set to `value`, or without `key` when `value` is undefined (= model default). */
const withValue = <T extends object, K extends keyof T>(
  obj: T,
  key: K,
  value: T[K] | undefined,
): T => {
  const { [key]: _previous, ...rest } = obj;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
};

const STRUCTURED: readonly (ResponseMimeType | undefined)[] = ["application/json", "text/x.enum"];

/**
 * Deep Research takes the conversation and its research tools alone, and runs only in the
 * background through the Interactions API: the model's settings and functions are set aside
 * (and said so), the door and the background set.
 */
function forResearchAgent(
  adapted: ReturnType<typeof adaptToModel>,
): ReturnType<typeof adaptToModel> {
  const { api: _, background: __, ...settings } = adapted.config;
  const {
    functionDeclarations,
    functionCallingMode: ___,
    allowedFunctionNames: ____,
    ...tools
  } = adapted.tools;
  const dropped = [...adapted.dropped];
  if (Object.values(settings).some((value) => value !== undefined)) dropped.push("Run settings");
  if (functionDeclarations?.length) dropped.push("Function declarations");
  return { ...adapted, config: { api: "interactions", background: true }, tools, dropped };
}

export const createRunSettingsSlice: SliceCreator<RunSettingsSlice> = (set) => {
  const setConfig = (update: (config: RunConfig) => RunConfig) =>
    set((s) => ({ draft: { ...s.draft, config: update(s.draft.config) } }));
  const setTools = (update: (tools: ToolsConfig) => ToolsConfig) =>
    set((s) => ({ draft: { ...s.draft, tools: update(s.draft.tools) } }));

  return {
    modelNotice: null,
    parked: {},

    changeModel: (model, source = "user") =>
      set((s) => {
        const caps = catalogCapabilities(s, model);
        const adapted = adaptToModel(s.draft.config, s.draft.tools, caps);
        // Deep Research runs only in the background through the Interactions API.
        const kept = isResearchAgent(model) ? forResearchAgent(adapted) : adapted;
        const changed = kept.dropped.length > 0 || kept.adjusted.length > 0;
        // A person's pick answers any earlier notice; the page's own pick says something only
        // when it had to change a setting.
        const untouched = source === "user" ? null : s.modelNotice;
        return {
          draft: { ...s.draft, model, config: kept.config, tools: kept.tools },
          modelSource: source,
          modelNotice: changed
            ? { model, modelName: caps.displayName, dropped: kept.dropped, adjusted: kept.adjusted }
            : untouched,
        };
      }),

    dismissModelNotice: () => set({ modelNotice: null }),

    setSetting: (key, value) => setConfig((config) => withValue(config, key, value)),

    setThinking: (patch) =>
      setConfig((config) => {
        const thinking = Object.fromEntries(
          Object.entries({ ...config.thinking, ...patch }).filter(([, v]) => v !== undefined),
        ) as Thinking;
        return withValue(config, "thinking", Object.keys(thinking).length ? thinking : undefined);
      }),

    setSafetyThreshold: (category, threshold) =>
      setConfig((config) => {
        const others = (config.safetySettings ?? []).filter((x) => x.category !== category);
        const list = threshold ? [...others, { category, threshold }] : others;
        return withValue(config, "safetySettings", list.length ? list : undefined);
      }),

    setResponseMimeType: (mime) =>
      set((s) => {
        const { responseSchema } = s.draft.config;
        let config = withValue(s.draft.config, "responseMimeType", mime);
        let parked = s.parked;
        // A schema needs a structured MIME type; Gemini rejects one sent with text/plain.
        if (!STRUCTURED.includes(mime) && responseSchema) {
          config = withValue(config, "responseSchema", undefined);
          parked = { ...parked, responseSchema };
        } else if (STRUCTURED.includes(mime) && !responseSchema && parked.responseSchema) {
          config = { ...config, responseSchema: parked.responseSchema };
          parked = withValue(parked, "responseSchema", undefined);
        }
        return { draft: { ...s.draft, config }, parked };
      }),

    setStructuredOutput: (on) => set((s) => structuredPatch(s, on)),

    setResponseSchema: (schema) =>
      setConfig((config) => withValue(config, "responseSchema", schema)),

    setBuiltInTool: (tool, on) => setTools((tools) => withValue(tools, tool, on || undefined)),

    setFunctionCalling: (on) =>
      set((s) => {
        const { functionDeclarations, functionCallingMode, allowedFunctionNames, ...rest } =
          s.draft.tools;
        if (!on) {
          const functions = { functionDeclarations, functionCallingMode, allowedFunctionNames };
          return { draft: { ...s.draft, tools: rest }, parked: { ...s.parked, functions } };
        }
        const restored = s.parked.functions ?? {};
        const tools = { ...rest, functionDeclarations: [], ...defined(restored) };
        return {
          draft: { ...s.draft, tools },
          parked: withValue(s.parked, "functions", undefined),
        };
      }),

    setFunctionDeclarations: (functionDeclarations) =>
      setTools((tools) => {
        const names = new Set(functionDeclarations.map((f) => f.name));
        const allowed = tools.allowedFunctionNames?.filter((n) => names.has(n));
        return withValue(
          { ...tools, functionDeclarations },
          "allowedFunctionNames",
          allowed?.length ? allowed : undefined,
        );
      }),

    setFunctionCallingMode: (mode) =>
      setTools((tools) => {
        const next = withValue(tools, "functionCallingMode", mode);
        // Allowed names only mean something in ANY mode; kept elsewhere they would look active.
        return mode === "ANY" ? next : withValue(next, "allowedFunctionNames", undefined);
      }),

    setAllowedFunctionNames: (names) =>
      setTools((tools) =>
        withValue(tools, "allowedFunctionNames", names?.length ? names : undefined),
      ),

    setResponseModalities: (modalities) =>
      setConfig((config) =>
        withValue(config, "responseModalities", modalities?.length ? modalities : undefined),
      ),

    setAspectRatio: (ratio) => setConfig((config) => withValue(config, "imageAspectRatio", ratio)),

    setSpeakerMode: (mode) => set((s) => speakerModePatch(s, mode)),

    setSpeakerVoice: (index, voice) =>
      setConfig((config) => {
        const voices = config.speech?.voices ?? [];
        if (voices.length < 2) {
          return withValue(config, "speech", voice ? { voices: [{ voice }] } : undefined);
        }
        // Each of two speakers needs a voice: there is no "default" to go back to.
        if (!voice || !voices[index]) return config;
        const next = voices.map((v, i) => (i === index ? { ...v, voice } : v));
        return { ...config, speech: { voices: next } };
      }),

    setSpeakerName: (index, name) =>
      setConfig((config) => {
        const voices = config.speech?.voices;
        if (!voices?.[index] || voices.length < 2) return config;
        const speaker = name.trim() ? name : undefined;
        const next = voices.map((v, i) => (i === index ? withValue(v, "speaker", speaker) : v));
        return { ...config, speech: { voices: next } };
      }),

    resetRunSettings: () =>
      set((s) => ({ draft: { ...s.draft, config: {}, tools: {} }, parked: {}, modelNotice: null })),
  };
};

function structuredPatch(s: PlaygroundState, on: boolean): Partial<PlaygroundState> {
  const { responseSchema } = s.draft.config;
  if (!on) {
    let config = withValue(s.draft.config, "responseMimeType", undefined);
    config = withValue(config, "responseSchema", undefined);
    const parked = responseSchema ? { ...s.parked, responseSchema } : s.parked;
    return { draft: { ...s.draft, config }, parked };
  }
  const schema = responseSchema ?? s.parked.responseSchema;
  const config: RunConfig = { ...s.draft.config, responseMimeType: "application/json" };
  if (schema) config.responseSchema = schema;
  return {
    draft: { ...s.draft, config },
    parked: withValue(s.parked, "responseSchema", undefined),
  };
}

function speakerModePatch(s: PlaygroundState, mode: SpeakerMode): Partial<PlaygroundState> {
  const [first, second] = s.draft.config.speech?.voices ?? [];
  if ((mode === "multi") === (second !== undefined)) return {};
  if (mode === "single" && first && second) {
    const config = { ...s.draft.config, speech: { voices: [{ voice: first.voice }] } };
    return { draft: { ...s.draft, config }, parked: { ...s.parked, speakers: [first, second] } };
  }
  // Speaker 1 takes the single voice; names and Speaker 2 come back from the parked pair, or
  // start as AI Studio's.
  const [one, two]: SpeakerPair = s.parked.speakers ?? [
    { voice: DEFAULT_SPEAKER_VOICES[0] },
    { voice: DEFAULT_SPEAKER_VOICES[1] },
  ];
  const voices = [{ ...one, voice: first?.voice ?? one.voice }, two];
  return {
    draft: { ...s.draft, config: { ...s.draft.config, speech: { voices } } },
    parked: withValue(s.parked, "speakers", undefined),
  };
}

function defined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
