import { Field, ID, InputType, Int } from 'type-graphql';
import { IsIn, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { SECTOR_KEYS } from '@portal/domain';
import { LedgerEntryKind } from './funding.enums';

/**
 * The entries behind a figure of the funding overview: give the year and the key of the cell (a
 * stream, funder, organisation, sector or quarter, a course or session of a stream), and the
 * connection's summary is that figure. Every condition given must hold.
 */
@InputType({ description: 'Narrows the ledger to the entries behind one figure of the funding overview; every condition given must hold.' })
export class LedgerEntryFilter {
  @Field() @MaxLength(100, { message: 'There is no such partnership.' })
  partnershipSlug!: string;

  @Field({ description: 'UK financial year of the entries\' streams, e.g. "2026/27".' }) @MaxLength(20, { message: 'Write the financial year like 2026/27.' })
  financialYear!: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Stream id is not a valid id.' })
  streamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An organisation id, or "none" for entries with no organisation (independent volunteers).' })
  @IsOptional() @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'Organisation must be an organisation id or "none".' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'A key of the overview\'s bySector: a sector as stored (e.g. "acute_trust"), or "independent".' })
  @IsOptional() @IsIn(SECTOR_KEYS, { message: 'Sector must be a key of the overview\'s sector breakdown, such as acute_trust or independent.' })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'A funder as the overview\'s byFunder names it.' })
  @IsOptional() @MaxLength(200, { message: 'The funder\'s name is 200 characters or fewer.' })
  funderName?: string | null;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4 of the financial year.' })
  @IsOptional() @Min(1, { message: 'Quarter must be 1, 2, 3 or 4.' }) @Max(4, { message: 'Quarter must be 1, 2, 3 or 4.' })
  quarter?: number | null;

  @Field(() => LedgerEntryKind, { nullable: true }) kind?: LedgerEntryKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only no-show and late-cancellation spend (the overview\'s noShowCost); false: all but those.' })
  wasted?: boolean | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Course id is not a valid id.' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Session id is not a valid id.' })
  sessionId?: string | null;
}
