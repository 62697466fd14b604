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

/**
 * The codes the error kit itself gives: a broken class-validator rule (INVALID), a NUL in the
 * request (INVALID_CHARACTER), a cursor this server did not make (INVALID_CURSOR). Every other
 * code belongs to a module, which names its own as a closed type (module-errors.ts).
 */
export type KitErrorCode = 'INVALID' | 'INVALID_CHARACTER' | 'INVALID_CURSOR';

/** Unchecked: only module-errors.ts, which types the code per module, and the kit call it. */
export function anyUserError(field: string[], message: string, code: string): UserError {
  return Object.assign(new UserError(), { field, message, code });
}

export function userError(field: string[], message: string, code: KitErrorCode = 'INVALID'): UserError {
  return anyUserError(field, message, code);
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

export function badArgument(field: string[], message: string, code: KitErrorCode = 'INVALID'): BadUserInputError {
  return new BadUserInputError([userError(field, message, code)]);
}
