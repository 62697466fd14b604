import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { Money } from '../../graphql/money.type';
import { UserError } from '../../graphql/user-error';
import { Session } from '../catalogue/session.type';
import { Organisation } from '../organisations/organisation.type';
import { Person } from '../people/person.type';

export enum BookingStatus {
  REQUESTED = 'requested', CONFIRMED = 'confirmed', WAITLISTED = 'waitlisted', DECLINED = 'declined',
  CANCELLED = 'cancelled', ATTENDED = 'attended', NO_SHOW = 'no_show',
}
registerEnumType(BookingStatus, { name: 'BookingStatus' });

export enum ApproverKind { LINE_MANAGER = 'line_manager', LD_LEAD = 'ld_lead' }
registerEnumType(ApproverKind, { name: 'ApproverKind' });

@ObjectType({ description: "One approval a requested place needs, in the order of its organisation's policy." })
export class ApprovalStep {
  @Field(() => ApproverKind) approver!: ApproverKind;
  @Field({ description: 'Whether this approval has been given.' }) given!: boolean;
  @Field(() => Person, { nullable: true, description: 'For LINE_MANAGER: the person who decides it.' }) person!: Person | null;
}

@ObjectType({ description: "Another live place the same person holds on the same course." })
export class OtherPlaceOnCourse {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) sessionId!: string;
  @Field() startsAt!: Date;
  @Field(() => BookingStatus) status!: BookingStatus;
}

@ObjectType({ description: 'A person on a session.' })
export class Booking {
  @Field(() => ID) id!: string;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => Person) person!: Person;
  @Field(() => Session) session!: Session;
  @Field(() => Int, { nullable: true, description: 'Place in the waiting list (1 = next), while WAITLISTED.' })
  waitlistPosition!: number | null;
  @Field(() => Organisation, { nullable: true, description: 'The organisation the place is charged to.' })
  organisation!: Organisation | null;
  @Field(() => Organisation, { nullable: true, description: "Whose allocation the seat came from; null: the shared pool." })
  seatFrom!: Organisation | null;
  @Field(() => Money, { description: 'The cost the place commits (nothing while waiting).' }) cost!: Money;
  @Field(() => Person, { nullable: true, description: 'Who made the booking, when it was a lead on their behalf.' })
  bookedBy!: Person | null;
  @Field(() => Boolean, { nullable: true, description: 'For a cancellation: whether it came too close to the start.' })
  cancelledLate!: boolean | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'For a REQUESTED place: when it lapses undecided (REQUEST_HOLD_HOURS before the start; a request made later lapses when booking closes, at the start at the latest).' })
  requestLapsesAt!: Date | null;
  @Field(() => [ApprovalStep], { description: 'For a REQUESTED place: every approval it needs, given or not; empty otherwise.' })
  approvalSteps!: ApprovalStep[];
  @Field(() => [OtherPlaceOnCourse], { description: "The person's other live places on upcoming sessions of this course (a clash), soonest first." })
  otherPlacesOnCourse!: OtherPlaceOnCourse[];
}

@ObjectType()
export class BookingPayload {
  @Field(() => Booking, { nullable: true }) booking!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class BookingEdge {
  @Field() cursor!: string;
  @Field(() => Booking) node!: Booking;
}

@ObjectType()
export class BookingConnection {
  @Field(() => [BookingEdge]) edges!: BookingEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
