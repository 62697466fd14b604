import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { LedgerEntryKind } from './funding.enums';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

@InputType({ description: 'Bookings post their own commitments, releases and spend; this records the rest (budgets, contributions, allocations, invoices) and corrections.' })
export class RecordLedgerEntryInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a funding stream' })
  streamId!: string;

  @Field(() => LedgerEntryKind) kind!: LedgerEntryKind;

  @Field({ description: 'Pounds and pence, e.g. "480.00". Always positive: a correction is an ADJUSTMENT that reverses an entry.' })
  @MaxLength(40, { message: 'Enter an amount in pounds, like 1250.00' })
  amount!: string;

  @Field({ description: 'Why: an invoice number, a decision, what the correction mends.' })
  @Length(1, 1000, { message: 'Enter why, in 1,000 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'Reason must not contain control characters' })
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'When the money moves; inside the stream\'s financial year. Default: now. Ignored for ADJUSTMENT (it takes the reversed entry\'s).' })
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'CONTRIBUTION: the contributing partner; ALLOCATION, COMMITMENT, SPEND: who it is for.' })
  @IsOptional() @IsUUID('all', { message: 'Choose an organisation of the partnership' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose a course from the catalogue' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose a session from the catalogue' })
  sessionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'ADJUSTMENT only: the entry it reverses (in full or in part).' })
  @IsOptional() @IsUUID('all', { message: 'Choose the entry to reverse' })
  reversesEntryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Repeating a request with the same key returns the first entry.' })
  @IsOptional() @Length(1, 200, { message: 'Idempotency key must be 1 to 200 characters' })
  idempotencyKey?: string | null;
}
