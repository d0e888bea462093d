/**
 * Grounding with Google Maps, offline: three invented places near the request's location (its
 * `toolConfig.retrievalConfig.latLng`, when given), a "Places nearby" section that grounding
 * supports point at, and chunks shaped as https://ai.google.dev/gemini-api/docs/maps-grounding
 * documents them: `{maps: {uri, title, placeId}}`, with `googleMapsWidgetContextToken` (a
 * `widgetcontent/…` resource name) when the tool asks for it with `enableWidget: true`
 * (GoogleMaps.enable_widget in the v1beta reference). Links go to a reserved example domain,
 * never to Google, in the `?cid=` form Maps uses.
 */
import { fnv1a, hex8 } from "@/lib/emulator/hash";
import { isSchemaObject } from "@/lib/emulator/schema/schema-node";
import type { GenerateRequest } from "@/lib/emulator/types";
import type { GroundedSentence, Source } from "./grounding";
import { promptWords } from "./prompt-words";

export interface MapsPlan {
  sources: Source[];
  sentences: GroundedSentence[];
  section: string;
  widgetToken?: string;
  toolUseTokens: number;
}

const PLACE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** `ChIJ` and 23 more characters, the length and prefix Google place ids have. */
function placeId(seed: string): string {
  let id = "ChIJ";
  for (let i = 0; id.length < 27; i++) {
    id += PLACE_ID_ALPHABET[fnv1a(`${seed}/${i}`) % PLACE_ID_ALPHABET.length];
  }
  return `places/${id}`;
}

function widgetRequested(request: GenerateRequest): boolean {
  return (request.tools ?? []).some(
    (tool) =>
      isSchemaObject(tool) &&
      isSchemaObject(tool.googleMaps) &&
      tool.googleMaps.enableWidget === true,
  );
}

function near(request: GenerateRequest): string {
  const latLng = request.toolConfig?.retrievalConfig?.latLng;
  const { latitude, longitude } = latLng ?? {};
  return typeof latitude === "number" && typeof longitude === "number"
    ? `near ${latitude.toFixed(4)}, ${longitude.toFixed(4)}`
    : "near the place the question names";
}

export function planMaps(
  userText: string,
  fingerprint: string,
  request: GenerateRequest,
): MapsPlan {
  const words = promptWords(userText).slice(0, 2).join(" ");
  const topic = words.charAt(0).toUpperCase() + words.slice(1);
  const names = [`${topic} Corner`, `The ${topic} House`, `${topic} & Co.`];
  const sources: Source[] = names.map((title, index) => ({
    title,
    uri: `https://maps.example.com/?cid=${fnv1a(`${fingerprint}/cid/${index}`)}${hex8(index)}`,
    placeId: placeId(`${fingerprint}/${index}`),
  }));
  const sentences: GroundedSentence[] = [
    {
      text: `${names[0]} is the closest match ${near(request)}, about a ten-minute walk away.`,
      chunks: [0],
    },
    { text: `${names[1]} and ${names[2]} are open late and well reviewed.`, chunks: [1, 2] },
    { text: "The emulator invented these places; no map was searched.", chunks: [] },
  ];
  const widget = widgetRequested(request);
  return {
    sources,
    sentences,
    section: ["### Places nearby", "", sentences.map((sentence) => sentence.text).join(" ")].join(
      "\n",
    ),
    ...(widget && { widgetToken: `widgetcontent/${btoa(`emulator-${fingerprint}`)}` }),
    toolUseTokens: 64 + 48 * sources.length,
  };
}
