import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class DecideBookingInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the requests' })
  bookingId!: string;

  @Field({ description: 'True to approve, false to decline.' })
  approve!: boolean;

  @Field({ nullable: true, description: 'Told to the person with the decision.' })
  @IsOptional() @MaxLength(1000, { message: 'Note must be 1,000 characters or fewer' })
  note?: string;
}
