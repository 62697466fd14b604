import { describe, expect, it } from '@jest/globals';
import { fieldErrorsFrom, messagesByField, requiredErrors, withFormErrors } from './form-errors';

describe('fieldErrorsFrom', () => {
  const fields = ['name', 'email', 'password', 'lead.email'] as const;

  it('maps input paths to the form fields they name', () => {
    expect(fieldErrorsFrom([
      { field: ['input', 'password'], message: 'Too short' },
      { field: ['input', 'lead', 'email'], message: 'Enter the lead’s email' },
    ], fields)).toEqual([
      { field: 'password', message: 'Too short' },
      { field: 'lead.email', message: 'Enter the lead’s email' },
    ]);
  });

  it('keeps messages no field on the form can fix, linked nowhere', () => {
    expect(fieldErrorsFrom([
      { field: ['input', 'partnershipSlug'], message: 'No such partnership' },
      { field: [], message: 'Something else' },
      { field: ['other', 'email'], message: 'Another argument' },
    ], fields).map((e) => e.field)).toEqual([null, null, null]);
  });
});

describe('messagesByField', () => {
  it('keeps the first message for each field', () => {
    expect(messagesByField([
      { field: 'email', message: 'first' },
      { field: 'email', message: 'second' },
      { field: null, message: 'nowhere' },
      { field: 'name', message: 'name' },
    ])).toEqual({ email: 'first', name: 'name' });
  });
});

describe('requiredErrors', () => {
  it('reports blank fields in the order given, ignoring spaces', () => {
    expect(requiredErrors({ email: ' ', password: 'x', name: '' },
      { name: 'Enter your name', email: 'Enter your email address', password: 'Enter a password' }))
      .toEqual([{ field: 'name', message: 'Enter your name' }, { field: 'email', message: 'Enter your email address' }]);
  });
});

describe('withFormErrors', () => {
  it('keeps the page\'s own errors and adds the API\'s for every other field, in one list', () => {
    expect(withFormErrors<'name' | 'email' | 'password'>([{ field: 'name', message: 'Enter your full name' }], [
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'name', message: 'Enter your full name (from the API)' },
      { field: 'password', message: 'This password is too common' },
      { field: null, message: 'Something else' },
    ])).toEqual([
      { field: 'name', message: 'Enter your full name' },
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'password', message: 'This password is too common' },
      { field: null, message: 'Something else' },
    ]);
  });
});
