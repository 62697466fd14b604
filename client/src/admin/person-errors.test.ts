import { describe, expect, it } from '@jest/globals';
import { personErrorsFrom, personInputIds } from './person-errors';

describe('errors of the per-person forms', () => {
  it('keys role and organisation errors to that person, others to no field', () => {
    expect(personErrorsFrom('p1', [
      { field: ['input', 'organisationId'], message: 'Choose an organisation' },
      { field: ['input', 'role'], message: 'Last administrator' },
      { field: ['input', 'personId'], message: 'No such person' },
    ])).toEqual([
      { field: 'p1:organisationId', message: 'Choose an organisation' },
      { field: 'p1:role', message: 'Last administrator' },
      { field: null, message: 'No such person' },
    ]);
  });

  it('links each to the input of that person', () => {
    expect(personInputIds(['p1'])).toEqual({ 'p1:role': 'role-p1', 'p1:organisationId': 'organisation-p1' });
  });
});
