import type { DataSource, EntityManager } from 'typeorm';
import { calendarDateIn, peopleCountProblem, wantedByProblem } from '@portal/domain';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { refreshNeedGrouping } from './need-grouping';
import { TrainingNeedScope, TrainingNeedStatus } from './needs.enums';
import { userError } from './needs.errors';
import type { MeetTrainingNeedInput, RaiseTrainingNeedInput, WithdrawTrainingNeedInput } from './needs.inputs';
import { defaultNeedOrganisation, requireMeetingNeed, requireRaisingNeed, requireWithdrawingNeed } from './needs.policy';
import { TrainingNeedEntity } from './training-need.entity';

export type TrainingNeedResult = { trainingNeed: TrainingNeedEntity | null; userErrors: UserError[] };

const NO_NEED = 'There is no such training need in your partnership';

/**
 * Raising, withdrawing and meeting needs, each in one transaction that writes nothing while any
 * problem stands (every problem answered at once), is audited, and keeps the partnership's
 * OPEN / GROUPED statuses true (refreshNeedGrouping) before it commits. Access is decided first;
 * an id of another partnership is answered as unknown.
 */
export class TrainingNeedsService {
  constructor(private readonly dataSource: DataSource) {}

  async raise(viewer: Viewer, input: RaiseTrainingNeedInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<TrainingNeedResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const errors: UserError[] = [];
      const scope = input.scope;
      const byOrganisation = scope === TrainingNeedScope.ORGANISATION;
      const named = input.organisationId ?? null;
      const organisationId = byOrganisation ? named ?? defaultNeedOrganisation(viewer) : viewer.organisationId;
      const subject = input.mandatorySubject?.trim() || null;
      const [found] = await manager.query(
        `SELECT p.time_zone,
           EXISTS (SELECT 1 FROM organisation WHERE id = $2 AND partnership_id = $1) AS organisation,
           EXISTS (SELECT 1 FROM mandatory_subject WHERE code = $3) AS mandatory_subject
         FROM partnership p WHERE p.id = $1`,
        [viewer.partnershipId, organisationId && isUuid(organisationId) ? organisationId : null, subject]);

      if (byOrganisation) {
        if (!organisationId) errors.push(userError(['input', 'organisationId'], 'Choose the organisation the need is for', 'REQUIRED'));
        else if (isUuid(organisationId) && !found.organisation) errors.push(userError(['input', 'organisationId'], 'There is no such organisation in your partnership', 'NOT_FOUND'));
        else if (isUuid(organisationId)) requireRaisingNeed(viewer, scope, organisationId);
      } else {
        requireRaisingNeed(viewer, scope, organisationId);
        if (named && named !== viewer.organisationId) {
          errors.push(userError(['input', 'organisationId'], 'A team\'s or a person\'s need is for their own organisation: leave this empty', 'NOT_ALLOWED'));
        }
      }

      const topic = input.topic.trim();
      if (!topic && !refusedField(inputProblems, 'topic')) errors.push(userError(['input', 'topic'], 'Enter the topic (up to 200 characters)', 'REQUIRED'));
      let peopleCount = 1;
      if (scope === TrainingNeedScope.PERSON) {
        if (input.peopleCount != null && input.peopleCount !== 1) {
          errors.push(userError(['input', 'peopleCount'], 'A need from a 1:1 is for one person: leave the number of people empty', 'NOT_ALLOWED'));
        }
      } else {
        const problem = peopleCountProblem(input.peopleCount);
        if (problem) errors.push(userError(['input', 'peopleCount'], problem.message, problem.code));
        else peopleCount = input.peopleCount!;
      }
      if (!refusedField(inputProblems, 'wantedBy')) {
        const problem = wantedByProblem(input.wantedBy, calendarDateIn(found.time_zone, now));
        if (problem) errors.push(userError(['input', 'wantedBy'], problem.message, problem.code));
      }
      if (subject && !found.mandatory_subject && !refusedField(inputProblems, 'mandatorySubject')) {
        errors.push(userError(['input', 'mandatorySubject'], 'Choose a mandatory subject from the list', 'NOT_FOUND'));
      }
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));

      const [row] = await manager.query(
        `INSERT INTO training_need (partnership_id, organisation_id, raised_by_person_id, scope, team_manager_person_id, for_person_id,
           topic, detail, mandatory_subject, ksf_dimension, people_count, audience, priority, wanted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [viewer.partnershipId, organisationId, viewer.personId, scope,
          scope === TrainingNeedScope.TEAM ? viewer.personId : null, scope === TrainingNeedScope.PERSON ? viewer.personId : null,
          topic, input.detail?.trim() ?? '', subject, input.ksfDimension?.trim() || null, peopleCount, input.audience, input.priority,
          input.wantedBy.trim()]);
      await refreshNeedGrouping(manager, viewer.partnershipId);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'needs.raised',
        subjectType: 'training_need', subjectId: row.id,
        details: { organisationId, scope, topic, peopleCount, mandatorySubject: subject } });
      return manager.getRepository(TrainingNeedEntity).findOneByOrFail({ id: row.id });
    }));
    return { trainingNeed: result, userErrors };
  }

  async withdraw(viewer: Viewer, input: WithdrawTrainingNeedInput, origin: RequestOrigin, inputProblems: readonly UserError[]): Promise<TrainingNeedResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const need = await this.lockNeed(manager, viewer, input.needId, inputProblems);
      requireWithdrawingNeed(viewer, need);
      const errors = this.stateProblems(need, 'withdraw');
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      const reason = input.reason.trim();
      await manager.query(
        `UPDATE training_need SET status = 'withdrawn', withdrawn_reason = $2, withdrawn_at = now(), updated_at = now() WHERE id = $1`,
        [need.id, reason]);
      await refreshNeedGrouping(manager, viewer.partnershipId);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'needs.withdrawn',
        subjectType: 'training_need', subjectId: need.id, details: { organisationId: need.organisationId, topic: need.topic, reason } });
      return manager.getRepository(TrainingNeedEntity).findOneByOrFail({ id: need.id });
    }));
    return { trainingNeed: result, userErrors };
  }

  async meet(viewer: Viewer, input: MeetTrainingNeedInput, origin: RequestOrigin, inputProblems: readonly UserError[]): Promise<TrainingNeedResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const need = await this.lockNeed(manager, viewer, input.needId, inputProblems);
      requireMeetingNeed(viewer, need);
      const errors = this.stateProblems(need, 'meet');
      const courseKnown = isUuid(input.courseId) && (await manager.query(
        'SELECT 1 FROM course WHERE id = $1 AND partnership_id = $2', [input.courseId, viewer.partnershipId])).length > 0;
      if (!courseKnown && !refusedField(inputProblems, 'courseId')) {
        errors.push(userError(['input', 'courseId'], 'There is no such course in your partnership', 'NOT_FOUND'));
      }
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      await manager.query(
        `UPDATE training_need SET status = 'met', met_by_course_id = $2, updated_at = now() WHERE id = $1`, [need.id, input.courseId]);
      await refreshNeedGrouping(manager, viewer.partnershipId);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'needs.met',
        subjectType: 'training_need', subjectId: need.id, details: { organisationId: need.organisationId, topic: need.topic, courseId: input.courseId } });
      return manager.getRepository(TrainingNeedEntity).findOneByOrFail({ id: need.id });
    }));
    return { trainingNeed: result, userErrors };
  }

  /** The need, locked, of the viewer's partnership; otherwise NOT_FOUND on needId, with the input's other problems. */
  private async lockNeed(manager: EntityManager, viewer: Viewer, needId: string, inputProblems: readonly UserError[]): Promise<TrainingNeedEntity> {
    const need = isUuid(needId)
      ? await manager.getRepository(TrainingNeedEntity).createQueryBuilder('n').setLock('pessimistic_write')
        .where('n.id = :id AND n.partnership_id = :partnershipId', { id: needId, partnershipId: viewer.partnershipId }).getOne()
      : null;
    if (!need) throw new Refusal(withInputErrors(inputProblems, [userError(['input', 'needId'], NO_NEED, 'NOT_FOUND')]));
    return need;
  }

  /** A need that is withdrawn, met or in a proposal is no longer the lead's to withdraw or meet here. */
  private stateProblems(need: TrainingNeedEntity, doing: 'withdraw' | 'meet'): UserError[] {
    switch (need.status) {
      case TrainingNeedStatus.WITHDRAWN: return [userError(['input', 'needId'], 'This need has already been withdrawn', 'ALREADY_WITHDRAWN')];
      case TrainingNeedStatus.MET: return [userError(['input', 'needId'], 'This need has already been met', 'ALREADY_MET')];
      case TrainingNeedStatus.IN_PROPOSAL:
        return [userError(['input', 'needId'], `This need is in commissioning: its proposal must be declined before you can ${doing} it`, 'IN_COMMISSIONING')];
      default: return [];
    }
  }
}
