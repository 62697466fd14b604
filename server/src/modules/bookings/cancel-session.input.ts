import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, Length } from 'class-validator';

@InputType()
export class CancelSessionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of your sessions' })
  sessionId!: string;

  @Field({ description: 'Told to everyone booked or waiting.' })
  @Length(1, 1000, { message: 'Enter why the session is cancelled, in 1,000 characters or fewer' })
  reason!: string;
}
