import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { PartnershipService } from '../partnerships/partnership.service';
import { BookOverdueService } from './book-overdue.service';
import { ComplianceMatrixService } from './compliance-matrix.service';
import { ComplianceSettingsService } from './compliance-settings.service';
import { AcceptCompletionsInput, AddComplianceRequirementInput, BookOverdueInput, ComplianceMatrixArgs, ComplianceSettingsArgs, RefuseCompletionsInput,
  RemoveComplianceRequirementInput, SetRenewalPeriodInput, TeamComplianceArgs } from './compliance.inputs';
import { requireComplianceCaller, requireComplianceSummary, requireOrganisationCompliance, requireTeamCompliance } from './compliance.policy';
import { BookOverduePayload, ComplianceMatrix, ComplianceRefusalPayload, ComplianceRequirementPayload, ComplianceSettings, ComplianceSummary,
  RenewalPeriodPayload } from './compliance.types';

/** Mandatory-training compliance: the matrices, the partnership's percentages, an organisation's settings, booking the overdue. */
@Resolver()
export class ComplianceResolver {
  @Query(() => ComplianceMatrix, {
    description: 'People of the organisation × the mandatory subjects they need, with totals per subject and a CSV: its L&D leads and administrators. '
      + 'An organisation of another partnership (or none) is FORBIDDEN alike.',
  })
  async complianceMatrix(@Args(() => ComplianceMatrixArgs) args: ComplianceMatrixArgs, @Ctx() ctx: Context): Promise<ComplianceMatrix> {
    const viewer = requireComplianceCaller(ctx.viewer);
    const organisation = await ctx.loaders.organisationsById.load(args.organisationId);
    requireOrganisationCompliance(viewer, organisation);
    return new ComplianceMatrixService(ctx.dataSource).organisationMatrix(viewer.partnershipId, organisation!, ctx.now, args);
  }

  @Query(() => ComplianceMatrix, { description: 'The viewer\'s direct reports × the subjects they need: line managers.' })
  async teamComplianceMatrix(@Args(() => TeamComplianceArgs) args: TeamComplianceArgs, @Ctx() ctx: Context): Promise<ComplianceMatrix> {
    const viewer = requireComplianceCaller(ctx.viewer);
    requireTeamCompliance(viewer);
    return new ComplianceMatrixService(ctx.dataSource).teamMatrix(viewer.partnershipId, viewer.personId, ctx.now, args);
  }

  @Query(() => ComplianceSummary, { description: 'Compliance percentages by organisation and sector, no names: the steering group and administrators.' })
  async complianceSummary(@Arg('partnershipSlug') partnershipSlug: string, @Ctx() ctx: Context): Promise<ComplianceSummary> {
    const viewer = requireComplianceCaller(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug);
    requireComplianceSummary(viewer, partnership.id);
    return new ComplianceMatrixService(ctx.dataSource).summary(partnership.id, ctx.now);
  }

  @Query(() => ComplianceSettings, {
    description: 'An organisation\'s renewal periods, staff groups\' requirements and refused completions, without its matrix: its L&D leads and administrators (as the matrix).',
  })
  async complianceSettings(@Args(() => ComplianceSettingsArgs) args: ComplianceSettingsArgs, @Ctx() ctx: Context): Promise<ComplianceSettings> {
    const viewer = requireComplianceCaller(ctx.viewer);
    const organisation = await ctx.loaders.organisationsById.load(args.organisationId);
    requireOrganisationCompliance(viewer, organisation);
    return { organisation, ...await new ComplianceSettingsService(ctx.dataSource).settings(viewer.partnershipId, organisation!) };
  }

  @Mutation(() => RenewalPeriodPayload, { description: 'An organisation\'s own renewal period for a subject (1 to 120 months; null: the framework\'s): its L&D leads and administrators.' })
  async setRenewalPeriod(@Arg('input', () => SetRenewalPeriodInput, { validate: false }) input: SetRenewalPeriodInput, @Ctx() ctx: Context) {
    const viewer = requireComplianceCaller(ctx.viewer);
    return new ComplianceSettingsService(ctx.dataSource).setRenewalPeriod(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => ComplianceRequirementPayload, { description: 'A staff group (staff or volunteers, job title, team) of the organisation needs a subject.' })
  async addComplianceRequirement(@Arg('input', () => AddComplianceRequirementInput, { validate: false }) input: AddComplianceRequirementInput, @Ctx() ctx: Context) {
    const viewer = requireComplianceCaller(ctx.viewer);
    return new ComplianceSettingsService(ctx.dataSource).addRequirement(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => ComplianceRequirementPayload, { description: 'The staff group no longer needs the subject; the payload holds what was removed.' })
  async removeComplianceRequirement(@Arg('input', () => RemoveComplianceRequirementInput, { validate: false }) input: RemoveComplianceRequirementInput, @Ctx() ctx: Context) {
    const viewer = requireComplianceCaller(ctx.viewer);
    return new ComplianceSettingsService(ctx.dataSource).removeRequirement(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => ComplianceRefusalPayload, { description: 'The organisation does not accept another\'s completions of a subject; the matrix shows the reason.' })
  async refuseCompletions(@Arg('input', () => RefuseCompletionsInput, { validate: false }) input: RefuseCompletionsInput, @Ctx() ctx: Context) {
    const viewer = requireComplianceCaller(ctx.viewer);
    return new ComplianceSettingsService(ctx.dataSource).refuseCompletions(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => ComplianceRefusalPayload, { description: 'The organisation accepts another\'s completions of a subject again.' })
  async acceptCompletions(@Arg('input', () => AcceptCompletionsInput, { validate: false }) input: AcceptCompletionsInput, @Ctx() ctx: Context) {
    const viewer = requireComplianceCaller(ctx.viewer);
    return new ComplianceSettingsService(ctx.dataSource).acceptCompletions(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => BookOverduePayload, {
    description: 'An L&D lead books people of their organisation onto the next suitable upcoming session of a subject, each by bookSession\'s rules; '
      + 'each result says CONFIRMED, REQUESTED, WAITLISTED or REFUSED and why.',
  })
  async bookOverdue(@Arg('input', () => BookOverdueInput, { validate: false }) input: BookOverdueInput, @Ctx() ctx: Context) {
    const viewer = requireComplianceCaller(ctx.viewer);
    return new BookOverdueService(ctx.dataSource, ctx.services.notices).book(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
