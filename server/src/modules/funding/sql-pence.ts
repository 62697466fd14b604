/**
 * A sum of pence as pg returns it (bigint and numeric come back as strings; null for a sum over
 * no rows), as a number: exact while a safe integer, refused beyond.
 */
export function penceFromSql(value: string | number | null | undefined): number {
  const pence = Number(value ?? 0);
  if (!Number.isSafeInteger(pence)) throw new Error(`money value ${value} is beyond the safe integer range`);
  return pence;
}

/** A count or a sum of whole units from SQL, as a number. */
export function countFromSql(value: string | number | null | undefined): number {
  const count = Number(value ?? 0);
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count ${value} is not a whole number`);
  return count;
}
