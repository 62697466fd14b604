import { describe, expect, it } from '@jest/globals';
import { courseInputFrom, emptyCourseForm, updateInputFrom } from './course-form';

describe('courseInputFrom', () => {
  it('says everything that is missing at once', () => {
    const { input, errors } = courseInputFrom({ ...emptyCourseForm(), visibility: 'ORGANISATION' }, { needsProvider: true });
    expect(input).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['providerOrganisationId', 'title', 'method', 'durationHours', 'audience',
      'visibilityOrganisationId', 'costPerPlace']);
  });

  it('turns the typed text into the API\'s input', () => {
    const { input, errors } = courseInputFrom({
      ...emptyCourseForm('org-1'), title: ' Moving and Handling ', learningOutcomes: 'Use a hoist\n\n Plan a transfer ', method: 'CLASSROOM',
      durationHours: '3.5', cpdPoints: '3', ksfDimensions: 'c1, hwb2 ', audience: 'BOTH', visibility: 'PUBLIC', costPerPlace: '45.00',
      visibilityOrganisationId: 'ignored',
    }, { needsProvider: true });
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ providerOrganisationId: 'org-1', title: 'Moving and Handling', learningOutcomes: ['Use a hoist', 'Plan a transfer'],
      durationHours: 3.5, cpdPoints: 3, ksfDimensions: ['C1', 'HWB2'], learningCategory: null, visibilityOrganisationId: null, costPerPlace: '45.00' });
    expect(updateInputFrom('course-1', input!)).not.toHaveProperty('providerOrganisationId');
  });

  it('refuses numbers that are not numbers', () => {
    const { errors } = courseInputFrom({ ...emptyCourseForm('o'), title: 'T', method: 'WEBINAR', durationHours: 'three', cpdPoints: '1.5',
      audience: 'STAFF', visibility: 'PARTNERSHIP', costPerPlace: '0' }, { needsProvider: true });
    expect(errors.map((e) => e.field)).toEqual(['durationHours', 'cpdPoints']);
  });
});
