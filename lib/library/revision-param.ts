import { AppError } from "@/lib/errors";

/** `?revision=N` (or `/p/{id}/N`): a revision number, or undefined for the latest. */
export function readRevisionParam(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new AppError({
      code: "bad_request:json",
      field: "revision",
      message: `A revision is a number from 1 (this link says ${JSON.stringify(value.slice(0, 20))}).`,
    });
  }
  return number;
}
