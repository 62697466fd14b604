import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; money stays exact while it is a safe integer, so refuse anything else. */
export const bigintPence: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const pence = Number(value);
    if (!Number.isSafeInteger(pence)) throw new Error(`money value ${value} is beyond the safe integer range`);
    return pence;
  },
};
