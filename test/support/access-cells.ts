import type { GraphQLResponse } from './start-portal';

/** What a caller got from one operation: its answer, or how it was refused. */
export type Outcome = 'allow' | 'unauthenticated' | 'forbidden' | 'hidden';
export type Tenant = 'own' | 'other';

export interface AccessOperation<Actor extends string> {
  name: string;
  tenants: Tenant[];
  run: (token: string | undefined, tenant: Tenant) => Promise<GraphQLResponse<Record<string, unknown>>>;
  /** The part of the answer that is null, or carries a NOT_FOUND userError, when the object is hidden. */
  pick: (data: Record<string, unknown>) => unknown;
  expected: (actor: Actor, tenant: Tenant) => Outcome;
}

/** `strictUserErrors`: any userError other than NOT_FOUND fails the matrix (the call itself was wrong). */
export function classify(response: GraphQLResponse<Record<string, unknown>>, pick: (data: Record<string, unknown>) => unknown,
  options: { strictUserErrors?: boolean } = {}): Outcome {
  const code = response.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (response.errors?.length || !response.data) throw new Error(`unexpected answer: ${JSON.stringify(response.errors ?? response)}`);
  const value = pick(response.data);
  if (value === null || value === undefined) return 'hidden';
  const userErrors = (value as { userErrors?: Array<{ code: string }> }).userErrors;
  if (userErrors?.some((e) => e.code === 'NOT_FOUND')) return 'hidden';
  if (options.strictUserErrors && userErrors?.length) throw new Error(`unexpected userErrors: ${JSON.stringify(userErrors)}`);
  return 'allow';
}

/**
 * Every operation, in each of its tenants, as every actor: the cells whose outcome is not the
 * expected one. Outside one's partnership, "forbidden" reveals no more than "not found": either
 * will do there.
 */
export async function runAccessCells<Actor extends string>(operations: ReadonlyArray<AccessOperation<Actor>>, actors: readonly Actor[],
  tokens: Partial<Record<Actor, string>>, options: { strictUserErrors?: boolean } = {}): Promise<{ unexpected: string[]; cells: number; allows: number }> {
  const unexpected: string[] = [];
  let cells = 0;
  let allows = 0;
  for (const operation of operations) {
    for (const tenant of operation.tenants) {
      for (const actor of actors) {
        cells += 1;
        const expected = operation.expected(actor, tenant);
        const actual = classify(await operation.run(tokens[actor], tenant), operation.pick, options);
        if (actual === 'allow') allows += 1;
        const allowedMismatch = (expected === 'allow') !== (actual === 'allow');
        const wrongDenial = expected !== 'allow' && actual !== expected && !(expected === 'hidden' && actual === 'forbidden');
        if (allowedMismatch || wrongDenial) unexpected.push(`${operation.name} as ${actor} (${tenant}): expected ${expected}, got ${actual}`);
      }
    }
  }
  return { unexpected, cells, allows };
}
