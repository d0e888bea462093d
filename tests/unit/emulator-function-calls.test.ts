import { describe, expect, it } from "vitest";
import {
  chooseFunctions,
  declaredFunctions,
  type FunctionDecl,
  functionResponseLines,
} from "@/lib/emulator/native/function-calls";

const decls: FunctionDecl[] = declaredFunctions([
  { googleSearch: {} },
  {
    functionDeclarations: [
      { name: "get_time", description: "Current time in a timezone" },
      {
        name: "get_weather",
        description: "Forecast for a city",
        parametersJsonSchema: { type: "object" },
      },
      {
        name: "bookFlight",
        description: "Reserve seats on a plane",
        parameters: { type: "OBJECT" },
      },
    ],
  },
]);

const auto = { mode: "AUTO", allowed: [] };
const names = (chosen: { decl: FunctionDecl }[]) => chosen.map((c) => c.decl.name);

describe("function choice", () => {
  it("reads declarations from every tool, with either schema field", () => {
    expect(decls.map((d) => [d.name, d.schema])).toEqual([
      ["get_time", undefined],
      ["get_weather", { type: "object" }],
      ["bookFlight", { type: "OBJECT" }],
    ]);
  });

  it("picks the function the prompt names, by name, name part or description word", () => {
    expect(names(chooseFunctions(decls, auto, "please run get_weather", 1))).toEqual([
      "get_weather",
    ]);
    expect(names(chooseFunctions(decls, auto, "What's the forecast for Oslo?", 1))).toEqual([
      "get_weather",
    ]);
    expect(names(chooseFunctions(decls, auto, "I need a flight to Rome", 1))).toEqual([
      "bookFlight",
    ]);
    expect(names(chooseFunctions(decls, auto, "Hello there", 1))).toEqual(["get_time"]);
  });

  it("restricts ANY mode to allowedFunctionNames and ignores the list in AUTO", () => {
    const any = { mode: "ANY", allowed: ["bookFlight", "get_time"] };
    expect(names(chooseFunctions(decls, any, "forecast please", 2))).toEqual([
      "get_time",
      "bookFlight",
    ]);
    expect(names(chooseFunctions(decls, { ...any, mode: "AUTO" }, "forecast please", 1))).toEqual([
      "get_weather",
    ]);
  });

  it("makes N parallel calls: distinct functions first, then repeats with a new shift", () => {
    const chosen = chooseFunctions(decls, auto, "forecast", 5);
    expect(names(chosen)).toEqual([
      "get_weather",
      "get_time",
      "bookFlight",
      "get_weather",
      "get_time",
    ]);
    expect(chosen.map((c) => c.shift)).toEqual([0, 0, 0, 1, 1]);
  });
});

describe("function response echo", () => {
  it("quotes each response's name and compact JSON", () => {
    const lines = functionResponseLines({
      role: "user",
      parts: [
        { functionResponse: { name: "get_weather", response: { temp: 21, sky: "clear" } } },
        { functionResponse: { name: "get_time", response: { note: "use `UTC`" } } },
      ],
    });
    expect(lines).toEqual([
      '- Function response: get_weather returned `{"temp":21,"sky":"clear"}`',
      '- Function response: get_time returned `` {"note":"use `UTC`"} ``',
    ]);
  });
});
