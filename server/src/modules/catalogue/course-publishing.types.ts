import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Course } from './course.type';
import { Venue } from './venue.type';

@ObjectType()
export class CoursePayload {
  @Field(() => Course, { nullable: true }) course!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class VenuePayload {
  @Field(() => Venue, { nullable: true }) venue!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
