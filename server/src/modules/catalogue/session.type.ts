import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from '../organisations/organisation.type';
import { PageInfo } from '../../graphql/connection';
import { Course } from './course.type';
import { Venue } from './venue.type';
import { DeliveryMode, SeatAvailability, SessionStatus } from './catalogue.enums';

@ObjectType({ description: 'Seats an organisation holds on a session until the release time.' })
export class SeatAllocation {
  @Field(() => Organisation) organisation!: Organisation;
  @Field(() => Int) seats!: number;
  @Field(() => Int) seatsTaken!: number;
  @Field(() => Int) seatsLeft!: number;
  @Field({ description: "When the unused seats return to the shared pool (the session's release time)." }) releaseAt!: Date;
  @Field({ description: 'Whether the release time has passed: the unused seats are the pool\'s now.' }) released!: boolean;
}

@ObjectType({ description: 'One scheduled run of a course.' })
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => Course) course!: Course;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => DeliveryMode) deliveryMode!: DeliveryMode;
  @Field(() => Venue, { nullable: true, description: 'Null when online.' }) venue!: Venue | null;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: "For the caller: the shared pool plus their organisation's unused allocation." })
  seatsLeft!: number;
  @Field(() => SeatAvailability, { description: 'seatsLeft as a tag: FULL, FEW_LEFT (3 or fewer) or AVAILABLE.' })
  seatAvailability!: SeatAvailability;
  @Field(() => [SeatAllocation], { description: 'L&D leads, provider coordinators and administrators only.' })
  allocations!: SeatAllocation[];
  @Field(() => SeatAllocation, { nullable: true, description: "The signed-in person's organisation's allocation on this session; null when it holds none." })
  myOrganisationAllocation!: SeatAllocation | null;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field() bookingClosesAt!: Date;
  @Field({ description: 'When unused allocated seats return to the shared pool.' }) releaseAt!: Date;
}

@ObjectType()
export class SessionEdge {
  @Field() cursor!: string;
  @Field(() => Session) node!: Session;
}

@ObjectType()
export class SessionConnection {
  @Field(() => [SessionEdge]) edges!: SessionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
