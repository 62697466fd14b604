import type { DataSource, EntityManager } from 'typeorm';
import { courseCategory, courseCategoryAfterEdit, parsePounds, type LearningCategory, type LearningMethod } from '@portal/domain';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import { ForbiddenError } from '../../graphql/access-errors';
import { withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { userError, type CatalogueErrorCode } from './catalogue.errors';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import { hasRole, type Viewer } from '../auth/viewer';
import { canManageCourse, canPublishFor, defaultPublishingOrganisation } from './catalogue.policy';
import { CourseEntity } from './course.entity';
import { VenueEntity } from './venue.entity';
import type { CreateCourseInput, CreateVenueInput, UpdateCourseInput } from './course-publishing.inputs';

export type CourseResult = { course: CourseEntity | null; userErrors: UserError[] };
export type VenueResult = { venue: VenueEntity | null; userErrors: UserError[] };

/** The largest cost of one place: £100,000. */
const MAX_PLACE_PENCE = 10_000_000;
const NOT_IN_PARTNERSHIP = 'There is no such organisation in your partnership';

/** "0", "free" and blanks are a free course; anything else is pounds and pence. */
function placeCost(text: string): { ok: true; pence: number } | { ok: false; message: string; code: CatalogueErrorCode } {
  const trimmed = text.trim();
  if (/^(£?0+(\.0{1,2})?|free)$/i.test(trimmed)) return { ok: true, pence: 0 };
  const parsed = parsePounds(trimmed, MAX_PLACE_PENCE);
  return parsed.ok ? parsed : { ok: false, message: parsed.message.replace(/\.$/, ''), code: parsed.code };
}

/** The course's row values, whichever fields the input carries. */
interface CourseFields {
  title: string; summary: string; learningOutcomes: string[]; method: LearningMethod; learningCategory: LearningCategory;
  learningCategoryOverridden: boolean; durationMinutes: number; accreditation: string; cpdPoints: number | null; ksfDimensions: string[];
  mandatorySubject: string | null; audience: string; eligibleSectors: string[]; visibility: string; visibilityOrganisationId: string | null;
  costPerPlacePence: number; fundingStreamId: string | null; isJoint: boolean; impactReviewMonths: number | null;
}

const tidyList = (items: readonly string[]) => [...new Set(items.map((s) => s.trim()).filter(Boolean))];

/**
 * Courses and venues, created and edited by their provider (or an administrator), each in one
 * transaction that writes nothing while any problem stands; every problem is answered at once.
 * Ids of another partnership are answered as unknown, another organisation's as forbidden.
 */
export class CoursePublishingService {
  constructor(private readonly dataSource: DataSource) {}

  async createCourse(viewer: Viewer, input: CreateCourseInput, origin: RequestOrigin, inputProblems: readonly UserError[]): Promise<CourseResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(
      (manager) => this.createCourseIn(manager, viewer, input, origin, inputProblems)));
    return { course: result, userErrors };
  }

  /**
   * createCourse in the caller's transaction, refusing (a Refusal) with every problem at once.
   * `publishedBy: 'approval'`: a commissioning approval publishes a proposal's draft, so whoever
   * approves (an administrator or a steering group member) publishes it for its provider; the
   * approval's own policy decided that, so the provider's-coordinator rule is not asked again.
   */
  async createCourseIn(manager: EntityManager, viewer: Viewer, input: CreateCourseInput, origin: RequestOrigin,
    inputProblems: readonly UserError[], options: { publishedBy?: 'viewer' | 'approval'; root?: string[] } = {}): Promise<CourseEntity> {
    const root = options.root ?? ['input'];
    const { providerId, fields, errors } = await this.courseProblems(manager, viewer, input, inputProblems, root, options.publishedBy !== 'approval');
    if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
    const [row] = await manager.query(
      `INSERT INTO course (partnership_id, provider_organisation_id, title, summary, learning_outcomes, method, learning_category,
         learning_category_overridden, duration_minutes, accreditation, cpd_points, ksf_dimensions, mandatory_subject, audience,
         eligible_sectors, visibility, visibility_organisation_id, cost_per_place_pence, funding_stream_id, is_joint, impact_review_months)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id`,
      [viewer.partnershipId, providerId, ...this.columns(fields)]);
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'courses.created',
      subjectType: 'course', subjectId: row.id, details: { title: fields.title, providerOrganisationId: providerId,
        ...(options.publishedBy === 'approval' ? { publishedBy: 'approval' } : {}) } });
    return manager.getRepository(CourseEntity).findOneByOrFail({ id: row.id });
  }

  /**
   * What createCourse would refuse in this input, writing nothing: a commissioning proposal's new
   * course is checked this way when proposed (at `root`, e.g. ["input", "newCourse"]) and
   * published by createCourseIn when approved. The provider need not be the viewer's.
   */
  async draftCourseProblems(manager: EntityManager, viewer: Viewer, input: CreateCourseInput, inputProblems: readonly UserError[],
    root: string[]): Promise<UserError[]> {
    const { errors } = await this.courseProblems(manager, viewer, input, inputProblems, root, false);
    if (!input.providerOrganisationId && !inputProblems.some((e) => e.field.join('.') === [...root, 'providerOrganisationId'].join('.'))) {
      return [...errors.filter((e) => e.field.join('.') !== [...root, 'providerOrganisationId'].join('.')),
        userError([...root, 'providerOrganisationId'], 'Choose the organisation that would provide the course', 'REQUIRED')];
    }
    return errors;
  }

  private async courseProblems(manager: EntityManager, viewer: Viewer, input: CreateCourseInput, inputProblems: readonly UserError[],
    root: string[], checkPublisher: boolean): Promise<{ providerId: string | null; fields: CourseFields; errors: UserError[] }> {
    const errors: UserError[] = [];
    const providerId = input.providerOrganisationId ?? (checkPublisher ? defaultPublishingOrganisation(viewer) : null);
    if (!providerId) errors.push(userError([...root, 'providerOrganisationId'], 'Choose the organisation that provides the course', 'REQUIRED'));
    else if (isUuid(providerId) && await this.knownOrganisation(manager, viewer, providerId)) {
      if (checkPublisher && !canPublishFor(viewer, providerId)) {
        throw new ForbiddenError('Only the organisation\'s provider coordinators and administrators can publish its courses.');
      }
    } else if (isUuid(providerId)) errors.push(userError([...root, 'providerOrganisationId'], NOT_IN_PARTNERSHIP, 'NOT_FOUND'));

    const category = courseCategory(input.method, input.learningCategory);
    const cost = placeCost(input.costPerPlace);
    if (!cost.ok) errors.push(userError([...root, 'costPerPlace'], cost.message, cost.code));
    const fields: CourseFields = {
      title: input.title.trim(), summary: input.summary?.trim() ?? '', learningOutcomes: tidyList(input.learningOutcomes ?? []),
      method: input.method, learningCategory: category.category, learningCategoryOverridden: category.overridden,
      durationMinutes: Math.round(input.durationHours * 60), accreditation: input.accreditation ?? 'none', cpdPoints: input.cpdPoints ?? null,
      ksfDimensions: tidyList(input.ksfDimensions ?? []), mandatorySubject: input.mandatorySubject?.trim() || null, audience: input.audience,
      eligibleSectors: [...new Set(input.eligibleSectors ?? [])], visibility: input.visibility,
      visibilityOrganisationId: input.visibilityOrganisationId ?? null, costPerPlacePence: cost.ok ? cost.pence : 0,
      fundingStreamId: input.fundingStreamId ?? null, isJoint: !!input.isJoint,
      impactReviewMonths: input.impactReviewMonths ?? null,
    };
    errors.push(...await this.fieldProblems(manager, viewer, fields, inputProblems, root));
    return { providerId, fields, errors };
  }

  async updateCourse(viewer: Viewer, input: UpdateCourseInput, origin: RequestOrigin, inputProblems: readonly UserError[]): Promise<CourseResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const course = isUuid(input.courseId)
        ? await manager.getRepository(CourseEntity).createQueryBuilder('c').setLock('pessimistic_write')
          .where('c.id = :id AND c.partnership_id = :partnershipId', { id: input.courseId, partnershipId: viewer.partnershipId }).getOne()
        : null;
      if (!course) throw new Refusal(withInputErrors(inputProblems, [userError(['input', 'courseId'], 'There is no such course in your partnership', 'NOT_FOUND')]));
      if (!canManageCourse(viewer, course)) throw new ForbiddenError('Only the course\'s provider and administrators can change it.');

      const errors: UserError[] = [];
      const category = courseCategoryAfterEdit(
        { method: course.method as LearningMethod, category: course.learningCategory as LearningCategory, overridden: course.learningCategoryOverridden },
        { method: input.method ?? undefined, chosen: input.learningCategory });
      let costPence = course.costPerPlacePence;
      if (input.costPerPlace != null) {
        const cost = placeCost(input.costPerPlace);
        if (cost.ok) costPence = cost.pence;
        else errors.push(userError(['input', 'costPerPlace'], cost.message, cost.code));
      }
      const has = <K extends keyof UpdateCourseInput>(key: K) => input[key] !== undefined;
      const visibility = input.visibility ?? course.visibility;
      const fields: CourseFields = {
        title: input.title?.trim() ?? course.title,
        summary: has('summary') ? input.summary?.trim() ?? '' : course.summary,
        learningOutcomes: input.learningOutcomes ? tidyList(input.learningOutcomes) : course.learningOutcomes,
        method: (input.method ?? course.method) as LearningMethod, learningCategory: category.category, learningCategoryOverridden: category.overridden,
        durationMinutes: input.durationHours != null ? Math.round(input.durationHours * 60) : course.durationMinutes,
        accreditation: input.accreditation ?? course.accreditation,
        cpdPoints: has('cpdPoints') ? input.cpdPoints ?? null : course.cpdPoints,
        ksfDimensions: input.ksfDimensions ? tidyList(input.ksfDimensions) : course.ksfDimensions,
        mandatorySubject: has('mandatorySubject') ? input.mandatorySubject?.trim() || null : course.mandatorySubject,
        audience: input.audience ?? course.audience,
        eligibleSectors: input.eligibleSectors ? [...new Set(input.eligibleSectors)] : course.eligibleSectors,
        visibility,
        visibilityOrganisationId: visibility !== 'organisation' ? null
          : has('visibilityOrganisationId') ? input.visibilityOrganisationId ?? null : course.visibilityOrganisationId,
        costPerPlacePence: costPence,
        fundingStreamId: has('fundingStreamId') ? input.fundingStreamId ?? null : course.fundingStreamId,
        isJoint: input.isJoint ?? course.isJoint,
        impactReviewMonths: has('impactReviewMonths') ? input.impactReviewMonths ?? null : course.impactReviewMonths,
      };
      errors.push(...await this.fieldProblems(manager, viewer, fields, inputProblems));
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));

      await manager.query(
        `UPDATE course SET title = $2, summary = $3, learning_outcomes = $4, method = $5, learning_category = $6,
           learning_category_overridden = $7, duration_minutes = $8, accreditation = $9, cpd_points = $10, ksf_dimensions = $11,
           mandatory_subject = $12, audience = $13, eligible_sectors = $14, visibility = $15, visibility_organisation_id = $16,
           cost_per_place_pence = $17, funding_stream_id = $18, is_joint = $19, impact_review_months = $20
         WHERE id = $1`, [course.id, ...this.columns(fields)]);
      const changed = Object.keys(input).filter((key) => key !== 'courseId' && input[key as keyof UpdateCourseInput] !== undefined);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'courses.updated',
        subjectType: 'course', subjectId: course.id, details: { changed } });
      return manager.getRepository(CourseEntity).findOneByOrFail({ id: course.id });
    }));
    return { course: result, userErrors };
  }

  async createVenue(viewer: Viewer, input: CreateVenueInput, origin: RequestOrigin, inputProblems: readonly UserError[]): Promise<VenueResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const errors: UserError[] = [];
      const organisationId = input.organisationId ?? defaultPublishingOrganisation(viewer);
      if (organisationId && isUuid(organisationId)) {
        if (!await this.knownOrganisation(manager, viewer, organisationId)) errors.push(userError(['input', 'organisationId'], NOT_IN_PARTNERSHIP, 'NOT_FOUND'));
        else if (!canPublishFor(viewer, organisationId)) throw new ForbiddenError('Only the organisation\'s provider coordinators and administrators can add its venues.');
      } else if (!organisationId && !hasRole(viewer, 'partnership_admin')) {
        errors.push(userError(['input', 'organisationId'], 'Choose the organisation the venue belongs to', 'REQUIRED'));
      }
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      const postcode = (input.postcode ?? '').trim().toUpperCase().replace(/^(.+?)\s*(\d[A-Z]{2})$/, '$1 $2');
      const [row] = await manager.query(
        `INSERT INTO venue (partnership_id, organisation_id, name, address, town, postcode, latitude, longitude)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [viewer.partnershipId, organisationId ?? null, input.name.trim(), input.address?.trim() ?? '', input.town.trim(), postcode,
          input.latitude, input.longitude]);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'venues.created',
        subjectType: 'venue', subjectId: row.id, details: { name: input.name.trim(), organisationId: organisationId ?? null } });
      return manager.getRepository(VenueEntity).findOneByOrFail({ id: row.id });
    }));
    return { venue: result, userErrors };
  }

  private columns(f: CourseFields): unknown[] {
    return [f.title, f.summary, f.learningOutcomes, f.method, f.learningCategory, f.learningCategoryOverridden, f.durationMinutes,
      f.accreditation, f.cpdPoints, f.ksfDimensions, f.mandatorySubject, f.audience, f.eligibleSectors, f.visibility,
      f.visibilityOrganisationId, f.costPerPlacePence, f.fundingStreamId, f.isJoint, f.impactReviewMonths];
  }

  private async knownOrganisation(manager: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM organisation WHERE id = $1 AND partnership_id = $2', [id, viewer.partnershipId]);
    return rows.length > 0;
  }

  /** The ids a course names, each checked against the viewer's partnership, in one statement. */
  private async fieldProblems(manager: EntityManager, viewer: Viewer, f: CourseFields, inputProblems: readonly UserError[],
    root: string[] = ['input']): Promise<UserError[]> {
    const errors: UserError[] = [];
    const refused = new Set(inputProblems.map((e) => e.field.join('.')));
    const at = (field: string) => [...root, field];
    const wasRefused = (field: string) => refused.has(at(field).join('.'));
    const id = (value: string | null) => (value && isUuid(value) ? value : null);
    const [found] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM organisation WHERE id = $2 AND partnership_id = $1) AS visibility_organisation,
         EXISTS (SELECT 1 FROM funding_stream WHERE id = $3 AND partnership_id = $1) AS funding_stream,
         EXISTS (SELECT 1 FROM mandatory_subject WHERE code = $4) AS mandatory_subject`,
      [viewer.partnershipId, id(f.visibilityOrganisationId), id(f.fundingStreamId), f.mandatorySubject]);
    if (f.visibility === 'organisation' && !f.visibilityOrganisationId) {
      errors.push(userError(at('visibilityOrganisationId'), 'Choose the organisation whose people see the course', 'REQUIRED'));
    } else if (f.visibility === 'organisation' && !found.visibility_organisation && !wasRefused('visibilityOrganisationId')) {
      errors.push(userError(at('visibilityOrganisationId'), NOT_IN_PARTNERSHIP, 'NOT_FOUND'));
    } else if (f.visibility !== 'organisation' && f.visibilityOrganisationId) {
      errors.push(userError(at('visibilityOrganisationId'), 'Only a course for one organisation names it: leave this empty', 'NOT_ALLOWED'));
    }
    if (f.fundingStreamId && !found.funding_stream && !wasRefused('fundingStreamId')) {
      errors.push(userError(at('fundingStreamId'), 'There is no such funding stream in your partnership', 'NOT_FOUND'));
    }
    if (f.mandatorySubject && !found.mandatory_subject && !wasRefused('mandatorySubject')) {
      errors.push(userError(at('mandatorySubject'), 'Choose a mandatory subject from the list', 'NOT_FOUND'));
    }
    return errors;
  }
}
