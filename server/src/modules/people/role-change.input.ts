import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../auth/auth.types';

@InputType({ description: 'A role for one person: organisation-scoped roles name the organisation; partnership-wide ones do not.' })
export class RoleChangeInput {
  @Field(() => ID) personId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, {
    nullable: true,
    description: 'Required for LEARNER, LINE_MANAGER, LD_LEAD and PROVIDER_COORDINATOR; optional for VOLUNTEER (none: an independent volunteer); must be empty for STEERING_GROUP and PARTNERSHIP_ADMIN.',
  })
  organisationId?: string | null;
}
