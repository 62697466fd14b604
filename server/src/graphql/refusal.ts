import type { UserError } from './user-error';

/**
 * Thrown inside a transaction to roll it back because of the caller's mistakes (found by a
 * conditional write or a check that must see the locked rows); the service catches it with
 * `unlessRefused` and returns the userErrors. Modules throw it through their own `refuse`
 * (module-errors.ts), whose codes are a closed type.
 */
export class Refusal extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join(' '));
  }
}

/** Runs `work`; a Refusal thrown inside it (after its transaction has rolled back) becomes its userErrors. */
export async function unlessRefused<T>(work: () => Promise<T>): Promise<{ result: T; userErrors: [] } | { result: null; userErrors: UserError[] }> {
  try {
    return { result: await work(), userErrors: [] };
  } catch (error) {
    if (error instanceof Refusal) return { result: null, userErrors: error.userErrors };
    throw error;
  }
}
