import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Organisation } from '../organisations/organisation.type';

export enum PeopleImportStatus { RUNNING = 'running', SUCCEEDED = 'succeeded', FAILED = 'failed' }
registerEnumType(PeopleImportStatus, { name: 'PeopleImportStatus' });

@ObjectType({ description: 'A problem with one line of an imported file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'The line of the file; line 1 is the header.' }) line!: number;
  @Field({ description: 'The column (name, email, kind, job_title, team, line_manager_email), or header, row or csv.' })
  field!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'A CSV file of people being imported into one organisation: all its rows, or none.' })
export class PeopleImport {
  @Field(() => ID) id!: string;
  @Field(() => PeopleImportStatus) status!: PeopleImportStatus;
  @Field(() => Int, { description: 'Data rows in the file (the header not counted).' }) totalRows!: number;
  @Field(() => Int, {
    description: 'How far the import has got, from 0 to totalRows: each row counts half when it has been checked and half when it has been written.',
  })
  processedRows!: number;
  @Field(() => Int, { description: 'People added: totalRows when SUCCEEDED, otherwise 0.' }) importedCount!: number;
  @Field(() => [ImportRowError], { description: 'Every problem found, in line order, when FAILED.' }) errors!: ImportRowError[];
  @Field(() => Organisation) organisation!: Organisation;
  @Field() createdAt!: Date;
}

@ObjectType()
export class ImportPeoplePayload {
  @Field(() => PeopleImport, { nullable: true }) import!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
