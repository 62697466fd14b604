import { describe, expect, it } from '@jest/globals';
import { entryFormFrom, entryInputFrom, orgIdText } from './directory-form';

describe('the directory entry form', () => {
  const entry = { description: null, website: 'https://a.example', contactEmail: null, contactPhone: '01632 960001',
    organisation: { deliversTraining: true, orgId: 'GB-LAE-PTE' } };

  it('starts from the entry, blanks for what it lacks', () => {
    expect(entryFormFrom(entry)).toEqual({ description: '', website: 'https://a.example', contactEmail: '', contactPhone: '01632 960001',
      deliversTraining: true, orgId: 'GB-LAE-PTE' });
  });

  it('sends every field, the identifier only from an administrator', () => {
    const form = { ...entryFormFrom(entry), website: '  ', orgId: ' GB-LAE-PTE ' };
    expect(entryInputFrom('o1', form, false)).toEqual({ organisationId: 'o1', description: '', website: '', contactEmail: '',
      contactPhone: '01632 960001', deliversTraining: true });
    expect(entryInputFrom('o1', form, true)).toMatchObject({ orgId: 'GB-LAE-PTE' });
  });

  it('names the register an identifier comes from', () => {
    expect(orgIdText('GB-NHS-RGN')).toBe('NHS ODS code RGN');
    expect(orgIdText('GB-CHC-1999001')).toBe('Registered charity number 1999001');
    expect(orgIdText('GB-COH-99000001')).toBe('Company number 99000001');
    expect(orgIdText('GB-LAE-PTE')).toBe('Local authority code PTE');
    expect(orgIdText(null)).toBeNull();
  });
});
