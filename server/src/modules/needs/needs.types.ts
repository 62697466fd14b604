import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { UserError } from '../../graphql/user-error';
import { MandatorySubject } from '../catalogue/mandatory-subject.type';
import { Session } from '../catalogue/session.type';
import { Organisation } from '../organisations/organisation.type';
import { TrainingNeed } from './training-need.type';

@ObjectType()
export class TrainingNeedPayload {
  @Field(() => TrainingNeed, { nullable: true }) trainingNeed!: TrainingNeed | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class TrainingNeedEdge {
  @Field() cursor!: string;
  @Field(() => TrainingNeed) node!: TrainingNeed;
}

@ObjectType()
export class TrainingNeedConnection {
  @Field(() => [TrainingNeedEdge]) edges!: TrainingNeedEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

/** What a group of needs shares. */
export enum TrainingNeedGroupKind { MANDATORY_SUBJECT = 'mandatory_subject', KSF_DIMENSION = 'ksf_dimension', TOPIC = 'topic' }
registerEnumType(TrainingNeedGroupKind, {
  name: 'TrainingNeedGroupKind',
  description: 'MANDATORY_SUBJECT first, then KSF_DIMENSION (needs naming no subject), then TOPIC (needs naming neither, by full-text similarity).',
});

@ObjectType({ description: 'One organisation\'s part of a group: what every reader of shared demand sees of it.' })
export class TrainingNeedGroupOrganisation {
  @Field(() => Organisation) organisation!: unknown;
  @Field(() => Int) needCount!: number;
  @Field(() => Int) peopleCount!: number;
  @Field(() => [ID], { description: 'Its needs in the group, by id alone: what a lead names to propose a course for the whole group.' })
  needIds!: string[];
  organisationId!: string;
}

@ObjectType({ description: 'Open and grouped needs of two or more organisations that one course could meet, with the sessions already on offer that could.' })
export class TrainingNeedGroup {
  @Field({ description: 'Stable while the group lasts: "mandatory_subject:moving-and-handling", "ksf_dimension:C3" or "topic:<first need id>".' }) key!: string;
  @Field(() => TrainingNeedGroupKind) kind!: TrainingNeedGroupKind;
  @Field({ description: 'The subject\'s name, "KSF C3", or the first need\'s topic.' }) label!: string;
  @Field(() => MandatorySubject, { nullable: true }) mandatorySubject!: unknown;
  @Field(() => String, { nullable: true }) ksfDimension!: string | null;
  @Field(() => [TrainingNeed], { description: 'Administrators and the steering group: every need of the group; an L&D lead: those of the organisations they lead (the others are in organisations, as counts).' })
  needs!: TrainingNeed[];
  @Field(() => [TrainingNeedGroupOrganisation], { description: 'Every organisation with needs in the group, most people first.' })
  organisations!: TrainingNeedGroupOrganisation[];
  @Field(() => Int, { description: 'Needs in the group, every organisation\'s.' }) needCount!: number;
  @Field(() => Int, { description: 'People in the group, every organisation\'s.' }) peopleCount!: number;
  @Field({ description: 'The earliest wanted-by date of its needs, YYYY-MM-DD.' }) earliestWantedBy!: string;
  @Field(() => [Session], { description: 'Upcoming sessions of public courses that could meet it (scheduled, booking still open), soonest first, at most 10.' })
  sessions!: unknown[];
  mandatorySubjectCode!: string | null;
}
