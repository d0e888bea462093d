export * from "./config";
export * from "./limits";
export * from "./parse";
export * from "./parts";
export * from "./schema";
export * from "./text";
