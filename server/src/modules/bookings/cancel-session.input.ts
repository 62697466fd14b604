import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, Length } from 'class-validator';

@InputType()
export class CancelSessionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of your sessions.' })
  sessionId!: string;

  @Field({ description: 'Told to everyone booked or waiting.' })
  @Length(1, 1000, { message: 'Say why the session is cancelled (up to 1,000 characters).' })
  reason!: string;
}
