import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';

const MAX_SEATS = 10_000;

@InputType({ description: 'Seats an organisation holds on the session until the release time.' })
export class SeatAllocationInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an organisation of the partnership' })
  organisationId!: string;

  @Field(() => Int)
  @Min(1, { message: 'Seats must be 1 or more: leave the organisation out to remove its allocation' })
  @Max(MAX_SEATS, { message: `Seats must be ${MAX_SEATS.toLocaleString('en-GB')} or fewer` })
  seats!: number;
}

@InputType({ description: 'The whole set of allocations: organisations left out lose theirs (only if none of its seats is taken).' })
export class SetSeatAllocationsInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a session from the catalogue' })
  sessionId!: string;

  @Field(() => Int, { nullable: true, description: 'Omit to keep the capacity.' })
  @IsOptional()
  @Min(1, { message: 'Capacity must be 1 or more' })
  @Max(MAX_SEATS, { message: `Capacity must be ${MAX_SEATS.toLocaleString('en-GB')} or fewer` })
  capacity?: number | null;

  @Field(() => [SeatAllocationInput])
  @ArrayMaxSize(200, { message: 'Allocate seats to 200 organisations or fewer' })
  @ValidateNested({ each: true })
  allocations!: SeatAllocationInput[];
}
