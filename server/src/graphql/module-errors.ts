import { anyUserError, BadUserInputError, type KitErrorCode, type UserError } from './user-error';
import { Refusal } from './refusal';
import { withInputErrors } from './input-errors';

/**
 * Each module names the codes it puts in userErrors as a closed type (`<module>.errors.ts`), and
 * makes its mistakes through the functions this returns, so a mistyped code fails typecheck:
 *
 *   export type BookingErrorCode = 'NOT_FOUND' | 'ALREADY_BOOKED' | …;
 *   const errors = moduleErrors<BookingErrorCode>();
 *   export const { userError, refuseAll, badArgument } = errors;
 *   export const refuse: Refuse<BookingErrorCode> = errors.refuse;
 *
 * (`refuse` is declared with its type so that TypeScript knows code after it runs only when it
 * did not throw.)
 * `userError` makes one (to collect several), `refuse` throws a Refusal of one (inside
 * `unlessRefused`), `badArgument` is a query's BAD_USER_INPUT. The kit's own codes
 * (KitErrorCode) are open to every module.
 */
export interface ModuleErrors<Code extends string> {
  userError(field: string[], message: string, code: Code | KitErrorCode): UserError;
  /** With `alongside` (the input rules' errors), refused together with them. */
  refuse(field: string[], message: string, code: Code | KitErrorCode, alongside?: readonly UserError[]): never;
  refuseAll(errors: readonly UserError[]): void;
  badArgument(field: string[], message: string, code: Code | KitErrorCode): BadUserInputError;
}

export function moduleErrors<Code extends string>(): ModuleErrors<Code> {
  return {
    userError: (field, message, code) => anyUserError(field, message, code),
    refuse: (field, message, code, alongside = []) => {
      throw new Refusal(withInputErrors(alongside, [anyUserError(field, message, code)]));
    },
    refuseAll: (errors) => {
      if (errors.length) throw new Refusal([...errors]);
    },
    badArgument: (field, message, code) => new BadUserInputError([anyUserError(field, message, code)]),
  };
}

export type Refuse<Code extends string> = ModuleErrors<Code>['refuse'];
