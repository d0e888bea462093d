/** The periods Usage offers, in days. */
export const USAGE_PERIODS = [7, 30, 90, 365] as const;

/** `?days=`: one of the periods, else 30. */
export function readUsageDays(value: string | null | undefined): number {
  const days = Number(value);
  return (USAGE_PERIODS as readonly number[]).includes(days) ? days : 30;
}
