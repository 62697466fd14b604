import { validate, type ValidationError } from 'class-validator';
import { userError, type UserError } from './user-error';

/**
 * Mutations report mistakes as userErrors in their payload rather than throwing: their inputs
 * opt out of type-graphql's automatic validation (`validate: false`) and are checked here
 * against the same class-validator decorators, with paths from ["input", ...]. The resolver
 * hands these to its service, which still makes its own checks (a weak password, a taken short
 * code, an unknown id) on the fields these left alone, and answers with both at once
 * (`withInputErrors`): a form with several bad fields hears of all of them in one reply.
 * Services never write while there are any.
 */
export function validationUserErrors(errors: readonly ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => userError(field, message, 'INVALID'));
    return [...own, ...validationUserErrors(error.children ?? [], field)];
  });
}

export async function inputErrors(input: object, root: string[] = ['input']): Promise<UserError[]> {
  return validationUserErrors(await validate(input, { forbidUnknownValues: false }), root);
}

/**
 * The input's own errors and a service's checks in one answer. A service's error on a field the
 * input rules already refused is left out: it would say the same thing twice, less exactly.
 */
export function withInputErrors(inputProblems: readonly UserError[], checked: readonly UserError[]): UserError[] {
  const refused = new Set(inputProblems.map((e) => e.field.join('.')));
  return [...inputProblems, ...checked.filter((e) => !refused.has(e.field.join('.')))];
}

/**
 * Whether the input rules refused this field of the input (or anything inside it), so a service
 * skips its own check of it: an id that is not a UUID is not looked up (PostgreSQL would raise).
 * `field` is the path inside the input: refusedField(problems, 'allocations', '0', 'seats').
 */
export function refusedField(inputProblems: readonly UserError[], ...field: string[]): boolean {
  const path = ['input', ...field].join('.');
  return inputProblems.some((e) => {
    const at = e.field.join('.');
    return at === path || at.startsWith(`${path}.`);
  });
}
