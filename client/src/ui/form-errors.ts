/**
 * Form errors in the NHS.UK pattern: one list for the error summary (each linking to its
 * input) and the first message per field for the field itself. Used by every form that sends
 * a mutation; the API's userErrors name fields by path from the argument: ["input", "email"].
 */
export interface FieldError<F extends string> {
  /** The form field it concerns, or null when no field on the page can fix it. */
  field: F | null;
  message: string;
}

export interface ApiFieldError {
  field: readonly string[];
  message: string;
}

/**
 * The API's userErrors as form errors. `fields` lists the input's fields the form shows; a path
 * to anything else (another argument, a field the page does not show) keeps its message but
 * links nowhere. Nested inputs are named by their dotted path after the root: "lead.email".
 */
export function fieldErrorsFrom<F extends string>(
  userErrors: readonly ApiFieldError[], fields: readonly F[], root = 'input',
): Array<FieldError<F>> {
  return userErrors.map(({ field, message }) => {
    const name = field[0] === root ? field.slice(1).join('.') : '';
    return { field: (fields as readonly string[]).includes(name) ? (name as F) : null, message };
  });
}

/** The first message for each field, to show on the field itself. */
export function messagesByField<F extends string>(errors: ReadonlyArray<FieldError<F>>): Partial<Record<F, string>> {
  const byField: Partial<Record<F, string>> = {};
  for (const { field, message } of errors) {
    if (field && !byField[field]) byField[field] = message;
  }
  return byField;
}

/** For a form's own checks before sending: the message when a text field is blank. */
export function requiredErrors<F extends string>(values: Record<F, string>, messages: Partial<Record<F, string>>): Array<FieldError<F>> {
  return (Object.keys(messages) as F[])
    .filter((field) => !values[field].trim())
    .map((field) => ({ field, message: messages[field] as string }));
}

/**
 * The form's own checks and the API's answer as one list, so the summary shows every problem at
 * once: the API checks what the page cannot (the address's format, the password's strength),
 * and a field the page already refused keeps the page's message rather than getting two.
 */
export function withFormErrors<F extends string>(own: ReadonlyArray<FieldError<F>>, fromApi: ReadonlyArray<FieldError<F>>): Array<FieldError<F>> {
  const refused = new Set(own.map((error) => error.field).filter((field) => field !== null));
  return [...own, ...fromApi.filter((error) => error.field === null || !refused.has(error.field))];
}

/** When the request itself failed (network, server): nothing on the form can fix it. */
export const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';
