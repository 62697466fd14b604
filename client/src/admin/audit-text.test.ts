import { describe, expect, it } from '@jest/globals';
import { auditActionText, auditDetailsText } from './audit-text';

describe('audit log text', () => {
  it('shows an object of details as readable pairs', () => {
    expect(auditDetailsText('{"role":"ld_lead","organisationId":"o1","rows":120,"emails":["a@x.org"]}'))
      .toBe('role: ld_lead; organisation id: o1; rows: 120; emails: ["a@x.org"]');
    expect(auditDetailsText('{}')).toBe('');
  });

  it('shows anything else as it is', () => {
    expect(auditDetailsText('not json')).toBe('not json');
    expect(auditDetailsText('[1,2]')).toBe('[1,2]');
    expect(auditDetailsText('null')).toBe('');
  });

  it('turns an action code into words', () => {
    expect(auditActionText('roles.granted')).toBe('Roles granted');
    expect(auditActionText('auth.sign_in_failed')).toBe('Auth sign in failed');
  });
});
