import type { Element, ElementContent, Root, RootContent } from "hast";

type Transform = (tree: Root, file: unknown) => void;
type Attacher = (options?: Record<string, unknown>) => Transform;

/** Formulas kept per page: a long answer or conversation re-renders the same ones often. */
const CACHE_LIMIT = 2_000;

/**
 * The KaTeX step of the markdown pipeline, with every formula rendered once. A streaming answer
 * re-renders its last block on each update, and a block of prose with a dozen formulas paid for
 * KaTeX, an HTML parse of its output and a conversion to a tree for every one of them, each
 * time: most of the page's work on an answer dense with math. Here each formula (by its TeX and
 * whether it is displayed) goes through `render` once; later renders get a copy of the result.
 */
export function cachedMath(render: Attacher, options: Record<string, unknown>) {
  const transform = render(options);
  const cache = new Map<string, readonly ElementContent[]>();

  const renderOne = (scope: Element, file: unknown): readonly ElementContent[] => {
    const root: Root = { type: "root", children: [scope] };
    transform(root, file);
    return root.children as ElementContent[];
  };

  return function cachedMathPlugin() {
    return (tree: Root, file: unknown) => {
      visitMath(tree, (scope, display) => {
        const key = `${display ? "D" : "I"}${textOf(scope)}`;
        let nodes = cache.get(key);
        if (nodes) {
          // Most recently used last: the oldest is the first to go.
          cache.delete(key);
        } else {
          nodes = renderOne(scope, file);
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        }
        cache.set(key, nodes);
        return nodes.map(copy);
      });
    };
  };
}

/**
 * Calls `replace` for each formula remark-math marked (inline, display, or a ```math fence with
 * its <pre>) and puts what it returns in its place.
 */
function visitMath(
  parent: Root | Element,
  replace: (scope: Element, display: boolean) => ElementContent[],
): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node?.type !== "element") continue;
    const kind = mathKind(node);
    if (kind === null) {
      visitMath(node, replace);
      continue;
    }
    const out = replace(node, kind);
    children.splice(i, 1, ...out);
    i += out.length - 1;
  }
}

/** true: displayed; false: inline; null: not a formula. */
function mathKind(node: Element): boolean | null {
  const classes = classesOf(node);
  if (classes.includes("math-display")) return true;
  if (classes.includes("math-inline")) return false;
  if (node.tagName === "pre") {
    const code = node.children.find((c): c is Element => c.type === "element");
    if (code?.tagName === "code" && classesOf(code).includes("language-math")) return true;
  }
  // A ```math fence outside a <pre> (never from markdown) renders inline, as rehype-katex does.
  if (classes.includes("language-math")) return false;
  return null;
}

function classesOf(node: Element): readonly unknown[] {
  const name = node.properties.className;
  return Array.isArray(name) ? name : [];
}

function textOf(node: ElementContent | Root): string {
  if (node.type === "text") return node.value;
  if (!("children" in node)) return "";
  let out = "";
  for (const child of node.children) out += textOf(child as ElementContent);
  return out;
}

/** A deep copy: later steps (and React's props) may change a node, never the cached one. */
function copy(node: ElementContent): ElementContent {
  if (node.type !== "element") return { ...node };
  const properties: Element["properties"] = {};
  for (const [name, value] of Object.entries(node.properties)) {
    properties[name] = Array.isArray(value) ? [...value] : value;
  }
  return { ...node, properties, children: node.children.map(copy) };
}
