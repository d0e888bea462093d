/**
 * Syntax highlighting off the main thread. Shiki compiles a grammar's regular expressions the
 * first time a language appears (100–200 ms) and tokenizes every code block; on the page's
 * thread that is enough to stall a streaming answer or the scrolling of a long conversation.
 * This worker runs Streamdown's own Shiki plugin — its caches and incremental tokenizing of
 * growing blocks included — and sends the tokens back.
 */
import { createCodePlugin } from "@streamdown/code";
import type { CodeHighlighterPlugin, HighlightOptions } from "streamdown";

export interface HighlightRequest {
  id: number;
  options: HighlightOptions;
}

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<HighlightRequest>) => void,
  ): void;
};

const plugin: CodeHighlighterPlugin = createCodePlugin();

scope.addEventListener("message", ({ data }) => {
  const { id, options } = data;
  const reply = (result: unknown) => scope.postMessage({ id, result });
  const ready = plugin.highlight(options, reply);
  if (ready) reply(ready);
});
