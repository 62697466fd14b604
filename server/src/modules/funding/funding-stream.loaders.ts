import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { fundingScope } from './funding.policy';
import { FundingStreamService, type ScopedStream, type ScopedSummary } from './funding-stream.service';

/**
 * Per-request loaders of the funding module. They depend on the viewer's scope, so they hang off
 * the request's context (a WeakMap: gone with the request) rather than the shared loader set.
 */
interface FundingLoaders {
  /** Streams in the caller's scope, with their scoped sums; null when outside it. */
  streams: DataLoader<string, ScopedStream | null>;
  /** A pooled stream's contributions by partner, in pence. */
  contributions: DataLoader<string, Array<{ organisationId: string; pence: number }>>;
}

const perRequest = new WeakMap<Context, FundingLoaders>();

export function fundingLoaders(ctx: Context): FundingLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      streams: new DataLoader(async (ids) => {
        const rows = await new FundingStreamService(ctx.dataSource).list(fundingScope(ctx.viewer), { ids: [...ids] });
        const byId = new Map(rows.map((s) => [s.id, s]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      contributions: new DataLoader(async (ids) => {
        const rows: Array<{ stream_id: string; organisation_id: string; pence: string }> = await ctx.dataSource.query(
          `SELECT e.stream_id, e.organisation_id, sum(e.budget_effect_pence) AS pence
           FROM ledger_entry e LEFT JOIN ledger_entry o ON o.id = e.reverses_entry_id
           WHERE e.stream_id = ANY($1::uuid[]) AND coalesce(o.kind, e.kind) = 'contribution'
           GROUP BY e.stream_id, e.organisation_id HAVING sum(e.budget_effect_pence) <> 0 ORDER BY e.stream_id, e.organisation_id`, [[...ids]]);
        return ids.map((id) => rows.filter((r) => r.stream_id === id).map((r) => ({ organisationId: r.organisation_id, pence: Number(r.pence) })));
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

export async function scopedSummaryOf(ctx: Context, stream: ScopedStream): Promise<ScopedSummary> {
  if (stream.scopedSummary) return stream.scopedSummary;
  const loaded = await fundingLoaders(ctx).streams.load(stream.id);
  return loaded?.scopedSummary ?? { budget: 0, committed: 0, spent: 0 };
}
