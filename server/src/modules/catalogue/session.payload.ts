import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Session } from './session.type';

@ObjectType()
export class SessionPayload {
  @Field(() => Session, { nullable: true }) session!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
