import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { money } from '../../graphql/money.type';
import { FundingOverview, MoneyBreakdown, StreamSummary } from './funding.types';
import type { ScopedStream } from './funding-stream.service';
import { moneySummary } from './money-summary';
import { FundingOverviewService } from './funding-overview.service';
import type { BreakdownRow } from './funding-overview.figures';
import { fundingYearScope } from './funding-year-scope';

/** byStream's stream is the entity: the FundingStream field resolvers work from it (and its scopedSummary). */
type Overview = Omit<FundingOverview, 'byStream'> & { byStream: Array<Omit<StreamSummary, 'stream'> & { stream: ScopedStream }> };

function breakdown(rows: BreakdownRow[]): MoneyBreakdown[] {
  return rows.map((row) => Object.assign(new MoneyBreakdown(), { key: row.key, label: row.label, summary: moneySummary(row.sums) }));
}

@Resolver()
export class FundingOverviewResolver {
  @Query(() => FundingOverview, {
    description: 'A financial year\'s money: steering group and administrators see the partnership\'s, an L&D lead their organisation\'s slice. Aggregates only: no person is named.',
  })
  async fundingOverview(@Arg('partnershipSlug', () => String) partnershipSlug: string, @Arg('financialYear', () => String) financialYear: string,
    @Ctx() ctx: Context): Promise<Overview> {
    const { scope, year } = await fundingYearScope(ctx, partnershipSlug, financialYear);
    const { figures, streams } = await new FundingOverviewService(ctx.dataSource).overview(scope, year);
    return {
      financialYear: year.label,
      totals: moneySummary(figures.totals),
      byStream: figures.byStream.map((row) => ({ stream: streams.get(row.key)!, summary: moneySummary(row.sums) })),
      byFunder: breakdown(figures.byFunder),
      byOrganisation: breakdown(figures.byOrganisation),
      bySector: breakdown(figures.bySector),
      byQuarter: breakdown(figures.byQuarter),
      costPerLearner: figures.costPerLearner === null ? null : money(figures.costPerLearner),
      costPerLearningHour: figures.costPerLearningHour === null ? null : money(figures.costPerLearningHour),
      seatUtilisation: figures.seatUtilisation,
      noShowCost: money(figures.noShowPence),
      learners: figures.learners,
      learningHours: figures.learningHours,
      seatsOffered: figures.seatsOffered,
      seatsUsed: figures.seatsUsed,
    };
  }
}
