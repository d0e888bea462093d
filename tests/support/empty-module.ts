// Stands in for `server-only` in Node test processes, which are server-side by definition.
export {};
