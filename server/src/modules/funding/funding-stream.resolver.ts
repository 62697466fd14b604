import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { isUuid } from '../../graphql/uuid';
import { money, Money } from '../../graphql/money.type';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { CreateFundingStreamInput } from './create-funding-stream.input';
import { FundingContribution, FundingStream, FundingStreamPayload, MoneySummary } from './funding.types';
import { fundingScope, requireFundingAdmin } from './funding.policy';
import { FundingStreamService, type CreateStreamResult, type ScopedStream } from './funding-stream.service';
import { fundingYear, requireOwnPartnership } from './funding-year-scope';
import { scopedSummaryOf } from './funding-stream.loaders';
import { moneySummary } from './money-summary';

@Resolver(() => FundingStream)
export class FundingStreamResolver {
  @Query(() => [FundingStream], {
    description: 'Steering group and administrators: every stream of the partnership; an L&D lead: the streams their organisation manages, funds, contributes to or spends from. Others are refused.',
  })
  async fundingStreams(@Arg('partnershipSlug', () => String) partnershipSlug: string,
    @Arg('financialYear', () => String, { nullable: true }) financialYear: string | null, @Ctx() ctx: Context): Promise<ScopedStream[]> {
    const scope = fundingScope(ctx.viewer);
    await requireOwnPartnership(ctx, scope, partnershipSlug);
    const year = financialYear == null ? null : fundingYear(financialYear);
    return new FundingStreamService(ctx.dataSource).list(scope, { financialYear: year?.label ?? null });
  }

  @Query(() => FundingStream, { nullable: true, description: 'A stream in the caller\'s funding scope; null when there is none.' })
  async fundingStream(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ScopedStream | null> {
    fundingScope(ctx.viewer);
    if (!isUuid(id)) return null;
    return ctx.loaders.fundingStreams.load(id);
  }

  @Mutation(() => FundingStreamPayload, {
    description: 'Administrators: a new stream for a financial year, its BUDGET (or, pooled, each partner\'s CONTRIBUTION) posted to the ledger.',
  })
  async createFundingStream(@Arg('input', () => CreateFundingStreamInput, { validate: false }) input: CreateFundingStreamInput,
    @Ctx() ctx: Context): Promise<CreateStreamResult> {
    const viewer = requireFundingAdmin(ctx.viewer);
    return new FundingStreamService(ctx.dataSource).create(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @FieldResolver(() => Money)
  amount(@Root() stream: ScopedStream): Money {
    return money(stream.budgetPence);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  funderOrganisation(@Root() stream: ScopedStream, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return stream.funderOrganisationId ? ctx.loaders.organisationsById.load(stream.funderOrganisationId) : null;
  }

  @FieldResolver(() => Organisation)
  async managingOrganisation(@Root() stream: ScopedStream, @Ctx() ctx: Context): Promise<OrganisationEntity> {
    return (await ctx.loaders.organisationsById.load(stream.managingOrganisationId))!;
  }

  @FieldResolver(() => [FundingContribution])
  async contributions(@Root() stream: ScopedStream, @Ctx() ctx: Context): Promise<Array<{ organisation: OrganisationEntity; amount: Money }>> {
    if (!stream.pooled) return [];
    const rows = await ctx.loaders.streamContributions.load(stream.id);
    const organisations = await ctx.loaders.organisationsById.loadMany(rows.map((r) => r.organisationId));
    return rows.map((r, i) => ({ organisation: organisations[i] as OrganisationEntity, amount: money(r.pence) }));
  }

  @FieldResolver(() => MoneySummary)
  async summary(@Root() stream: ScopedStream, @Ctx() ctx: Context): Promise<MoneySummary> {
    return moneySummary(await scopedSummaryOf(ctx, stream));
  }
}
