import { Field, ID, InputType } from 'type-graphql';
import { Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsEmailAddress } from '../../graphql/email-address.validator';
import { IsOrgId } from './org-id.validator';

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_WEBSITE_LENGTH = 500;

/** Control characters other than line breaks and tabs, which a description may hold. */
const NO_CONTROL_CHARACTERS_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const WEB_ADDRESS = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i;
const TELEPHONE = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;

/** Given and not blank: a blank text field clears what was there, so only text is checked. */
const hasText = (_input: object, value: unknown) => typeof value !== 'string' || value.trim() !== '';
const given = (_input: object, value: unknown) => value !== null && value !== undefined && hasText(_input, value);

@InputType({
  description: 'Changes to one organisation\'s directory entry. A field left out stays as it is; an empty text clears it.',
})
export class UpdateOrganisationEntryInput {
  @Field(() => ID) organisationId!: string;

  @Field(() => String, { nullable: true, description: `What the organisation does, up to ${MAX_DESCRIPTION_LENGTH} characters.` })
  @ValidateIf(given)
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `Description must be ${MAX_DESCRIPTION_LENGTH.toLocaleString('en-GB')} characters or fewer` })
  @Matches(NO_CONTROL_CHARACTERS_BUT_LINES, { message: 'Description cannot contain control characters' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Its website, starting https:// or http://.' })
  @ValidateIf(given)
  @MaxLength(MAX_WEBSITE_LENGTH, { message: `Website must be ${MAX_WEBSITE_LENGTH} characters or fewer` })
  @Matches(WEB_ADDRESS, { message: 'Enter a website address in the correct format, like https://www.example.org.uk' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'A general address for learning enquiries.' })
  @ValidateIf(given) @IsEmailAddress()
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @Matches(TELEPHONE, { message: 'Enter a telephone number, like 01632 960 001 or +44 1632 960 001' })
  contactPhone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it delivers training to other organisations. Left out or null: unchanged.' })
  deliversTraining?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Administrators only: its registered identifier as org-id.guide writes it (GB-NHS-…, GB-CHC-…, GB-COH-…, GB-LAE-…).',
  })
  @ValidateIf(given) @IsOrgId()
  orgId?: string | null;
}
