import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsUUID, ValidateNested } from 'class-validator';

@InputType({ description: 'One line of the register.' })
export class AttendanceMarkInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a booking on this session' })
  bookingId!: string;

  @Field({ description: 'true: attended; false: did not attend (a no-show).' })
  attended!: boolean;
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
