import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DeliveryMode } from './catalogue.enums';
import { SeatAllocationInput } from './set-seat-allocations.input';

const MAX_SEATS = 10_000;

@InputType({ description: 'A new session of a course the caller provides.' })
export class ScheduleSessionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of your courses' })
  courseId!: string;

  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => DeliveryMode) deliveryMode!: DeliveryMode;

  @Field(() => ID, { nullable: true, description: 'Required unless ONLINE.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a venue' })
  venueId?: string | null;

  @Field(() => Int)
  @Min(1, { message: 'The capacity must be at least 1' })
  @Max(MAX_SEATS, { message: `The capacity must be at most ${MAX_SEATS.toLocaleString('en-GB')}` })
  capacity!: number;

  @Field(() => [SeatAllocationInput], { nullable: true, description: 'Seats held per organisation until the release time; the rest is the shared pool.' })
  @IsOptional() @ArrayMaxSize(200, { message: 'Allocate seats to at most 200 organisations' }) @ValidateNested({ each: true })
  allocations?: SeatAllocationInput[] | null;

  @Field(() => Date, { nullable: true, description: 'Default: the start.' }) bookingClosesAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When unused allocated seats return to the pool. Default: 14 days before the start.' })
  releaseAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Fewer places than this at booking close and the provider and allocation holders are told.' })
  @IsOptional() @Min(1, { message: 'The minimum numbers must be at least 1' })
  @Max(MAX_SEATS, { message: `The minimum numbers must be at most ${MAX_SEATS.toLocaleString('en-GB')}` })
  minimumPlaces?: number | null;
}

@InputType({ description: 'Changes to a scheduled session: omitted fields stay. A change of time or place tells everyone booked, with an updated calendar invite.' })
export class RescheduleSessionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of your sessions' })
  sessionId!: string;

  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => DeliveryMode, { nullable: true }) deliveryMode?: DeliveryMode | null;

  @Field(() => ID, { nullable: true, description: 'Omit to keep; null for online.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a venue' })
  venueId?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional()
  @Min(1, { message: 'The capacity must be at least 1' })
  @Max(MAX_SEATS, { message: `The capacity must be at most ${MAX_SEATS.toLocaleString('en-GB')}` })
  capacity?: number | null;

  @Field(() => Date, { nullable: true }) bookingClosesAt?: Date | null;
  @Field(() => Date, { nullable: true }) releaseAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Omit to keep; null to have none.' }) @IsOptional()
  @Min(1, { message: 'The minimum numbers must be at least 1' })
  @Max(MAX_SEATS, { message: `The minimum numbers must be at most ${MAX_SEATS.toLocaleString('en-GB')}` })
  minimumPlaces?: number | null;

  @Field(() => String, { nullable: true, description: 'Why, for the audit log.' })
  @IsOptional() @MaxLength(1000, { message: 'The reason must be 1,000 characters or fewer' })
  reason?: string | null;
}
