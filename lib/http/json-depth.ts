/**
 * The first place a JSON value nests deeper than `maxDepth` (the top-level value is depth 1),
 * found without recursion: a body nested 100,000 levels deep must not overflow the stack here,
 * as it would in any recursive validator or in JSON.stringify. A first pass only measures
 * (a 300,000-part document is walked in a few tens of milliseconds); the path is traced only
 * when there is something to report.
 */
export function deepestPath(
  value: unknown,
  maxDepth: number,
): { field: string; depth: number } | undefined {
  if (!nestsDeeper(value, maxDepth)) return undefined;
  const path = pathDeeperThan(value, maxDepth);
  return { field: shortenPath(path), depth: path.length + 1 };
}

function nestsDeeper(value: unknown, maxDepth: number): boolean {
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length) {
    const container = stack.pop();
    const depth = depths.pop() as number;
    if (container === null || typeof container !== "object") continue;
    if (depth > maxDepth) return true;
    const children = Array.isArray(container) ? container : Object.values(container);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child !== null && typeof child === "object") {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** The keys down to the first container past `maxDepth` (there is one: `nestsDeeper` said so). */
function pathDeeperThan(value: unknown, maxDepth: number): string[] {
  const stack: { container: object; path: string[] }[] = [];
  if (isContainer(value)) stack.push({ container: value, path: [] });
  while (stack.length) {
    const { container, path } = stack.pop() as (typeof stack)[number];
    if (path.length >= maxDepth) return path;
    for (const [key, child] of Object.entries(container)) {
      if (isContainer(child)) stack.push({ container: child, path: [...path, key] });
    }
  }
  return [];
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

/** `config.responseSchema.properties.a.items.…(52 more).items.items`: where it starts and ends. */
export function shortenPath(path: string[], head = 6, tail = 3): string {
  if (path.length <= head + tail + 1) return path.join(".") || "(document)";
  const hidden = path.length - head - tail;
  return [...path.slice(0, head), `…(${hidden} more)`, ...path.slice(-tail)].join(".");
}
