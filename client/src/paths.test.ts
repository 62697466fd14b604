import { describe, expect, it } from '@jest/globals';
import { match } from 'path-to-regexp';
import { pathOf, paths } from './paths';
import { CLIENT_ROUTE_PATTERNS, PARTNERSHIP_PAGES } from './route-patterns';

describe('the path builder', () => {
  it('fills each pattern with encoded parameters', () => {
    expect(paths.session('greater-peterborough', 'a/b c')).toBe('/p/greater-peterborough/sessions/a%2Fb%20c');
    expect(paths.findTraining('fenland')).toBe('/p/fenland/find-training');
    expect(paths.providerSession('s1')).toBe('/provider/sessions/s1');
    expect(paths.directoryEntryEdit('o 1')).toBe('/directory/o%201/edit');
  });

  it('adds only the query keys that have a value', () => {
    expect(paths.register('fenland', '/p/fenland/sessions/s1')).toBe('/p/fenland/register?next=%2Fp%2Ffenland%2Fsessions%2Fs1');
    expect(paths.register('fenland')).toBe('/p/fenland/register');
    expect(paths.fundingEntries({ year: '2025-26', stream: 's1', funder: null })).toBe('/funding/entries?year=2025-26&stream=s1');
    expect(paths.fundingOrganisation('o1', null)).toBe('/funding/organisations/o1');
    expect(paths.signIn()).toBe('/sign-in');
  });

  it('refuses a pattern whose parameter is missing', () => {
    expect(() => pathOf(PARTNERSHIP_PAGES.session, { slug: 'fenland' })).toThrow(':id');
  });

  it('builds addresses the server answers (dist/routes.json is these patterns)', () => {
    const matchers = CLIENT_ROUTE_PATTERNS.map((pattern) => match(pattern, { decode: false, trailing: true }));
    const known = (path: string) => matchers.some((matches) => matches(path.split('?')[0]) !== false);
    for (const path of [
      paths.partnership('x'), paths.session('x', 'y'), paths.signedOut('x'), paths.fundingStream('y'),
      paths.fundingAdmin('2025-26'), paths.editCourse('c'), paths.newSession('c'), paths.changeSession('s'),
      paths.organisationBookings({ session: 's' }), paths.adminPeople({ organisation: 'o' }),
      paths.complianceSettings('o'), paths.complianceSettings(), paths.organisationRecords({ search: 'ann' }),
    ]) expect(known(path)).toBe(true);
  });

  it('builds the compliance settings and the learning records with their query', () => {
    expect(paths.complianceSettings('o 1')).toBe('/organisation/compliance/settings?organisation=o+1');
    expect(paths.complianceSettings(null)).toBe('/organisation/compliance/settings');
    expect(paths.organisationRecords({ organisation: 'o', search: null })).toBe('/organisation/learning-records?organisation=o');
  });
});
