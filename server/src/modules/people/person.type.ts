import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { UserError } from '../../graphql/user-error';
import { Organisation } from '../organisations/organisation.type';
import { PersonKind, RoleGrant } from '../auth/auth.types';

@ObjectType({ description: 'A member of a partner organisation. Seen only by those who may list them (people query).' })
export class Person {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Work email, also their sign-in name.' }) email!: string;
  @Field(() => PersonKind) kind!: PersonKind;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => Organisation, { nullable: true, description: 'Null for independent volunteers.' }) organisation!: Organisation | null;
  @Field(() => Person, { nullable: true, description: 'Null when they have none, or when the caller may not see that person.' })
  lineManager!: Person | null;
  @Field(() => [RoleGrant]) roles!: RoleGrant[];
  @Field({ description: 'A disabled person cannot sign in and has no sessions.' }) disabled!: boolean;
}

@ObjectType()
export class PersonEdge {
  @Field() cursor!: string;
  @Field(() => Person) node!: Person;
}

@ObjectType()
export class PersonConnection {
  @Field(() => [PersonEdge]) edges!: PersonEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType()
export class PersonPayload {
  @Field(() => Person, { nullable: true }) person!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
