import { useState } from 'react';
import { accessProblemOf, type AccessProblem } from './access-errors';
import {
  fieldErrorsFrom, messagesByField, SERVICE_PROBLEM, withFormErrors, type ApiFieldError, type FieldError,
} from './form-errors';

export interface SendOptions<F extends string, P extends { userErrors: readonly ApiFieldError[] }> {
  /** The form's own checks, every field at once; shown at once, and kept beside the API's answer. */
  own?: Array<FieldError<F>>;
  /** The mutation's payload, or null when the form's checks leave nothing to send. */
  request: (() => Promise<P | null | undefined>) | null;
  /** Whether the payload is the thing made (a viewer, an organisation), not only userErrors. */
  succeeded: (payload: P) => boolean;
  /** What happens after: a page of its own, a message, the next step. */
  done: (payload: P) => unknown;
  /** The API's userErrors as this form's errors, when they are not fields of the input (people, rows). */
  toErrors?: (userErrors: readonly ApiFieldError[]) => Array<FieldError<F>>;
}

/**
 * The one way a form sends a mutation and shows what went wrong: the form's own checks and the
 * API's userErrors become one list (the error summary, each message linked to its field, and the
 * first message per field on the field itself), a failed request is the service's problem, and,
 * for a form that asks it, an access refusal is its own page (`refused`). Every form that sends a
 * mutation goes through `send`; `fields` are the input's fields the form shows (see fieldErrorsFrom).
 */
export function useFormSubmit<F extends string>(fields: readonly F[], options: { refusable?: boolean } = {}) {
  const [errors, setErrors] = useState<Array<FieldError<F>>>([]);
  const [refused, setRefused] = useState<AccessProblem | null>(null);

  async function send<P extends { userErrors: readonly ApiFieldError[] }>(
    { own = [], request, succeeded, done, toErrors }: SendOptions<F, P>,
  ): Promise<void> {
    setErrors(own);
    if (!request) return;
    try {
      const payload = await request();
      if (!payload) {
        setErrors([{ field: null, message: SERVICE_PROBLEM }]);
        return;
      }
      if (succeeded(payload) && !own.length) {
        await done(payload);
        return;
      }
      const fromApi = toErrors ? toErrors(payload.userErrors) : fieldErrorsFrom(payload.userErrors, fields);
      const all = withFormErrors(own, fromApi);
      setErrors(all.length ? all : [{ field: null, message: SERVICE_PROBLEM }]);
    } catch (error) {
      const problem = options.refusable ? accessProblemOf(error) : null;
      if (problem) setRefused(problem);
      else setErrors(own.length ? own : [{ field: null, message: SERVICE_PROBLEM }]);
    }
  }

  return { errors, setErrors, byField: messagesByField(errors), refused, send };
}
