import { describe, expect, it } from '@jest/globals';
import { refusalInputFrom, renewalInputFrom, requirementInputFrom } from './compliance-settings-form';

const ORG = '0b6f1c1e-0000-4000-8000-000000000001';

describe('the compliance settings forms', () => {
  it('sends a renewal period as typed, for the API to judge (0, 2.5, 121), and blank as the framework\'s', () => {
    expect(renewalInputFrom(ORG, { subjectCode: 'fire-safety', renewalMonths: ' 24 ' })).toEqual({
      input: { organisationId: ORG, subjectCode: 'fire-safety', renewalMonths: 24 }, errors: [] });
    expect(renewalInputFrom(ORG, { subjectCode: 'fire-safety', renewalMonths: '0' }).input?.renewalMonths).toBe(0);
    expect(renewalInputFrom(ORG, { subjectCode: 'fire-safety', renewalMonths: '2.5' }).input?.renewalMonths).toBe(2.5);
    expect(renewalInputFrom(ORG, { subjectCode: 'fire-safety', renewalMonths: '' }).input?.renewalMonths).toBeNull();
  });

  it('refuses what is not a number on its field, and reports a missing subject while still asking the API about the rest', () => {
    expect(renewalInputFrom(ORG, { subjectCode: 'fire-safety', renewalMonths: 'twelve' })).toEqual({
      input: null, errors: [{ field: 'renewalMonths', message: 'Renewal period must be a number of months, like 12' }] });
    const blank = renewalInputFrom(ORG, { subjectCode: '', renewalMonths: '0' });
    expect(blank.errors).toEqual([{ field: 'subjectCode', message: 'Choose a mandatory subject from the list' }]);
    expect(blank.input).not.toBeNull();
  });

  it('adds a staff group with only the criteria given, every problem at once', () => {
    expect(requirementInputFrom(ORG, { subjectCode: 'fire-safety', personKind: '', jobTitle: ' ', team: ' Day Opportunities ' }).input).toEqual({
      organisationId: ORG, subjectCode: 'fire-safety', personKind: null, jobTitle: null, team: 'Day Opportunities' });
    expect(requirementInputFrom(ORG, { subjectCode: '', personKind: 'STAFF', jobTitle: 'x'.repeat(201), team: 'y'.repeat(201) }).errors.map((e) => e.field))
      .toEqual(['subjectCode', 'jobTitle', 'team']);
  });

  it('needs an organisation, a subject and a reason to refuse completions', () => {
    expect(refusalInputFrom(ORG, { fromOrganisationId: '', subjectCode: '', reason: '  ' }).errors).toEqual([
      { field: 'fromOrganisationId', message: 'Choose the organisation whose completions you do not accept' },
      { field: 'subjectCode', message: 'Choose a mandatory subject from the list' },
      { field: 'reason', message: 'Enter the reason (up to 500 characters)' },
    ]);
    expect(refusalInputFrom(ORG, { fromOrganisationId: 'o2', subjectCode: 'fire-safety', reason: ' Not our policy ' }).input)
      .toEqual({ organisationId: ORG, fromOrganisationId: 'o2', subjectCode: 'fire-safety', reason: 'Not our policy' });
    expect(refusalInputFrom(ORG, { fromOrganisationId: 'o2', subjectCode: 'fire-safety', reason: 'r'.repeat(501) }).errors.map((e) => e.field)).toEqual(['reason']);
  });
});
