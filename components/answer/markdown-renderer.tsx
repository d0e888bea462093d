"use client";

import { memo } from "react";
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
import { AnswerLink, Sup } from "./markdown-components";
import { needsMath } from "./math-syntax";
import { useFrozenBlocks } from "./use-frozen-blocks";
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
  protocols: {
    ...schemaProtocols,
    // `streamdown:` marks a link whose URL hasn't streamed in yet; it renders as plain text.
    href: ["http", "https", "mailto", "streamdown"],
    src: ["http", "https"],
  },
};

const REHYPE_PLUGINS: PluggableList = [
  // By identity: Streamdown escapes all HTML to text unless it finds rehype-raw itself here.
  defaultRehypePlugins.raw as Plugin,
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
const COMPONENTS: Components = { a: AnswerLink, sup: Sup };

export interface MarkdownRendererProps {
  text: string;
  /** While streaming, unterminated markdown (an open code fence, half a table) is completed. */
  streaming: boolean;
  /** KaTeX once loaded; without it `$…$` stays text (markdown.tsx says when to wait for it). */
  math: MathPlugin | null;
}

/**
 * Always Streamdown's block mode, finished answers too: it splits the text into blocks rendered
 * as separate memoized components, so finishing an answer re-renders only its last block, and a
 * long restored answer renders block by block. ("static" mode parses the whole text as one unit,
 * on every render.)
 */
export default function MarkdownRenderer({ text, streaming, math }: MarkdownRendererProps) {
  const { frozen, tail } = useFrozenBlocks(text, streaming);
  const tailPlugins = pluginsFor(tail, math);
  if (frozen.length === 0) return <Chunk text={tail} streaming={streaming} plugins={tailPlugins} />;
  return (
    <div className="space-y-3">
      {frozen.map((chunk, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: frozen chunks are only ever appended.
        <Chunk key={i} text={chunk} streaming={false} plugins={pluginsFor(chunk, math)} />
      ))}
      <Chunk key={frozen.length} text={tail} streaming={streaming} plugins={tailPlugins} />
    </div>
  );
}

interface ChunkProps {
  text: string;
  streaming: boolean;
  plugins: PluginConfig;
}

const Chunk = memo(function Chunk({ text, streaming, plugins }: ChunkProps) {
  return (
    <Streamdown
      className="markdown-body space-y-3 break-words"
      mode="streaming"
      parseIncompleteMarkdown={streaming}
      isAnimating={streaming}
      animated={false}
      rehypePlugins={REHYPE_PLUGINS}
      plugins={plugins}
      controls={CONTROLS}
      linkSafety={LINK_SAFETY}
      components={COMPONENTS}
      lineNumbers={false}
    >
      {text}
    </Streamdown>
  );
});
