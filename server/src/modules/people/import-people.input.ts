import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

/** Well above 10,000 rows of ordinary people data; the HTTP body limit (4 MB) is the outer bound. */
export const MAX_CSV_CHARACTERS = 3_500_000;

@InputType()
export class ImportPeopleInput {
  @Field(() => ID, { description: 'The organisation the people join, in the administrator\'s partnership.' })
  organisationId!: string;

  @Field({
    description: 'The file\'s text. First line: name,email,kind,job_title,team,line_manager_email (any case; only name and email required). Up to 10,000 people; kind is staff (the default) or volunteer.',
  })
  @MaxLength(MAX_CSV_CHARACTERS, { message: 'The file is too large. Split it into files of at most 10,000 people' })
  csv!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A UUID the client makes, new for each attempt: poll peopleImport(id) with it while this runs. Sending the same importId again returns the first import (whatever its outcome) rather than importing twice.',
  })
  @IsOptional() @IsUUID('all', { message: 'Import id must be a UUID' })
  importId?: string | null;
}
