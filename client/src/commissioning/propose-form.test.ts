import { describe, expect, it } from '@jest/globals';
import { emptyProposeForm, EXTERNAL, financialYearOn, proposeErrorsFrom, proposeFields, proposeInputFrom, type ProposeForm } from './propose-form';

const NEEDS: Record<string, string[]> = { 'need:a': ['a'], 'group:k:org': ['b', 'c'] };
const needIdsOf = (option: string) => NEEDS[option] ?? [];

function filled(): ProposeForm {
  return {
    ...emptyProposeForm(['need:a', 'group:k:org'], new Date('2026-12-03T09:00:00Z')),
    title: 'Moving and handling for home care teams', course: 'new',
    newCourse: { title: 'Safer hoisting', summary: '', method: 'CLASSROOM', durationHours: '3.5', audience: 'STAFF', mandatorySubject: 'moving-and-handling',
      providerOrganisationId: 'org-p' },
    deliveryOptions: [{ provider: 'org-p', providerName: '', quotedCost: '950' }, { provider: EXTERNAL, providerName: 'SafeLift Ltd', quotedCost: '£1,100.00' }],
    sessionsPlanned: '2', seatsPerSession: '10', estimatedCost: '1,000.00', pledgeDeadline: '2027-01-15',
  };
}

describe('proposeInputFrom', () => {
  it('makes the API\'s input: every need an option stands for, a free joint draft, pounds without symbols, the deadline at the end of the day', () => {
    const { input, errors } = proposeInputFrom(filled(), needIdsOf);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      needIds: ['a', 'b', 'c'], courseId: null, financialYear: '2026/27', sessionsPlanned: 2, seatsPerSession: 10, estimatedCost: '1000.00',
      newCourse: { title: 'Safer hoisting', method: 'CLASSROOM', durationHours: 3.5, costPerPlace: '0', isJoint: true, visibility: 'PARTNERSHIP' },
      deliveryOptions: [{ providerOrganisationId: 'org-p', providerName: null, quotedCost: '950' },
        { providerOrganisationId: null, providerName: 'SafeLift Ltd', quotedCost: '1100.00' }],
      pledgeDeadline: '2027-01-15T23:59:00.000Z',
    });
  });

  it('tells every blank field at once', () => {
    const { input, errors } = proposeInputFrom(emptyProposeForm([]), needIdsOf);
    expect(input).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['needIds', 'title', 'courseId', 'deliveryOptions.0.providerOrganisationId', 'deliveryOptions.0.quotedCost',
      'sessionsPlanned', 'seatsPerSession', 'estimatedCost', 'pledgeDeadline']);
  });

  it('checks a new course, an outside provider\'s name and numbers', () => {
    const form = filled();
    form.newCourse = { ...form.newCourse, title: '', method: '', durationHours: 'three', audience: '', providerOrganisationId: '' };
    form.deliveryOptions[1].providerName = ' ';
    form.sessionsPlanned = '1.5';
    form.seatsPerSession = '0';
    form.pledgeDeadline = '2027-02-30';
    expect(proposeInputFrom(form, needIdsOf).errors.map((e) => e.field)).toEqual(['newCourse.title', 'newCourse.method', 'newCourse.durationHours',
      'newCourse.audience', 'newCourse.providerOrganisationId', 'deliveryOptions.1.providerName', 'sessionsPlanned', 'seatsPerSession', 'pledgeDeadline']);
  });
});

describe('proposeErrorsFrom', () => {
  it('gives a need named by its place to the needs question, and a new course\'s unseen field to the course', () => {
    const fields = proposeFields(1);
    expect(proposeErrorsFrom([
      { field: ['input', 'needIds', '2'], message: 'already in a proposal' },
      { field: ['input', 'newCourse', 'visibility'], message: 'no' },
      { field: ['input', 'deliveryOptions', '0', 'quotedCost'], message: 'negative' },
    ], fields).map((e) => e.field)).toEqual(['needIds', 'newCourse', 'deliveryOptions.0.quotedCost']);
  });
});

describe('financialYearOn', () => {
  it('starts the year on 1 April', () => {
    expect(financialYearOn(new Date('2027-03-31T12:00:00Z'))).toBe('2026/27');
    expect(financialYearOn(new Date('2027-04-01T12:00:00Z'))).toBe('2027/28');
  });
});
