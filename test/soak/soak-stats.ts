/**
 * What the soak counts: per kind of request, how many, how long (p50/p99), and what went wrong,
 * told apart: a 5xx (the server failed), another HTTP error, a GraphQL error in a 200, a network
 * failure, and refusals (userErrors such as FUNDS_EXHAUSTED), which are answers, not errors.
 */
export type Failure = 'http5xx' | 'http4xx' | 'graphql' | 'network';

interface KindStats {
  times: number[];
  failures: Record<Failure, number>;
  refusals: Record<string, number>;
}

export class SoakStats {
  private readonly kinds = new Map<string, KindStats>();
  readonly samples: string[] = [];

  private of(kind: string): KindStats {
    let stats = this.kinds.get(kind);
    if (!stats) {
      stats = { times: [], failures: { http5xx: 0, http4xx: 0, graphql: 0, network: 0 }, refusals: {} };
      this.kinds.set(kind, stats);
    }
    return stats;
  }

  record(kind: string, ms: number, failure?: Failure): void {
    const stats = this.of(kind);
    stats.times.push(ms);
    if (failure) stats.failures[failure] += 1;
  }

  refusal(kind: string, code: string): void {
    const stats = this.of(kind);
    stats.refusals[code] = (stats.refusals[code] ?? 0) + 1;
  }

  /** One line of the failures seen, kept to a few so a broken run still has a readable report. */
  sample(line: string): void {
    if (this.samples.length < 20) this.samples.push(line);
  }

  rows(): Array<{ kind: string; requests: number; p50: number; p99: number; max: number; failures: Record<Failure, number>; refusals: Record<string, number> }> {
    return [...this.kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, stats]) => {
      const sorted = [...stats.times].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { kind, requests: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, failures: stats.failures, refusals: stats.refusals };
    });
  }

  total(): { requests: number; failures: Record<Failure, number>; p50: number; p99: number } {
    const all = [...this.kinds.values()].flatMap((s) => s.times).sort((a, b) => a - b);
    const failures: Record<Failure, number> = { http5xx: 0, http4xx: 0, graphql: 0, network: 0 };
    for (const stats of this.kinds.values()) for (const key of Object.keys(failures) as Failure[]) failures[key] += stats.failures[key];
    const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))] ?? 0;
    return { requests: all.length, failures, p50: at(0.5), p99: at(0.99) };
  }
}
