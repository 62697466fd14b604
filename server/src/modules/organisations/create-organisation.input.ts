import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsEmailAddress } from '../../graphql/email-address.validator';
import { OrganisationRole, Sector } from './organisation.enums';
import { IsOrgId } from './org-id.validator';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const MAX_HEADCOUNT = 1_000_000;

@InputType({
  description: 'A new staff member of the new organisation. They get no password: they are emailed an invitation whose link sets one.',
})
export class NewPersonInput {
  @Field() @MaxLength(200, { message: 'Full name must be 200 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The name cannot contain control characters.' })
  name!: string;

  @Field({ description: 'Their work email: it must not belong to anyone in the portal yet.' })
  @IsEmailAddress()
  email!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'Job title must be 200 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The job title cannot contain control characters.' })
  jobTitle?: string | null;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @MaxLength(200, { message: 'Name must be 200 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The name cannot contain control characters.' })
  name!: string;

  @Field({ description: 'Unique within the partnership: 2 to 20 capital letters, digits or hyphens, e.g. PSHNHSFT.' })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'Enter a short code of 2 to 20 capital letters, digits or hyphens, like PCC or NWAFT-2.' })
  shortCode!: string;

  @Field(() => Sector) sector!: Sector;
  @Field(() => OrganisationRole) role!: OrganisationRole;

  @Field(() => Boolean, { nullable: true, description: 'Whether it delivers training to others. Default: false.' })
  deliversTraining?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Default: 0.' })
  @IsOptional() @Min(0, { message: 'Staff headcount cannot be negative.' })
  @Max(MAX_HEADCOUNT, { message: 'Staff headcount must be at most 1,000,000.' })
  staffHeadcount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default: 0.' })
  @IsOptional() @Min(0, { message: 'Volunteer headcount cannot be negative.' })
  @Max(MAX_HEADCOUNT, { message: 'Volunteer headcount must be at most 1,000,000.' })
  volunteerHeadcount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its registered identifier as org-id.guide writes it: GB-NHS-<ODS code>, GB-CHC-<charity number>, GB-COH-<company number> or GB-LAE-<local authority code>.',
  })
  @ValidateIf((_input, value) => typeof value === 'string' && value.trim() !== '') @IsOrgId()
  orgId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The sector group that represents it (independent-sector organisations).' })
  sectorGroupId?: string | null;

  @Field(() => NewPersonInput, {
    nullable: true,
    description: 'Its L&D lead, created with the organisation as a staff member with the LD_LEAD role. They are emailed an invitation whose link sets their password.',
  })
  @IsOptional() @ValidateNested()
  lead?: NewPersonInput | null;
}
