import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CourseAudience } from '../catalogue/catalogue.enums';
import { TrainingNeedPriority, TrainingNeedScope, TrainingNeedStatus } from './needs.enums';
import type { TrainingNeedEntity } from './training-need.entity';

/**
 * A training need. Its organisation, mandatory subject and the like are field resolvers in this
 * module, from the ids it carries.
 */
@ObjectType({ description: 'A training need raised for an organisation, a team or one person.' })
export class TrainingNeed {
  @Field(() => ID) id!: string;
  @Field(() => TrainingNeedScope) scope!: TrainingNeedScope;
  @Field() topic!: string;
  @Field() detail!: string;
  @Field(() => String, { nullable: true, description: 'An NHS KSF dimension code, as courses name them: e.g. C3 (health, safety and security) or HWB5.' }) ksfDimension!: string | null;
  @Field(() => Int) peopleCount!: number;
  @Field(() => CourseAudience) audience!: CourseAudience;
  @Field(() => TrainingNeedPriority) priority!: TrainingNeedPriority;
  @Field({ description: 'A calendar date, YYYY-MM-DD.' }) wantedBy!: string;
  @Field(() => TrainingNeedStatus) status!: TrainingNeedStatus;
  @Field(() => String, { nullable: true }) withdrawnReason!: string | null;
  @Field() createdAt!: Date;

  partnershipId!: string;
  organisationId!: string;
  raisedByPersonId!: string;
  teamManagerPersonId!: string | null;
  forPersonId!: string | null;
  mandatorySubjectCode!: string | null;
  metByCourseId!: string | null;
}

export function toTrainingNeed(row: TrainingNeedEntity): TrainingNeed {
  return Object.assign(new TrainingNeed(), {
    id: row.id, scope: row.scope as TrainingNeedScope, topic: row.topic, detail: row.detail, ksfDimension: row.ksfDimension,
    peopleCount: row.peopleCount, audience: row.audience as CourseAudience, priority: row.priority as TrainingNeedPriority,
    wantedBy: row.wantedBy, status: row.status as TrainingNeedStatus, withdrawnReason: row.withdrawnReason, createdAt: row.createdAt,
    partnershipId: row.partnershipId, organisationId: row.organisationId, raisedByPersonId: row.raisedByPersonId,
    teamManagerPersonId: row.teamManagerPersonId, forPersonId: row.forPersonId, mandatorySubjectCode: row.mandatorySubject,
    metByCourseId: row.metByCourseId,
  });
}
