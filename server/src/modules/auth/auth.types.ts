import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Organisation } from '../organisations/organisation.type';
import { Partnership } from '../partnerships/partnership.type';

export enum Role {
  VOLUNTEER = 'volunteer', LEARNER = 'learner', LINE_MANAGER = 'line_manager', LD_LEAD = 'ld_lead',
  PROVIDER_COORDINATOR = 'provider_coordinator', STEERING_GROUP = 'steering_group', PARTNERSHIP_ADMIN = 'partnership_admin',
}
export enum PersonKind { STAFF = 'staff', VOLUNTEER = 'volunteer' }
registerEnumType(Role, { name: 'Role' });
registerEnumType(PersonKind, { name: 'PersonKind' });

@ObjectType({ description: 'A role held for one organisation, or partnership-wide when organisation is null.' })
export class RoleGrant {
  @Field(() => Role) role!: Role;
  @Field(() => Organisation, { nullable: true }) organisation!: Organisation | null;
}

@ObjectType({ description: 'The signed-in person.' })
export class Viewer {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => PersonKind) kind!: PersonKind;
  @Field(() => [RoleGrant]) roles!: RoleGrant[];
  @Field(() => Organisation, { nullable: true }) organisation!: Organisation | null;
  @Field(() => Partnership) partnership!: Partnership;
}

@ObjectType()
export class AuthPayload {
  @Field(() => Viewer, { nullable: true }) viewer!: unknown;
  @Field(() => String, { nullable: true, description: 'The session, for scripts: send it as Authorization: Bearer <token>.' })
  token!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class RequestPasswordResetPayload {
  @Field({ description: 'Always true for a well-formed email: whether an account exists is not revealed.' })
  accepted!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}
