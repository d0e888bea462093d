import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { basename, join } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..", "..");
const pageDir = join(import.meta.dirname, "baseline");
/** esbuild keeps the bundle in memory; it still wants an output folder to name its files. */
const outdir = join(pageDir, "out");

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
};

/** A production bundle, split like a real app's: Shiki's languages load only when a fence names one. */
async function bundlePage(): Promise<Map<string, Uint8Array>> {
  const result = await build({
    entryPoints: [join(pageDir, "main.tsx")],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".woff2": "file", ".woff": "file", ".ttf": "file" },
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    assetNames: "[name]-[hash]",
    publicPath: "/assets/",
    write: false,
    logLevel: "error",
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path), file.contents]));
}

type PostCss = (plugins: unknown[]) => {
  process(css: string, options: { from: string }): Promise<{ css: string }>;
};

/**
 * The app's own stylesheet (its tokens and base layer, Tailwind with Streamdown's classes), so
 * both pages lay out the same blocks the same way. PostCSS is taken from the Tailwind plugin's
 * own dependencies: the version it was built against, and no new package for the project.
 */
async function compileStyles(): Promise<Uint8Array> {
  const plugin = createRequire(import.meta.url).resolve("@tailwindcss/postcss");
  const requireFromTailwind = createRequire(plugin);
  const postcss = requireFromTailwind("postcss") as PostCss;
  const tailwind = requireFromTailwind(plugin) as (options: object) => unknown;
  const from = join(root, "app", "globals.css");
  // `base`: look for class names in the baseline page only, not in the whole checkout.
  const result = await postcss([tailwind({ base: pageDir, optimize: true })]).process(
    readFileSync(from, "utf8"),
    { from },
  );
  return new TextEncoder().encode(result.css);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Streamdown baseline</title>
<link rel="stylesheet" href="/assets/styles.css">
<link rel="stylesheet" href="/assets/main.css">
<script type="module" src="/assets/main.js"></script>
</head>
<body><div id="root"></div></body>
</html>
`;

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/** Bundles the baseline page and serves it on loopback (port 0: whatever is free). */
export async function startBaselineServer(): Promise<BaselineServer> {
  const [files, styles] = await Promise.all([bundlePage(), compileStyles()]);
  files.set("styles.css", styles);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const name = path.startsWith("/assets/") ? path.slice("/assets/".length) : null;
    const body = name === null ? undefined : files.get(name);
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (name !== null && body !== undefined) {
      const type = TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type }).end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
