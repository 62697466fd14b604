import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Sector } from '../organisations/organisation.enums';
import { CourseAudience } from '../catalogue/catalogue.enums';
import { FunderKind, FundingPurpose } from './funding.enums';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const AMOUNT_DESCRIPTION = 'Pounds and pence, e.g. "12500.00" or "12,500". Positive, at most 2 decimal places.';

@InputType({ description: 'A partner\'s share of a pooled stream.' })
export class FundingContributionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an organisation of the partnership.' })
  organisationId!: string;

  @Field({ description: AMOUNT_DESCRIPTION }) @MaxLength(40, { message: 'Enter an amount in pounds, like 1250.00.' })
  amount!: string;
}

@InputType()
export class CreateFundingStreamInput {
  @Field() @Length(1, 200, { message: 'Enter the stream\'s name (up to 200 characters).' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The name cannot contain control characters.' })
  name!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, { message: 'The description must be 2,000 characters or fewer.' })
  description?: string | null;

  @Field(() => FunderKind) funderKind!: FunderKind;

  @Field(() => String, { nullable: true, description: 'Required for an outside funder; a partner funder is named by funderOrganisationId.' })
  @IsOptional() @Length(1, 200, { message: 'Enter the funder\'s name (up to 200 characters).' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The funder\'s name cannot contain control characters.' })
  funderName?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required when funderKind is PARTNER.' })
  @IsOptional() @IsUUID('all', { message: 'Choose the partner organisation that funds the stream.' })
  funderOrganisationId?: string | null;

  @Field({ description: 'UK financial year, written like "2026/27".' }) @MaxLength(20, { message: 'Write the financial year like 2026/27.' })
  financialYear!: string;

  @Field({ description: `The stream's amount. ${AMOUNT_DESCRIPTION} A pooled stream's contributions must add up to it.` })
  @MaxLength(40, { message: 'Enter an amount in pounds, like 1250.00.' })
  amount!: string;

  @Field(() => ID, { description: 'The organisation whose budget holder manages the stream.' })
  @IsUUID('all', { message: 'Choose the organisation that manages the stream.' })
  managingOrganisationId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Partners contribute into it. Default: false.' })
  pooled?: boolean | null;

  @Field(() => [FundingContributionInput], { nullable: true, description: 'Pooled streams only: each partner\'s share.' })
  @IsOptional() @ArrayMaxSize(100, { message: 'At most 100 partners can contribute to one stream.' }) @ValidateNested({ each: true })
  contributions?: FundingContributionInput[] | null;

  @Field(() => CourseAudience, { nullable: true, description: 'Who it may pay for. Default: BOTH.' })
  audience?: CourseAudience | null;

  @Field(() => [Sector], { nullable: true, description: 'Empty or omitted: every sector.' })
  @IsOptional() @ArrayMaxSize(20, { message: 'List at most 20 sectors.' })
  eligibleSectors?: Sector[] | null;

  @Field(() => [FundingPurpose], { nullable: true, description: 'Empty or omitted: any learning.' })
  @IsOptional() @ArrayMaxSize(20, { message: 'List at most 20 purposes.' })
  purposes?: FundingPurpose[] | null;
}
