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
  /**
   * The operation only reads (and no cell's outcome depends on another's): with `concurrency`, its
   * cells run at once, together with those of the read-only operations next to it in the list.
   * Operations that write always run one cell at a time, in order, after every cell before them.
   */
  readOnly?: boolean;
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
 * will do there. `concurrency` (default 1): how many cells of read-only operations run at once;
 * the list of cells and their order in `unexpected` are the same whatever it is.
 */
export async function runAccessCells<Actor extends string>(operations: ReadonlyArray<AccessOperation<Actor>>, actors: readonly Actor[],
  tokens: Partial<Record<Actor, string>>, options: { strictUserErrors?: boolean; concurrency?: number } = {}): Promise<{ unexpected: string[]; cells: number; allows: number }> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const cells = operations.flatMap((operation) => operation.tenants.flatMap((tenant) => actors.map((actor) => ({ operation, tenant, actor }))));
  const outcomes: Array<{ allowed: boolean; problem: string | null }> = new Array(cells.length);
  const runCell = async (index: number) => {
    const { operation, tenant, actor } = cells[index];
    const expected = operation.expected(actor, tenant);
    const actual = classify(await operation.run(tokens[actor], tenant), operation.pick, options);
    const allowedMismatch = (expected === 'allow') !== (actual === 'allow');
    const wrongDenial = expected !== 'allow' && actual !== expected && !(expected === 'hidden' && actual === 'forbidden');
    outcomes[index] = { allowed: actual === 'allow',
      problem: allowedMismatch || wrongDenial ? `${operation.name} as ${actor} (${tenant}): expected ${expected}, got ${actual}` : null };
  };
  for (let start = 0; start < cells.length;) {
    // A run of cells of read-only operations, run `concurrency` at a time; a writing operation's cell alone.
    let end = start + 1;
    if (concurrency > 1 && cells[start].operation.readOnly) while (end < cells.length && cells[end].operation.readOnly) end += 1;
    let next = start;
    const worker = async () => {
      while (next < end) await runCell(next++);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, end - start) }, worker));
    start = end;
  }
  return {
    unexpected: outcomes.flatMap((outcome) => (outcome.problem ? [outcome.problem] : [])),
    cells: cells.length,
    allows: outcomes.filter((outcome) => outcome.allowed).length,
  };
}
