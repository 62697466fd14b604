import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { LedgerEntryFilter } from './ledger-entry-filter.input';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

@ArgsType()
export class LedgerEntriesArgs {
  @Field(() => LedgerEntryFilter) @ValidateNested()
  filter!: LedgerEntryFilter;

  @Field(() => Int, { nullable: true, description: `Default ${DEFAULT_PAGE}, at most ${MAX_PAGE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(400, { message: 'The cursor is not one this server gave.' })
  after?: string | null;
}
