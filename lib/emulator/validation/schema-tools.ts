/**
 * Tools, function declarations, the OpenAPI-subset `Schema` and the tool config, from
 * google/ai/generativelanguage/v1beta/content.proto (googleapis) and the SDK's `toolToMldev`
 * (@google/genai 3.3). `Schema` is a proto message, so JSON-Schema keywords it lacks
 * (`additionalProperties`, `$schema`, `const`, `exclusiveMinimum`, `propertyNames`, a list as
 * `type`…) are refused like any unknown field, the most reported Gemini 400 of all, e.g.
 * zed-industries/zed#43231, zed-industries/zed#44875, openswarm-ai/openswarm#24,
 * zed-industries/zed#53919. `parametersJsonSchema` / `responseJsonSchema` are
 * google.protobuf.Value and take any JSON Schema.
 */
import {
  bool,
  double,
  duration,
  enumOf,
  float,
  int32,
  int64,
  type MessageSpec,
  mapOf,
  message,
  repeated,
  sdk,
  string,
  stringMap,
  timestamp,
  value,
} from "./schema-spec";

const PROTO = "googleapis google/ai/generativelanguage/v1beta/content.proto";
const TOOL_TO_MLDEV = "@google/genai 3.3 toolToMldev";

export const TOOL_MESSAGES: { [name: string]: MessageSpec } = {
  Tool: {
    typeName: "Tool",
    // retrieval, enterpriseWebSearch, exaAiSearch and parallelAiSearch are Vertex's: the SDK's
    // toolToMldev throws on them.
    fields: {
      functionDeclarations: repeated(message("FunctionDeclaration")),
      googleSearchRetrieval: message("GoogleSearchRetrieval"),
      codeExecution: message("CodeExecution"),
      googleSearch: message("GoogleSearch"),
      computerUse: message("ComputerUse"),
      urlContext: message("UrlContext"),
      fileSearch: message("FileSearch"),
      googleMaps: message("GoogleMaps"),
      mcpServers: sdk(repeated(message("McpServer")), TOOL_TO_MLDEV),
    },
    source: `${PROTO}; ${TOOL_TO_MLDEV}`,
  },
  FunctionDeclaration: {
    typeName: "FunctionDeclaration",
    fields: {
      name: string(),
      description: string(),
      parameters: message("Schema"),
      parametersJsonSchema: value(),
      response: message("Schema"),
      responseJsonSchema: value(),
      behavior: enumOf("Behavior"),
    },
    source: PROTO,
  },
  Schema: {
    typeName: "Schema",
    fields: {
      type: enumOf("Type"),
      format: string(),
      title: string(),
      description: string(),
      nullable: bool(),
      enum: repeated(string()),
      items: message("Schema"),
      maxItems: int64(),
      minItems: int64(),
      properties: mapOf("Schema"),
      required: repeated(string()),
      minProperties: int64(),
      maxProperties: int64(),
      minimum: double(),
      maximum: double(),
      minLength: int64(),
      maxLength: int64(),
      pattern: string(),
      example: value(),
      anyOf: repeated(message("Schema")),
      propertyOrdering: repeated(string()),
      default: value(),
    },
    source: PROTO,
  },
  GoogleSearchRetrieval: {
    typeName: "GoogleSearchRetrieval",
    fields: { dynamicRetrievalConfig: message("DynamicRetrievalConfig") },
    source: PROTO,
  },
  DynamicRetrievalConfig: {
    typeName: "DynamicRetrievalConfig",
    fields: { mode: enumOf("DynamicRetrievalMode"), dynamicThreshold: float() },
    source: PROTO,
  },
  CodeExecution: { typeName: "CodeExecution", fields: {}, source: PROTO },
  UrlContext: { typeName: "UrlContext", fields: {}, source: PROTO },
  GoogleSearch: {
    typeName: "Tool.GoogleSearch",
    // blockingConfidence and excludeDomains are Vertex's: googleSearchToMldev throws on them.
    fields: {
      timeRangeFilter: message("Interval"),
      searchTypes: sdk(message("SearchTypes"), "@google/genai 3.3 googleSearchToMldev"),
    },
    source: PROTO,
  },
  Interval: {
    typeName: "google.type.Interval",
    fields: { startTime: timestamp(), endTime: timestamp() },
    source: "googleapis google/type/interval.proto",
  },
  SearchTypes: {
    typeName: "SearchTypes",
    fields: { webSearch: message("WebSearch"), imageSearch: message("ImageSearch") },
    source: "@google/genai 3.3 SearchTypes",
  },
  WebSearch: { typeName: "WebSearch", fields: {}, source: "@google/genai 3.3 WebSearch" },
  ImageSearch: { typeName: "ImageSearch", fields: {}, source: "@google/genai 3.3 ImageSearch" },
  ComputerUse: {
    typeName: "Tool.ComputerUse",
    fields: {
      environment: enumOf("Environment"),
      excludedPredefinedFunctions: repeated(string()),
      enablePromptInjectionDetection: sdk(bool(), "@google/genai 3.3 ComputerUse"),
      // SafetyPolicy values, read as plain strings.
      disabledSafetyPolicies: sdk(repeated(string()), "@google/genai 3.3 ComputerUse"),
    },
    source: PROTO,
  },
  FileSearch: {
    typeName: "FileSearch",
    fields: {
      fileSearchStoreNames: sdk(repeated(string()), "@google/genai 3.3 FileSearch"),
      metadataFilter: sdk(string(), "@google/genai 3.3 FileSearch"),
      topK: sdk(int32(), "@google/genai 3.3 FileSearch"),
      retrievalResources: repeated(message("RetrievalResource")),
      retrievalConfig: message("FileSearchRetrievalConfig"),
    },
    source: PROTO,
  },
  RetrievalResource: {
    typeName: "FileSearch.RetrievalResource",
    fields: { ragStoreName: string() },
    source: PROTO,
  },
  FileSearchRetrievalConfig: {
    typeName: "FileSearch.RetrievalConfig",
    fields: { topK: int32(), metadataFilter: string() },
    source: PROTO,
  },
  GoogleMaps: {
    typeName: "GoogleMaps",
    fields: {
      enableWidget: bool(),
      authConfig: sdk(message("AuthConfig"), "@google/genai 3.3 googleMapsToMldev"),
    },
    source: PROTO,
  },
  AuthConfig: {
    typeName: "AuthConfig",
    // Everything but apiKey is Vertex's: authConfigToMldev throws on it.
    fields: { apiKey: string() },
    source: "@google/genai 3.3 authConfigToMldev",
  },
  McpServer: {
    typeName: "McpServer",
    fields: { name: string(), streamableHttpTransport: message("StreamableHttpTransport") },
    source: "@google/genai 3.3 McpServer",
  },
  StreamableHttpTransport: {
    typeName: "StreamableHttpTransport",
    fields: {
      headers: stringMap(),
      sseReadTimeout: duration(),
      terminateOnClose: bool(),
      timeout: duration(),
      url: string(),
    },
    source: "@google/genai 3.3 StreamableHttpTransport",
  },
  ToolConfig: {
    typeName: "ToolConfig",
    fields: {
      functionCallingConfig: message("FunctionCallingConfig"),
      retrievalConfig: message("RetrievalConfig"),
      includeServerSideToolInvocations: sdk(bool(), "@google/genai 3.3 toolConfigToMldev"),
    },
    source: `${PROTO}; toolConfigToMldev`,
  },
  FunctionCallingConfig: {
    typeName: "FunctionCallingConfig",
    // streamFunctionCallArguments is Vertex's: functionCallingConfigToMldev throws on it.
    fields: { mode: enumOf("FunctionCallingMode"), allowedFunctionNames: repeated(string()) },
    source: PROTO,
  },
  RetrievalConfig: {
    typeName: "RetrievalConfig",
    fields: { latLng: message("LatLng"), languageCode: string() },
    source: PROTO,
  },
  LatLng: {
    typeName: "google.type.LatLng",
    fields: { latitude: double(), longitude: double() },
    source: "googleapis google/type/latlng.proto",
  },
};
