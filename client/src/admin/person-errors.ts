import type { FieldError } from '../ui/form-errors';

/**
 * The people page has one small form per person, and one error summary for the page: errors are
 * keyed "<person id>:<field>" so each links to that person's input.
 */
export type PersonField = 'role' | 'organisationId';
export type PersonFieldKey = `${string}:${PersonField}`;

export function personFieldKey(personId: string, field: PersonField): PersonFieldKey {
  return `${personId}:${field}`;
}

export function personInputId(personId: string, field: PersonField): string {
  return `${field === 'role' ? 'role' : 'organisation'}-${personId}`;
}

/** The API's userErrors for a change to one person, keyed to that person's inputs. */
export function personErrorsFrom(personId: string, userErrors: ReadonlyArray<{ field: readonly string[]; message: string }>): Array<FieldError<PersonFieldKey>> {
  return userErrors.map(({ field, message }) => {
    const name = field[0] === 'input' ? field[1] : undefined;
    return { field: name === 'role' || name === 'organisationId' ? personFieldKey(personId, name) : null, message };
  });
}

/** The input ids the page's error summary links to, for the people shown. */
export function personInputIds(personIds: readonly string[]): Record<PersonFieldKey, string> {
  const ids: Record<PersonFieldKey, string> = {};
  for (const personId of personIds) {
    for (const field of ['role', 'organisationId'] as const) ids[personFieldKey(personId, field)] = personInputId(personId, field);
  }
  return ids;
}
