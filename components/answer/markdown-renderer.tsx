"use client";

import { memo, useCallback, useRef } from "react";
import {
  type Components,
  type ControlsConfig,
  defaultRehypePlugins,
  type LinkSafetyConfig,
  type MathPlugin,
  type PluginConfig,
  Streamdown,
  type StreamdownProps,
} from "streamdown";
import { groupedBlocks } from "./block-groups";
import type { Piece } from "./block-plan";
import { LargeBlock } from "./large-block";
import { AnswerLink, Span, Sup } from "./markdown-components";
import { needsMath } from "./math-syntax";
import { TableAwareBlock } from "./table-block";
import { useBlockPlan } from "./use-block-plan";
import { warmUpWhenIdle } from "./warm-up";
import { createWorkerCodePlugin } from "./worker-code-plugin";

type PluggableList = NonNullable<StreamdownProps["rehypePlugins"]>;
type Plugin = Extract<PluggableList[number], (...args: never[]) => unknown>;

/**
 * The markdown renderer, split into its own chunk with its plugins (see markdown.tsx); KaTeX is
 * handed in once loaded. Model output is untrusted, so its safety is configured here explicitly
 * rather than left to Streamdown's defaults, which allow every protocol and data: images:
 *
 * 1. raw      — HTML in the answer is parsed, so the sanitizer sees real elements, not text
 *               that a later step could turn back into markup;
 * 2. sanitize — GitHub's allow-list: no script, iframe, style, object, form or event-handler
 *               attributes; href only http(s)/mailto, src only http(s);
 * 3. harden   — a second check of every URL: javascript:, data:, vbscript:, file: never pass;
 *               and no images at all, because an image loads the moment it renders and a
 *               prompt-injected answer could leak the conversation through its URL.
 * Links open in a new tab without opener or referrer (markdown-components.tsx).
 */
type PluginTuple = [Plugin, Record<string, unknown>];
const [sanitize, githubSchema] = defaultRehypePlugins.sanitize as unknown as PluginTuple;
const [harden] = defaultRehypePlugins.harden as unknown as PluginTuple;
const schemaProtocols = (githubSchema.protocols ?? {}) as Record<string, string[]>;

const SCHEMA = {
  ...githubSchema,
  // Streamdown keys its processor cache by the plugins' options as JSON, for every block it
  // renders: the whole allow-list each time, unless it says what it is in a word.
  toJSON: () => "github-schema",
  protocols: {
    ...schemaProtocols,
    // `streamdown:` marks a link whose URL hasn't streamed in yet; it renders as plain text.
    href: ["http", "https", "mailto", "streamdown"],
    src: ["http", "https"],
  },
};

const SAFETY_PLUGINS: PluggableList = [
  [sanitize, SCHEMA],
  [
    harden,
    {
      allowedLinkPrefixes: ["*"],
      allowedImagePrefixes: [],
      allowDataImages: false,
      allowedProtocols: ["streamdown:"],
    },
  ],
];

/**
 * rehype-raw re-parses a block's whole tree through an HTML parser, which costs more than the
 * rest of its rendering; markdown without a `<` has no HTML for it to find, so only text with
 * one pays for it. (Without it Streamdown shows any HTML as text, and the sanitizer still runs.)
 */
const WITH_HTML: PluggableList = [
  // By identity: Streamdown escapes all HTML to text unless it finds rehype-raw itself here.
  defaultRehypePlugins.raw as Plugin,
  ...SAFETY_PLUGINS,
];
const rehypePluginsFor = (text: string) => (text.includes("<") ? WITH_HTML : SAFETY_PLUGINS);

/** Set once an answer has rendered: the warm-up's renders (warm-up.ts) are no longer needed. */
let anyRendered = false;
warmUpWhenIdle(
  (text) => <Chunk text={text} streaming={true} math={null} />,
  () => anyRendered,
);

const PLUGINS: PluginConfig = {
  // Shiki, run in a worker: grammar compiling and tokenizing never block the page.
  code: createWorkerCodePlugin(),
};

/** One config object per plugin set: a new object would re-render every memoized block. */
let withMath: { math: MathPlugin; plugins: PluginConfig } | null = null;

/** Only blocks that may hold math go through remark-math and KaTeX; the rest skip both steps. */
function pluginsFor(text: string, math: MathPlugin | null): PluginConfig {
  if (!math || !needsMath(text)) return PLUGINS;
  if (withMath?.math !== math) withMath = { math, plugins: { ...PLUGINS, math } };
  return withMath.plugins;
}

