import { Field, Float, ID, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { InformalLearningKind } from './records.enums';

export const MAX_DESCRIPTION = 2000;
export const MAX_EVIDENCE_URL = 2000;

@InputType({ description: 'Informal learning for the viewer\'s own record.' })
export class LogInformalLearningInput {
  @Field(() => InformalLearningKind) @IsEnum(InformalLearningKind, { message: 'Choose the kind of learning' })
  kind!: InformalLearningKind;

  @Field({ description: 'The date of the learning, YYYY-MM-DD: today or earlier.' })
  @MaxLength(40, { message: 'The date you did the learning must be a real date' })
  learnedOn!: string;

  @Field(() => Float, { description: 'More than 0 and fewer than 1,000, to 2 decimal places (a Float so that 1000 is a field error).' })
  hours!: number;

  @Field({ description: 'What was learned.' })
  @Matches(/\S/, { message: 'Enter what you learned' })
  @MaxLength(MAX_DESCRIPTION, { message: `What you learned must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or fewer` })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Evidence as a link (http or https).' })
  @IsOptional()
  @MaxLength(MAX_EVIDENCE_URL, { message: `The evidence link must be ${MAX_EVIDENCE_URL.toLocaleString('en-GB')} characters or fewer` })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Enter the evidence link as a web address, like https://example.org/certificate' })
  evidenceUrl?: string | null;

  @Field(() => ID, { nullable: true, description: 'Evidence as a file uploaded first to POST /learning-files/evidence (PDF, PNG or JPEG, up to 5 MB).' })
  @IsOptional() @IsUUID('all', { message: 'Upload the evidence file again' })
  evidenceFileId?: string | null;
}

@InputType()
export class ConfirmInformalLearningInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an entry of your report\'s learning record' })
  entryId!: string;
}
