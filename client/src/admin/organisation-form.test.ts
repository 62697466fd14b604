import { describe, expect, it } from '@jest/globals';
import { EMPTY_ORGANISATION_FORM, organisationInputFrom, type OrganisationForm } from './organisation-form';

const careHome: OrganisationForm = {
  ...EMPTY_ORGANISATION_FORM, name: ' Riverside Care Home ', shortCode: 'rch', sector: 'CARE_HOME', role: 'AFFECTED',
  staffHeadcount: '1,250', leadName: 'Amira Hassan', leadEmail: 'amira@riverside.example', leadJobTitle: '',
};

describe('organisationInputFrom', () => {
  it('builds the API input, trimmed, with numbers and an upper-case short code', () => {
    expect(organisationInputFrom(careHome)).toEqual({
      errors: [],
      input: {
        name: 'Riverside Care Home', shortCode: 'RCH', sector: 'CARE_HOME', role: 'AFFECTED', deliversTraining: false,
        staffHeadcount: 1250, volunteerHeadcount: null, sectorGroupId: null,
        lead: { name: 'Amira Hassan', email: 'amira@riverside.example', jobTitle: null },
      },
    });
  });

  it('sends no lead when none is given', () => {
    const { input } = organisationInputFrom({ ...careHome, leadName: '', leadEmail: '' });
    expect(input?.lead).toBeNull();
  });

  it('says what is missing, in form order', () => {
    const { input, errors } = organisationInputFrom({ ...EMPTY_ORGANISATION_FORM, volunteerHeadcount: 'lots', leadJobTitle: 'Manager' });
    expect(input).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['name', 'shortCode', 'sector', 'role', 'volunteerHeadcount', 'lead.name', 'lead.email']);
    expect(errors[4].message).toBe('Number of volunteers must be a whole number, like 250');
  });

  it('tells every field\'s problem at once, not only the blanks: lengths, the short code, numbers, the address', () => {
    const { input, errors } = organisationInputFrom({
      ...careHome, name: 'x'.repeat(201), shortCode: 'p c c', staffHeadcount: '2,000,000', leadName: 'y'.repeat(201),
      leadEmail: 'amira at riverside', leadJobTitle: 'z'.repeat(201),
    });
    expect(input).toBeNull();
    expect(errors).toEqual([
      { field: 'name', message: 'Name must be 200 characters or fewer' },
      { field: 'shortCode', message: 'Short code must be 2 to 20 capital letters, digits or hyphens, like PCC or NWAFT-2' },
      { field: 'staffHeadcount', message: 'Number of staff must be 1,000,000 or fewer' },
      { field: 'lead.name', message: 'Full name must be 200 characters or fewer' },
      { field: 'lead.email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'lead.jobTitle', message: 'Job title must be 200 characters or fewer' },
    ]);
  });
});
