import type { ModelGroup } from "./model-groups";

/**
 * A model select's options: the runnable models by family, and the current one first when this
 * server doesn't list it (a saved prompt's model stays selectable).
 */
export function ModelOptions({
  groups,
  current,
  currentName,
}: {
  groups: readonly ModelGroup[];
  current: string;
  currentName?: string;
}) {
  const known = groups.some((g) => g.models.some((m) => m.id === current));
  return (
    <>
      {!known && <option value={current}>{currentName ?? current}</option>}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
