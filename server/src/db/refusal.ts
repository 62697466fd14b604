import type { UserError } from '../graphql/user-error';

/**
 * Thrown inside a transaction to roll it back because of the caller's mistakes (found by a
 * conditional write, not a check beforehand); the service catches it and returns the userErrors.
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
