import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { Person } from '../people/person.type';

@ObjectType({ description: 'One recorded change or sign-in event. Administrators only.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field({ description: 'module.verb, e.g. roles.granted, people.imported.' }) action!: string;
  @Field(() => Person, { nullable: true, description: 'Who did it; null for events with no signed-in person.' }) actor!: Person | null;
  @Field(() => String, { nullable: true, description: 'The kind of thing changed, e.g. person, organisation, people_import.' })
  subjectType!: string | null;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
  @Field({ description: 'What changed, as JSON text.' }) details!: string;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field() cursor!: string;
  @Field(() => AuditEntry) node!: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges!: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
