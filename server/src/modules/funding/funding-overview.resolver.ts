import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { money } from '../../graphql/money.type';
import { FundingOverview, FundingScopeInfo, MoneyBreakdown, StreamSummary } from './funding.types';
import { FundingScopeKind } from './funding.enums';
import type { ScopedStream } from './funding-stream.service';
import { moneySummary } from './money-summary';
import { FundingOverviewService } from './funding-overview.service';
import type { BreakdownRow } from './funding-overview.figures';
import { fundingYearScope } from './funding-year-scope';

/** byStream's stream is the entity: the FundingStream field resolvers work from it (and its scopedSummary). */
type Streams = Array<Omit<StreamSummary, 'stream'> & { stream: ScopedStream }>;
type Overview = Omit<FundingOverview, 'byStream' | 'streamsHeld'> & { byStream: Streams; streamsHeld: Streams };

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
    const { scope, year, partnershipName } = await fundingYearScope(ctx, partnershipSlug, financialYear);
    const [{ figures, streams, heldStreams }, organisations] = await Promise.all([
      new FundingOverviewService(ctx.dataSource).overview(scope, year),
      scope.kind === 'organisations' ? ctx.loaders.organisationsById.loadMany(scope.organisationIds) : Promise.resolve([]),
    ]);
    const organisationNames = organisations.map((o) => (o && !(o instanceof Error) ? o.name : null)).filter((n): n is string => !!n);
    return {
      financialYear: year.label,
      scope: Object.assign(new FundingScopeInfo(), scope.kind === 'partnership'
        ? { kind: FundingScopeKind.PARTNERSHIP, name: partnershipName }
        : { kind: FundingScopeKind.ORGANISATION, name: organisationNames.sort((a, b) => a.localeCompare(b, 'en-GB')).join(', ') }),
      totals: moneySummary(figures.totals),
      byStream: figures.byStream.map((row) => ({ stream: streams.get(row.key)!, summary: moneySummary(row.sums) })),
      byFunder: breakdown(figures.byFunder),
      byOrganisation: breakdown(figures.byOrganisation),
      bySector: breakdown(figures.bySector),
      byQuarter: breakdown(figures.byQuarter),
      streamsHeld: figures.streamsHeld.map((row) => ({ stream: heldStreams.get(row.key)!, summary: moneySummary(row.sums) })),
      streamsHeldTotals: moneySummary(figures.streamsHeldTotals),
      deliveredLearningSpend: money(figures.deliveredSpendPence),
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
