/**
 * The first place a JSON value nests deeper than `maxDepth` (the top-level value is depth 1),
 * found without recursion: a body nested 100,000 levels deep must not overflow the stack here,
 * as it would in any recursive validator or in JSON.stringify. Visits every value once.
 */
export function deepestPath(
  value: unknown,
  maxDepth: number,
): { field: string; depth: number } | undefined {
  // Each entry: a container, its depth, and the key that led to it (parents by index).
  const keys: string[] = [];
  const parents: number[] = [];
  const stack: { value: object; depth: number; node: number }[] = [];
  const push = (child: unknown, depth: number, key: string, parent: number) => {
    if (child === null || typeof child !== "object") return undefined;
    keys.push(key);
    parents.push(parent);
    const node = keys.length - 1;
    if (depth > maxDepth) return node;
    stack.push({ value: child, depth, node });
    return undefined;
  };
  let over = push(value, 1, "", -1);
  while (over === undefined && stack.length) {
    const { value: container, depth, node } = stack.pop() as (typeof stack)[number];
    const entries = Array.isArray(container)
      ? container.map((child, index) => [String(index), child] as const)
      : Object.entries(container);
    for (const [key, child] of entries) {
      over = push(child, depth + 1, key, node);
      if (over !== undefined) break;
    }
  }
  if (over === undefined) return undefined;
  const path: string[] = [];
  for (let node = over; node > 0; node = parents[node] as number) path.push(keys[node] as string);
  path.reverse();
  return { field: shortenPath(path), depth: path.length + 1 };
}

/** `config.responseSchema.properties.a.items.…(52 more).items.items`: where it starts and ends. */
export function shortenPath(path: string[], head = 6, tail = 3): string {
  if (path.length <= head + tail + 1) return path.join(".") || "(document)";
  const hidden = path.length - head - tail;
  return [...path.slice(0, head), `…(${hidden} more)`, ...path.slice(-tail)].join(".");
}
