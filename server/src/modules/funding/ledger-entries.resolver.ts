import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { money, Money } from '../../graphql/money.type';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { FundingStream, LedgerEntry, LedgerEntryConnection, MoneySummary } from './funding.types';
import type { LedgerEntryEntity } from './ledger-entry.entity';
import type { ScopedStream } from './funding-stream.service';
import { fundingScope } from './funding.policy';
import { moneySummary } from './money-summary';
import { LedgerEntriesArgs } from './ledger-entries.args';
import { LedgerEntriesService } from './ledger-entries.service';
import { fundingYearScope } from './funding-year-scope';

type LedgerEntryConnectionResult = Omit<LedgerEntryConnection, 'edges'> & { edges: Array<{ cursor: string; node: LedgerEntryEntity }> };

/**
 * The ledger as a list, and LedgerEntry's fields from a LedgerEntryEntity (whether it came from
 * this list or from recordLedgerEntry). Related objects come through the request's loaders.
 */
@Resolver(() => LedgerEntry)
export class LedgerEntriesResolver {
  @Query(() => LedgerEntryConnection, {
    description: 'The entries behind a figure of the funding overview, in the same scope: its summary equals the figure. By when the money moved.',
  })
  async ledgerEntries(@Args(() => LedgerEntriesArgs) args: LedgerEntriesArgs, @Ctx() ctx: Context): Promise<LedgerEntryConnectionResult> {
    const { scope, year } = await fundingYearScope(ctx, args.filter.partnershipSlug, args.filter.financialYear, ['filter']);
    const page = await new LedgerEntriesService(ctx.dataSource).page(scope, year, args.filter, args.first, args.after);
    return { ...page, summary: moneySummary(page.summary) };
  }

  @FieldResolver(() => Money)
  amount(@Root() entry: LedgerEntryEntity): Money {
    return money(entry.amountPence);
  }

  @FieldResolver(() => MoneySummary)
  effect(@Root() entry: LedgerEntryEntity): MoneySummary {
    return moneySummary({ budget: entry.budgetEffectPence, committed: entry.committedEffectPence, spent: entry.spentEffectPence });
  }

  @FieldResolver(() => MoneySummary, { nullable: true })
  async balanceAfter(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<MoneySummary | null> {
    const scope = fundingScope(ctx.viewer);
    if (scope.kind === 'organisations') {
      const stream = await ctx.loaders.fundingStreams.load(entry.streamId);
      const own = (id: string | null | undefined) => !!id && scope.organisationIds.includes(id);
      if (!stream || !(own(stream.managingOrganisationId) || own(stream.funderOrganisationId))) return null;
    }
    return moneySummary({ budget: entry.budgetAfterPence, committed: entry.committedAfterPence, spent: entry.spentAfterPence });
  }

  /** The stream as the caller's scope shows it; every entry the caller can see is on a stream in their scope. */
  @FieldResolver(() => FundingStream)
  async stream(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<ScopedStream> {
    const stream = await ctx.loaders.fundingStreams.load(entry.streamId);
    if (!stream) throw new Error(`ledger entry ${entry.id}: its stream is outside the caller's scope`);
    return stream;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return entry.organisationId ? ctx.loaders.organisationsById.load(entry.organisationId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async courseTitle(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<string | null> {
    if (!entry.courseId) return null;
    return (await ctx.loaders.coursesById.load(entry.courseId))?.title ?? null;
  }
}
