import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { BookingStatus } from './booking.type';
import { AttendanceOutcome } from './record-attendance.input';

@ObjectType({ description: 'One booked person on a session\'s register.' })
export class RegisterLine {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) personId!: string;
  @Field() personName!: string;
  @Field(() => String, { nullable: true, description: 'The organisation the place is charged to.' }) organisationName!: string | null;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => AttendanceOutcome, { nullable: true, description: 'What the register says happened; null while the place is not marked.' })
  outcome!: AttendanceOutcome | null;
}

@ObjectType({ description: 'A session\'s register: its confirmed and marked places, by name. For the course\'s provider and administrators.' })
export class SessionRegister {
  @Field(() => ID) sessionId!: string;
  @Field({ description: 'Whether the register is open: the session has started and is not cancelled.' }) open!: boolean;
  @Field(() => [RegisterLine]) lines!: RegisterLine[];
}

@ObjectType()
export class SessionRegisterPayload {
  @Field(() => SessionRegister, { nullable: true }) register!: SessionRegister | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
