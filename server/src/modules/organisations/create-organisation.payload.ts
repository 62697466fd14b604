import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Organisation } from './organisation.type';
import { Person } from '../people/person.type';

@ObjectType()
export class CreateOrganisationPayload {
  @Field(() => Organisation, { nullable: true }) organisation!: unknown;
  @Field(() => Person, { nullable: true, description: 'The new L&D lead, when one was given.' }) lead!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
