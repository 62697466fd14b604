import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';

const KEY = /^[\x21-\x7e]+$/;
const KEY_MESSAGE = 'Idempotency key must be 1 to 200 visible ASCII characters';

@InputType()
export class BookSessionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a session from the catalogue' })
  sessionId!: string;

  @Field(() => ID, { nullable: true, description: 'An L&D lead booking someone of their organisation; omit to book yourself.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a person of your organisation' })
  personId?: string;

  @Field({ nullable: true, description: 'Repeating a request with the same key returns the first result and books nothing more.' })
  @IsOptional() @Length(1, 200, { message: KEY_MESSAGE }) @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey?: string;

  @Field({ nullable: true, description: 'An L&D lead booking someone who already holds a place on another date of the same course: why they need both (audited).' })
  @IsOptional() @Length(1, 500, { message: 'Reason for a second place must be 500 characters or fewer' })
  secondPlaceReason?: string;
}

@InputType()
export class CancelBookingInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the bookings' })
  bookingId!: string;

  @Field({ nullable: true }) @IsOptional() @MaxLength(1000, { message: 'Reason must be 1,000 characters or fewer' })
  reason?: string;

  @Field({ nullable: true }) @IsOptional() @Length(1, 200, { message: KEY_MESSAGE }) @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey?: string;
}
