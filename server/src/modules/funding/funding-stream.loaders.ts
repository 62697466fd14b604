import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Context } from '../../graphql/context';
import type { Viewer } from '../auth/viewer';
import { fundingScope } from './funding.policy';
import { FundingStreamService, type ScopedStream, type ScopedSummary } from './funding-stream.service';

/**
 * The funding module's loaders, made by the request's loader factory (graphql/loaders.ts) for
 * its viewer: they answer within the viewer's funding scope.
 */
export function createFundingStreamLoaders(dataSource: DataSource, viewer: Viewer | null) {
  return {
    /** Streams in the caller's scope, with their scoped sums; null when outside it. */
    fundingStreams: new DataLoader<string, ScopedStream | null>(async (ids) => {
      const rows = await new FundingStreamService(dataSource).list(fundingScope(viewer), { ids: [...ids] });
      const byId = new Map(rows.map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** A pooled stream's contributions by partner, in pence. */
    streamContributions: new DataLoader<string, Array<{ organisationId: string; pence: number }>>(async (ids) => {
      const rows: Array<{ stream_id: string; organisation_id: string; pence: string }> = await dataSource.query(
        `SELECT e.stream_id, e.organisation_id, sum(e.budget_effect_pence) AS pence
         FROM ledger_entry e LEFT JOIN ledger_entry o ON o.id = e.reverses_entry_id
         WHERE e.stream_id = ANY($1::uuid[]) AND coalesce(o.kind, e.kind) = 'contribution'
         GROUP BY e.stream_id, e.organisation_id HAVING sum(e.budget_effect_pence) <> 0 ORDER BY e.stream_id, e.organisation_id`, [[...ids]]);
      return ids.map((id) => rows.filter((r) => r.stream_id === id).map((r) => ({ organisationId: r.organisation_id, pence: Number(r.pence) })));
    }),
  };
}

export async function scopedSummaryOf(ctx: Context, stream: ScopedStream): Promise<ScopedSummary> {
  if (stream.scopedSummary) return stream.scopedSummary;
  const loaded = await ctx.loaders.fundingStreams.load(stream.id);
  return loaded?.scopedSummary ?? { budget: 0, committed: 0, spent: 0 };
}
