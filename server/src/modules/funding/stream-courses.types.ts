import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneySummary } from './funding.types';

/*
 * A course or session as one stream pays for it. They carry courseId / sessionId rather than an
 * `id`: the same course appears under several streams with different figures, and a client cache
 * that normalises by id would merge them.
 */

@ObjectType({ description: 'A session of a course paid from a stream: its figures on the stream, in the caller\'s scope.' })
export class StreamSession {
  @Field(() => ID) sessionId!: string;
  @Field() startsAt!: Date;
  @Field() cancelled!: boolean;
  @Field(() => MoneySummary) summary!: MoneySummary;
  @Field(() => Int, { description: 'Confirmed and attended places: for an L&D lead, their organisations\' people\'s only. Never more than seatsOffered.' }) seatsUsed!: number;
  @Field(() => Int, { description: 'The session\'s capacity; for an L&D lead, the seats allocated to their organisations plus the places their people took from the shared pool.' }) seatsOffered!: number;
}

@ObjectType({ description: 'A course with entries on a stream: its figures on the stream, in the caller\'s scope. Entries for the course that name no session count in the course\'s summary only.' })
export class StreamCourse {
  @Field(() => ID) courseId!: string;
  @Field() title!: string;
  @Field(() => MoneySummary) summary!: MoneySummary;
  @Field(() => [StreamSession], { description: 'By start time.' }) sessions!: StreamSession[];
}
