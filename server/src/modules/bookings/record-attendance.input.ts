import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, MaxLength, Matches, ValidateNested } from 'class-validator';

/** What the register says happened to a place. */
export enum AttendanceOutcome { ATTENDED = 'attended', NO_SHOW = 'no_show', LATE_CANCELLATION = 'late_cancellation' }
registerEnumType(AttendanceOutcome, {
  name: 'AttendanceOutcome',
  description: 'ATTENDED: came. NO_SHOW: did not come and did not say. LATE_CANCELLATION: did not come, having said too late to fill the seat.',
});

export const MAX_CORRECTION_REASON = 1000;

@InputType({ description: 'One line of the register.' })
export class AttendanceMarkInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a booking on this session' })
  bookingId!: string;

  @Field({ description: 'true: attended; false: did not attend (a no-show, or a late cancellation with lateCancellation).' })
  attended!: boolean;

  @Field({ nullable: true, description: 'With attended false: they cancelled too late for the seat to be filled (paid for, as wasted).' })
  @IsOptional() @IsBoolean()
  lateCancellation?: boolean;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of your sessions' })
  sessionId!: string;

  @Field(() => [AttendanceMarkInput])
  @ArrayMinSize(1, { message: 'Mark at least one person' })
  @ArrayMaxSize(10_000, { message: 'Mark at most 10,000 people at once' })
  @ValidateNested({ each: true })
  attendance!: AttendanceMarkInput[];
}

@InputType({ description: 'A mark already on the register, changed, with the reason (kept in the audit log).' })
export class CorrectAttendanceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a booking on one of your sessions' })
  bookingId!: string;

  @Field(() => AttendanceOutcome) @IsEnum(AttendanceOutcome, { message: 'Choose what happened' })
  outcome!: AttendanceOutcome;

  @Field() @Matches(/\S/, { message: 'Enter the reason for the correction' })
  @MaxLength(MAX_CORRECTION_REASON, { message: `Reason must be ${MAX_CORRECTION_REASON.toLocaleString('en-GB')} characters or fewer` })
  reason!: string;
}
