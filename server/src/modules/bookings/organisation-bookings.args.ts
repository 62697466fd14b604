import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BookingStatus } from './booking.type';

@InputType({ description: "Narrows an organisation's bookings; every condition given must hold." })
export class BookingFilter {
  @Field(() => [BookingStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional() @ArrayMaxSize(7, { message: 'Give each status at most once.' })
  status?: BookingStatus[];

  @Field(() => ID, { nullable: true, description: 'Only bookings on this session.' })
  @IsOptional() @IsUUID('all', { message: 'Session id is not a valid id.' })
  sessionId?: string;

  @Field({ nullable: true, description: 'Bookings on sessions starting at or after this time.' })
  from?: Date;

  @Field({ nullable: true, description: 'Bookings on sessions starting before this time.' })
  to?: Date;
}

@ArgsType()
export class OrganisationBookingsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'Organisation id is not a valid id.' })
  organisationId!: string;

  @Field(() => BookingFilter, { nullable: true }) @IsOptional() @ValidateNested()
  filter?: BookingFilter;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @Min(1, { message: 'first must be at least 1.' }) @Max(100, { message: 'first must be at most 100.' })
  first!: number;

  @Field({ nullable: true }) @IsOptional() @MaxLength(400, { message: 'The cursor is not one this server gave.' })
  after?: string;
}
