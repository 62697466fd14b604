import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { canSeeCourse } from '../catalogue/catalogue.policy';
import { Course } from '../catalogue/course.type';
import type { CourseEntity } from '../catalogue/course.entity';
import { MandatorySubject } from '../catalogue/mandatory-subject.type';
import type { MandatorySubjectEntity } from '../catalogue/mandatory-subject.entity';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipService } from '../partnerships/partnership.service';
import { canSeePerson } from '../people/people.policy';
import { Person } from '../people/person.type';
import type { PersonEntity } from '../people/person.entity';
import { MeetTrainingNeedInput, RaiseTrainingNeedInput, TrainingNeedsArgs, WithdrawTrainingNeedInput } from './needs.inputs';
import { canMeetNeed, canWithdrawNeed, needsScope, requireNeedsReader, requireNeedsWriter } from './needs.policy';
import { TrainingNeedConnection, TrainingNeedPayload } from './needs.types';
import { TrainingNeedsListService } from './training-needs-list.service';
import { TrainingNeedsService, type TrainingNeedResult } from './training-needs.service';
import { TrainingNeed, toTrainingNeed } from './training-need.type';

function payload({ trainingNeed, userErrors }: TrainingNeedResult): TrainingNeedPayload {
  return { trainingNeed: trainingNeed ? toTrainingNeed(trainingNeed) : null, userErrors };
}

/** Training needs: raised, withdrawn, met, listed; their related objects through the request's loaders. */
@Resolver(() => TrainingNeed)
export class TrainingNeedResolver {
  @Mutation(() => TrainingNeedPayload, {
    description: 'An L&D lead for an organisation they lead (ORGANISATION), a line manager for their team (TEAM), anyone of a partner organisation for themselves from their 1:1 (PERSON, which goes to their lead).',
  })
  async raiseTrainingNeed(@Arg('input', () => RaiseTrainingNeedInput, { validate: false }) input: RaiseTrainingNeedInput,
    @Ctx() ctx: Context): Promise<TrainingNeedPayload> {
    const viewer = requireNeedsWriter(ctx.viewer);
    return payload(await new TrainingNeedsService(ctx.dataSource).raise(viewer, input, ctx.origin, ctx.now, await inputErrors(input)));
  }

  @Mutation(() => TrainingNeedPayload, { description: 'Whoever raised the need, or an L&D lead of its organisation: withdraws it, with the reason.' })
  async withdrawTrainingNeed(@Arg('input', () => WithdrawTrainingNeedInput, { validate: false }) input: WithdrawTrainingNeedInput,
    @Ctx() ctx: Context): Promise<TrainingNeedPayload> {
    const viewer = requireNeedsWriter(ctx.viewer);
    return payload(await new TrainingNeedsService(ctx.dataSource).withdraw(viewer, input, ctx.origin, await inputErrors(input)));
  }

  @Mutation(() => TrainingNeedPayload, { description: 'An L&D lead of its organisation: the need is met by a course the partnership already has.' })
  async meetTrainingNeed(@Arg('input', () => MeetTrainingNeedInput, { validate: false }) input: MeetTrainingNeedInput,
    @Ctx() ctx: Context): Promise<TrainingNeedPayload> {
    const viewer = requireNeedsWriter(ctx.viewer);
    return payload(await new TrainingNeedsService(ctx.dataSource).meet(viewer, input, ctx.origin, await inputErrors(input)));
  }

  @Query(() => TrainingNeedConnection, {
    description: 'Training needs, newest first: administrators and the steering group every need of the partnership; an L&D lead their organisations\' '
      + 'needs; a line manager their team\'s; everyone those they raised or that are for them. Another partnership\'s: FORBIDDEN.',
  })
  async trainingNeeds(@Args(() => TrainingNeedsArgs) args: TrainingNeedsArgs, @Ctx() ctx: Context): Promise<TrainingNeedConnection> {
    requireNeedsReader(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(args.partnershipSlug);
    const scope = needsScope(ctx.viewer, partnership.id);
    const page = await new TrainingNeedsListService(ctx.dataSource).page(scope, args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toTrainingNeed(edge.node) })) };
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() need: TrainingNeed, @Ctx() ctx: Context): Promise<OrganisationEntity | null> {
    return ctx.loaders.organisationsById.load(need.organisationId);
  }

  @FieldResolver(() => MandatorySubject, { nullable: true })
  mandatorySubject(@Root() need: TrainingNeed, @Ctx() ctx: Context): Promise<MandatorySubjectEntity | null> | null {
    return need.mandatorySubjectCode ? ctx.loaders.mandatorySubjectsByCode.load(need.mandatorySubjectCode) : null;
  }

  @FieldResolver(() => Course, { nullable: true, description: 'For a MET need: the course that meets it (when the caller may see it).' })
  async metByCourse(@Root() need: TrainingNeed, @Ctx() ctx: Context): Promise<CourseEntity | null> {
    if (!need.metByCourseId) return null;
    const course = await ctx.loaders.coursesById.load(need.metByCourseId);
    return course && canSeeCourse(ctx.viewer, course) ? course : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who raised it, when the caller may see that person (people.policy.ts); else null.' })
  async raisedBy(@Root() need: TrainingNeed, @Ctx() ctx: Context): Promise<PersonEntity | null> {
    const person = await ctx.loaders.peopleById.load(need.raisedByPersonId);
    return person && canSeePerson(ctx.viewer, person) ? person : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may withdraw it (it must also still be open or grouped).' })
  canWithdraw(@Root() need: TrainingNeed, @Ctx() ctx: Context): boolean {
    return !!ctx.viewer && canWithdrawNeed(ctx.viewer, need);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may mark it met by an existing course (it must also still be open or grouped).' })
  canMarkMet(@Root() need: TrainingNeed, @Ctx() ctx: Context): boolean {
    return !!ctx.viewer && canMeetNeed(ctx.viewer, need);
  }
}
