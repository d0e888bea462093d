import { describe, expect, it } from "vitest";
import type { FunctionCallPart, Turn } from "@/lib/prompt";
import {
  functionResponseTurn,
  isEmptyTurn,
  parseFunctionResponse,
  pendingFunctionCalls,
  replaceTurnText,
  turnText,
} from "@/lib/run/turns";

const signedModelTurn: Turn = {
  role: "model",
  parts: [
    { kind: "thought", text: "plan" },
    { kind: "text", text: "Hello ", thoughtSignature: "c2lnLTE=" },
    { kind: "text", text: "world." },
    { kind: "functionCall", name: "lookup", args: { q: "x" }, thoughtSignature: "c2lnLTI=" },
    { kind: "text", text: "", thoughtSignature: "dGFpbA==" },
  ],
};

describe("turnText and replaceTurnText", () => {
  it("joins the prose, leaving thoughts out", () => {
    expect(turnText(signedModelTurn)).toBe("Hello world.");
  });

  it("puts the new text in the first text part, keeping signatures, calls and the signed tail", () => {
    expect(replaceTurnText(signedModelTurn, "Bonjour.")).toEqual({
      role: "model",
      parts: [
        { kind: "thought", text: "plan" },
        { kind: "text", text: "Bonjour.", thoughtSignature: "c2lnLTE=" },
        { kind: "functionCall", name: "lookup", args: { q: "x" }, thoughtSignature: "c2lnLTI=" },
        { kind: "text", text: "", thoughtSignature: "dGFpbA==" },
      ],
    });
  });

  it("adds prose to a turn without any, and removes it when emptied", () => {
    const callsOnly: Turn = {
      role: "model",
      parts: [{ kind: "functionCall", name: "f", args: {} }],
    };
    expect(replaceTurnText(callsOnly, "Note").parts.at(-1)).toEqual({ kind: "text", text: "Note" });
    const plain: Turn = { role: "user", parts: [{ kind: "text", text: "Hi" }] };
    expect(replaceTurnText(plain, "").parts).toEqual([]);
    expect(isEmptyTurn(replaceTurnText(plain, ""))).toBe(true);
    expect(isEmptyTurn(callsOnly)).toBe(false);
  });
});

describe("function responses", () => {
  const calls: FunctionCallPart[] = [
    {
      kind: "functionCall",
      id: "c-1",
      name: "get_weather",
      args: { city: "Oslo" },
      thoughtSignature: "c2ln",
    },
    { kind: "functionCall", name: "get_time", args: {} },
  ];

  it("finds the calls of a trailing model turn only", () => {
    const model: Turn = {
      role: "model",
      parts: [{ kind: "text", text: "Let me check." }, ...calls],
    };
    expect(pendingFunctionCalls([model])).toEqual(calls);
    expect(pendingFunctionCalls([model, { role: "user", parts: [] }])).toEqual([]);
    expect(pendingFunctionCalls([])).toEqual([]);
  });

  it("accepts only JSON objects as results", () => {
    expect(parseFunctionResponse('{"temp": 21}')).toEqual({ ok: true, value: { temp: 21 } });
    expect(parseFunctionResponse("")).toMatchObject({ ok: false });
    expect(parseFunctionResponse("{temp: 21}")).toMatchObject({
      ok: false,
      message: /Not valid JSON/,
    });
    expect(parseFunctionResponse("[1]")).toMatchObject({ ok: false, message: /JSON object/ });
    expect(parseFunctionResponse("42")).toMatchObject({ ok: false });
  });

  it("answers parallel calls in one user turn, in order, with ids where the calls had them", () => {
    expect(functionResponseTurn(calls, [{ temp: 21 }, { time: "12:00" }])).toEqual({
      role: "user",
      parts: [
        { kind: "functionResponse", id: "c-1", name: "get_weather", response: { temp: 21 } },
        { kind: "functionResponse", name: "get_time", response: { time: "12:00" } },
      ],
    });
  });
});
