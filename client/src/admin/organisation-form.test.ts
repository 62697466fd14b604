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
});
