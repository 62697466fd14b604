import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { money, Money } from '../../graphql/money.type';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { FundingStream, LedgerEntry, LedgerEntryPayload, MoneySummary } from './funding.types';
import { mayRecordEntries } from './funding.policy';
import { FundingStreamEntity } from './funding-stream.entity';
import type { ScopedStream } from './funding-stream.service';
import { fundingLoaders } from './funding-stream.loaders';
import type { LedgerEntryEntity } from './ledger-entry.entity';
import { LedgerEntryService, type RecordEntryResult } from './ledger-entry.service';
import { moneySummary } from './money-summary';
import { RecordLedgerEntryInput } from './record-ledger-entry.input';

@Resolver(() => LedgerEntry)
export class RecordLedgerEntryResolver {
  @Mutation(() => LedgerEntryPayload, {
    description: 'Administrators, and L&D leads on the streams their organisation manages: appends an entry. Nothing is edited or deleted; a mistake is corrected by an ADJUSTMENT that reverses it. No stream is ever committed or spent past its budget.',
  })
  async recordLedgerEntry(@Arg('input', () => RecordLedgerEntryInput, { validate: false }) input: RecordLedgerEntryInput,
    @Ctx() ctx: Context): Promise<RecordEntryResult> {
    if (!ctx.viewer) throw new UnauthenticatedError('Sign in to record funding.');
    if (!mayRecordEntries(ctx.viewer)) throw new ForbiddenError('Only administrators and L&D leads can record funding.');
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { entry: null, userErrors };
    return new LedgerEntryService(ctx.dataSource).record(ctx.viewer, input, ctx.origin, ctx.now);
  }

  // The entity keeps pence in columns of its own names: these turn them into the type's fields.
  @FieldResolver(() => Money)
  amount(@Root() entry: LedgerEntryEntity): Money {
    return money(entry.amountPence);
  }

  @FieldResolver(() => MoneySummary)
  effect(@Root() entry: LedgerEntryEntity): MoneySummary {
    return moneySummary({ budget: entry.budgetEffectPence, committed: entry.committedEffectPence, spent: entry.spentEffectPence });
  }

  @FieldResolver(() => MoneySummary)
  balanceAfter(@Root() entry: LedgerEntryEntity): MoneySummary {
    return moneySummary({ budget: entry.budgetAfterPence, committed: entry.committedAfterPence, spent: entry.spentAfterPence });
  }

  /** An entry is only ever shown to someone whose scope covers its stream; the fallback keeps the field non-null. */
  @FieldResolver(() => FundingStream)
  async stream(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<ScopedStream> {
    return (await fundingLoaders(ctx).streams.load(entry.streamId))
      ?? ctx.dataSource.getRepository(FundingStreamEntity).findOneByOrFail({ id: entry.streamId, partnershipId: entry.partnershipId });
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return entry.organisationId ? ctx.loaders.organisationsById.load(entry.organisationId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async courseTitle(@Root() entry: LedgerEntryEntity, @Ctx() ctx: Context): Promise<string | null> {
    return entry.courseId ? (await ctx.loaders.coursesById.load(entry.courseId))?.title ?? null : null;
  }
}
