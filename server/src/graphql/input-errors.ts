import { validate, type ValidationError } from 'class-validator';
import { userError, type UserError } from './user-error';

/**
 * Mutations report mistakes as userErrors in their payload rather than throwing: their inputs
 * opt out of type-graphql's automatic validation (`validate: false`) and are checked here
 * against the same class-validator decorators, with paths from ["input", ...].
 */
function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => userError(field, message, 'INVALID'));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export async function inputErrors(input: object, root: string[] = ['input']): Promise<UserError[]> {
  return flatten(await validate(input, { forbidUnknownValues: false }), root);
}
