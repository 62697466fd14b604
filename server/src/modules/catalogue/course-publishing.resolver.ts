import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { inputErrors } from '../../graphql/input-errors';
import { badArgument } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import type { Viewer } from '../auth/viewer';
import { hasRole, organisationsWithRole } from '../auth/viewer';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { canManageCourse, canPublishFor, mayPublishSomeCourses } from './catalogue.policy';
import { Course } from './course.type';
import { CourseEntity } from './course.entity';
import { Session } from './session.type';
import { Venue } from './venue.type';
import { MandatorySubject } from './mandatory-subject.type';
import { MandatorySubjectEntity } from './mandatory-subject.entity';
import { VenueEntity } from './venue.entity';
import type { TrainingSessionEntity } from './training-session.entity';
import { CreateCourseInput, CreateVenueInput, UpdateCourseInput } from './course-publishing.inputs';
import { CoursePayload, VenuePayload } from './course-publishing.types';
import { CoursePublishingService, type CourseResult, type VenueResult } from './course-publishing.service';
import { publishingLoaders } from './publishing.loaders';

/** Most courses one provider's page lists. */
const MAX_COURSES = 500;

function publisher(ctx: Context, action: string): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError(`Sign in as a provider coordinator or an administrator to ${action}.`);
  if (!mayPublishSomeCourses(ctx.viewer)) throw new ForbiddenError(`Only provider coordinators and administrators can ${action}.`);
  return ctx.viewer;
}

/** Courses and venues as their providers publish them. */
@Resolver(() => Course)
export class CoursePublishingResolver {
  @Mutation(() => CoursePayload, { description: 'A provider coordinator (for their organisation) or an administrator: a new course. Its 70:20:10 category follows the method unless chosen.' })
  async createCourse(@Arg('input', () => CreateCourseInput, { validate: false }) input: CreateCourseInput, @Ctx() ctx: Context): Promise<CourseResult> {
    const viewer = publisher(ctx, 'publish courses');
    return new CoursePublishingService(ctx.dataSource).createCourse(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => CoursePayload, { description: "The course's provider or an administrator: changes a course; omitted fields stay." })
  async updateCourse(@Arg('input', () => UpdateCourseInput, { validate: false }) input: UpdateCourseInput, @Ctx() ctx: Context): Promise<CourseResult> {
    const viewer = publisher(ctx, 'change courses');
    return new CoursePublishingService(ctx.dataSource).updateCourse(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Mutation(() => VenuePayload, { description: 'A provider coordinator (for their organisation) or an administrator: a new venue.' })
  async createVenue(@Arg('input', () => CreateVenueInput, { validate: false }) input: CreateVenueInput, @Ctx() ctx: Context): Promise<VenueResult> {
    const viewer = publisher(ctx, 'add venues');
    return new CoursePublishingService(ctx.dataSource).createVenue(viewer, input, ctx.origin, await inputErrors(input));
  }

  @Query(() => [Venue], { description: 'Provider coordinators and administrators: the venues sessions may be held at (the partnership\'s and their organisations\'), by town and name.' })
  async venues(@Ctx() ctx: Context): Promise<VenueEntity[]> {
    const viewer = publisher(ctx, 'see venues');
    const query = ctx.dataSource.getRepository(VenueEntity).createQueryBuilder('v').where('v.partnership_id = :p', { p: viewer.partnershipId });
    if (!hasRole(viewer, 'partnership_admin')) {
      query.andWhere('(v.organisation_id IS NULL OR v.organisation_id = ANY(:own))', { own: organisationsWithRole(viewer, 'provider_coordinator') });
    }
    return query.orderBy('v.town').addOrderBy('v.name').limit(1000).getMany();
  }

  @Query(() => [Course], { description: 'The courses an organisation provides, by title: its provider coordinators\' own, or any organisation\'s for an administrator. Omit the organisation for all the caller publishes for.' })
  async providedCourses(@Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null, @Ctx() ctx: Context): Promise<CourseEntity[]> {
    const viewer = publisher(ctx, 'see the courses they provide');
    if (organisationId != null && !isUuid(organisationId)) throw badArgument(['organisationId'], 'Choose an organisation of the partnership', 'INVALID');
    if (organisationId != null && (!canPublishFor(viewer, organisationId) || !(await ctx.loaders.organisationsById.load(organisationId)
      .then((o) => o?.partnershipId === viewer.partnershipId)))) {
      throw new ForbiddenError('Only its provider coordinators and administrators see an organisation\'s courses here.');
    }
    const query = ctx.dataSource.getRepository(CourseEntity).createQueryBuilder('c').where('c.partnership_id = :p', { p: viewer.partnershipId });
    if (organisationId) query.andWhere('c.provider_organisation_id = :o', { o: organisationId });
    else if (!hasRole(viewer, 'partnership_admin')) query.andWhere('c.provider_organisation_id = ANY(:own)', { own: organisationsWithRole(viewer, 'provider_coordinator') });
    return query.orderBy('c.title').addOrderBy('c.id').limit(MAX_COURSES).getMany();
  }

  @Query(() => [MandatorySubject], { description: 'The mandatory subjects a course can satisfy, by name. Reference data: anyone may read it.' })
  mandatorySubjects(@Ctx() ctx: Context): Promise<MandatorySubjectEntity[]> {
    return ctx.dataSource.getRepository(MandatorySubjectEntity).find({ order: { name: 'ASC' } });
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may change the course and schedule its sessions.' })
  canManage(@Root() course: CourseEntity, @Ctx() ctx: Context): boolean {
    return !!ctx.viewer && canManageCourse(ctx.viewer, course);
  }

  @FieldResolver(() => [Session], { description: "The course's provider and administrators only: every session of the course, soonest first (past ones too)." })
  async sessions(@Root() course: CourseEntity, @Ctx() ctx: Context): Promise<TrainingSessionEntity[]> {
    if (!ctx.viewer) throw new UnauthenticatedError('Sign in as the course\'s provider to see its sessions.');
    if (!canManageCourse(ctx.viewer, course)) throw new ForbiddenError('Only the course\'s provider and administrators see all its sessions.');
    return publishingLoaders(ctx).sessionsByCourse.load(course.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'For a course seen by one organisation only: which.' })
  visibilityOrganisation(@Root() course: CourseEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return course.visibilityOrganisationId ? ctx.loaders.organisationsById.load(course.visibilityOrganisationId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The course\'s provider and administrators only (null for others): the funding stream that pays for its places.' })
  fundingStreamId(@Root() course: CourseEntity, @Ctx() ctx: Context): string | null {
    return ctx.viewer && canManageCourse(ctx.viewer, course) ? course.fundingStreamId : null;
  }
}
