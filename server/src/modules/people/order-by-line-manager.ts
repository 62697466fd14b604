/**
 * Puts the people of an import in an order where everyone's line manager from the same file
 * comes first, so each person can be inserted with their line manager already set (one write
 * per person, and the foreign key is satisfied statement by statement). People in a circle of
 * line managers (A manages B, B manages A) cannot be ordered: they come last, to have their
 * line manager set once everyone is in.
 */
export interface ManagedRow {
  email: string;
  lineManagerEmail: string | null;
}

export function orderByLineManager<T extends ManagedRow>(rows: readonly T[]): { ordered: T[]; inCircles: T[] } {
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  const depth = new Map<T, number>();
  const inCircles = new Set<T>();

  for (const start of rows) {
    // Walk up the chain of managers until a known depth, a manager outside the file, or a repeat.
    const chain: T[] = [];
    const onChain = new Set<T>();
    let current: T | undefined = start;
    while (current && !depth.has(current) && !inCircles.has(current) && !onChain.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = current.lineManagerEmail ? byEmail.get(current.lineManagerEmail) : undefined;
    }
    if (current && (onChain.has(current) || inCircles.has(current))) {
      // Everyone on the chain is in a circle or below one: none can go before their manager.
      for (const row of chain) inCircles.add(row);
      continue;
    }
    let level = current ? depth.get(current)! + 1 : 0;
    for (let index = chain.length - 1; index >= 0; index -= 1) depth.set(chain[index], level++);
  }
  const ordered = rows.filter((row) => depth.has(row)).sort((a, b) => depth.get(a)! - depth.get(b)!);
  return { ordered, inCircles: rows.filter((row) => inCircles.has(row)) };
}