const CONTROLS: ControlsConfig = {
  code: { copy: true, download: false },
  table: { copy: true, download: false, fullscreen: false },
  mermaid: false,
  image: false,
};

// Links are real anchors opening in a new tab (markdown-components.tsx): once only http(s) and
// mailto URLs survive, an "are you sure?" interstitial adds nothing but a click.
const LINK_SAFETY: LinkSafetyConfig = { enabled: false };
const COMPONENTS: Components = { a: AnswerLink, span: Span, sup: Sup };

export interface MarkdownRendererProps {
  text: string;
  /** While streaming, unterminated markdown (an open code fence, half a table) is completed. */
  streaming: boolean;
  /** KaTeX once loaded; without it `$…$` stays text (markdown.tsx says when to wait for it). */
  math: MathPlugin | null;
}

/**
 * Always Streamdown's block mode, finished answers too: it splits the text into blocks rendered
 * as separate memoized components, so finishing an answer re-renders only its last block. Above
 * that, the answer is cut into pieces (block-plan.ts): settled pieces never re-render while it
 * streams, and a block too long to format on every update shows as its source text.
 */
export default function MarkdownRenderer({ text, streaming, math }: MarkdownRendererProps) {
  anyRendered = true;
  const { settled, tail } = useBlockPlan(text, streaming);
  // Streamed here at some point: every piece has been laid out on screen once (see ChunkProps).
  const streamed = useRef(streaming);
  if (streaming) streamed.current = true;
  // One function per KaTeX state: a new one would re-render every settled large block.
  const formatted = useCallback(
    (block: string) => <Chunk text={block} streaming={false} math={math} />,
    [math],
  );
  const render = (piece: Piece, key: number, live: boolean) =>
    piece.large ? (
      <LargeBlock key={key} text={piece.text} live={live} formatted={formatted} />
    ) : (
      <Chunk
        key={key}
        text={piece.text}
        streaming={live}
        settled={streamed.current && !live}
        math={math}
      />
    );
  // One list, keyed by position: when the tail's first blocks settle, the renderer that drew
  // them (key n) is the one that keeps them, and only the blocks still live move to a new tail
  // (key n + 1). The tail as a sibling of the list would be another slot, where the same key
  // means nothing to React: every settle would draw the whole tail again from scratch.
  const pieces = tail.text === "" ? settled : [...settled, tail];
  return (
    <div className="space-y-3">
      {pieces.map((piece, i) => render(piece, i, i === settled.length && streaming))}
    </div>
  );
}

interface ChunkProps {
  text: string;
  streaming: boolean;
  /**
   * Done changing in an answer streamed into this page: off screen, the browser may skip its
   * layout and paint. An answer dense with math is tens of thousands of boxes, and each update of
   * its last words re-laid-out them all. Such a piece was laid out once on screen as it arrived,
   * so its size is remembered and nothing jumps; it keeps the containment after the answer ends
   * (dropping it would lay the whole answer out again in one task). An answer restored from
   * storage was never laid out: a piece's placeholder would make its height jump as it comes
   * near. Its blocks, much smaller, are contained one by one instead (globals.css).
   */
  settled?: boolean;
  math: MathPlugin | null;
}

const CHUNK_CLASS = "markdown-body space-y-3 break-words";
// `auto`: once laid out, a piece off screen keeps its last size rather than the placeholder.
const SETTLED_CLASS = "[content-visibility:auto] [contain-intrinsic-size:auto_12rem]";

/** Memoized: a settled piece re-renders only when KaTeX arrives, never for the next words. */
const Chunk = memo(function Chunk({ text, streaming, settled = false, math }: ChunkProps) {
  const plugins = pluginsFor(text, math);
  return (
    <Streamdown
      className={settled ? `${CHUNK_CLASS} ${SETTLED_CLASS}` : CHUNK_CLASS}
      mode="streaming"
      parseIncompleteMarkdown={streaming}
      isAnimating={streaming}
      animated={false}
      rehypePlugins={rehypePluginsFor(text)}
      plugins={plugins}
      controls={CONTROLS}
      linkSafety={LINK_SAFETY}
      components={COMPONENTS}
      lineNumbers={false}
      parseMarkdownIntoBlocksFn={groupedBlocks}
      BlockComponent={TableAwareBlock}
    >
      {text}
    </Streamdown>
  );
});
