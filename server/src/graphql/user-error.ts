import { Field, ObjectType } from 'type-graphql';
import { GraphQLError } from 'graphql';

/** A mistake a person can act on, pointing at the input field it concerns. */
@ObjectType({ description: 'A mistake in the input, with the path of the field it concerns.' })
export class UserError {
  @Field(() => [String], { description: 'Path to the input field, e.g. ["input", "startsAt"].' })
  field!: string[];

  @Field()
  message!: string;

  @Field({ description: 'Stable machine-readable code, e.g. INVALID, NOT_FOUND, OUT_OF_RANGE.' })
  code!: string;
}

export function userError(field: string[], message: string, code = 'INVALID'): UserError {
  return Object.assign(new UserError(), { field, message, code });
}

/**
 * A bad query argument. Queries have no payload to carry userErrors, so they answer with a
 * GraphQL error coded BAD_USER_INPUT that names the field(s).
 */
export class BadUserInputError extends GraphQLError {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join(' '), {
      extensions: { code: 'BAD_USER_INPUT', userErrors },
    });
  }
}

export function badArgument(field: string[], message: string, code = 'INVALID'): BadUserInputError {
  return new BadUserInputError([userError(field, message, code)]);
}
