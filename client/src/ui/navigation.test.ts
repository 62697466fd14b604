import { describe, expect, it } from '@jest/globals';
import { currentItem, landingPathFor, navigationFor, partnershipSlugOfPath } from './navigation';

const texts = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles, 'greater-peterborough').map((i) => i.text);

describe('navigationFor', () => {
  it('gives everyone Find training in their partnership', () => {
    expect(navigationFor([], 'greater-peterborough')).toEqual([
      { href: '/p/greater-peterborough/find-training', text: 'Find training' },
    ]);
    expect(navigationFor([], null)).toEqual([{ href: '/', text: 'Find training' }]);
  });

  it('gives everyone signed in My bookings, even with no role', () => {
    expect(navigationFor([], 'gp', true).map((i) => i.text)).toEqual(['Find training', 'My bookings', 'My learning record', 'Partnership directory']);
    expect(navigationFor([], 'gp', false).map((i) => i.text)).toEqual(['Find training']);
  });

  it('gives a volunteer and a learner their bookings and the directory', () => {
    for (const role of ['VOLUNTEER', 'LEARNER'] as const) {
      expect(texts([{ role }])).toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Partnership directory']);
    }
  });

  it('gives a provider coordinator their courses and sessions', () => {
    expect(navigationFor([{ role: 'PROVIDER_COORDINATOR' }], 'gp').slice(1)).toEqual([
      { href: '/bookings', text: 'My bookings' }, { href: '/learning-record', text: 'My learning record' }, { href: '/provider/courses', text: 'Your courses' },
      { href: '/directory', text: 'Partnership directory' },
    ]);
  });

  it('gives the steering group the funding page', () => {
    expect(texts([{ role: 'STEERING_GROUP' }])).toEqual(['Find training', 'My bookings', 'My learning record', 'Funding', 'Outcomes', 'Learning activity', 'Commissioning', 'Compliance', 'Partnership directory']);
  });

  it('gives an administrator the admin areas', () => {
    expect(texts([{ role: 'PARTNERSHIP_ADMIN' }]))
      .toEqual(['Find training', 'My bookings', 'My learning record', 'Courses', 'Funding', 'Outcomes', 'Learning activity', 'Commissioning', 'Organisations', 'People and roles', 'Import people', 'Audit log', 'Funding streams', 'Compliance', 'Partnership directory']);
  });

  it('gives line managers and leads the requests to decide, and leads their organisation\'s bookings', () => {
    expect(texts([{ role: 'LINE_MANAGER' }])).toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Requests to decide', 'My team', "My team's mandatory training", 'Partnership directory']);
    expect(texts([{ role: 'LD_LEAD' }]))
      .toEqual(['Find training', 'My bookings', 'My learning record', 'Requests to decide', "My organisation's bookings", 'Commissioning', "My organisation's people", "My organisation's spend", 'Learning records', 'Mandatory training', 'Partnership directory']);
  });

  it('adds an area for each role held, once', () => {
    expect(texts([{ role: 'LEARNER' }, { role: 'LINE_MANAGER' }, { role: 'LD_LEAD' }, { role: 'LD_LEAD' }]))
      .toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Requests to decide', "My organisation's bookings", 'Commissioning', "My organisation's people", "My organisation's spend", 'Learning records', 'Mandatory training', 'My team', "My team's mandatory training", 'Partnership directory']);
  });
});

describe('the Commissioning link', () => {
  it('goes to shared demand in the partnership, for leads, the steering group and administrators only', () => {
    for (const role of ['LD_LEAD', 'STEERING_GROUP', 'PARTNERSHIP_ADMIN'] as const) {
      expect(navigationFor([{ role }], 'gp').find((i) => i.text === 'Commissioning')?.href).toBe('/p/gp/commissioning');
    }
    for (const role of ['VOLUNTEER', 'LEARNER', 'LINE_MANAGER', 'PROVIDER_COORDINATOR'] as const) {
      expect(navigationFor([{ role }], 'gp').some((i) => i.text === 'Commissioning')).toBe(false);
    }
    expect(currentItem(navigationFor([{ role: 'LD_LEAD' }], 'gp'), '/p/gp/commissioning/needs/new')?.text).toBe('Commissioning');
  });
});

describe('currentItem', () => {
  const items = navigationFor([{ role: 'PARTNERSHIP_ADMIN' }], 'gp');

  it('finds the area a page belongs to', () => {
    expect(currentItem(items, '/admin/organisations/new')?.text).toBe('Organisations');
    expect(currentItem(items, '/p/gp/find-training')?.text).toBe('Find training');
    expect(currentItem(items, '/admin/organisationsx')).toBeNull();
    expect(currentItem(items, '/sign-in')).toBeNull();
    const lead = navigationFor([{ role: 'LD_LEAD' }], 'gp');
    expect(currentItem(lead, '/bookings/requests')?.text).toBe('Requests to decide');
    expect(currentItem(lead, '/bookings')?.text).toBe('My bookings');
    expect(currentItem(items, '/funding/streams/1')?.text).toBe('Funding');
    expect(currentItem(items, '/admin/funding/streams/new')?.text).toBe('Funding streams');
    expect(currentItem(items, '/directory/1/edit')?.text).toBe('Partnership directory');
  });
});

describe('partnershipSlugOfPath', () => {
  it('reads the partnership from a path under /p/', () => {
    expect(partnershipSlugOfPath('/p/greater-peterborough/find-training?q=x')).toBe('greater-peterborough');
    expect(partnershipSlugOfPath('/p/fenland')).toBe('fenland');
    expect(partnershipSlugOfPath('/admin/people')).toBeNull();
    expect(partnershipSlugOfPath(null)).toBeNull();
    expect(partnershipSlugOfPath('/p/%E0%A4%A/x')).toBeNull();
  });
});

describe('landingPathFor', () => {
  it('takes each role to where its work is', () => {
    expect(landingPathFor([{ role: 'PARTNERSHIP_ADMIN' }], 'gp')).toBe('/admin/organisations');
    expect(landingPathFor([{ role: 'STEERING_GROUP' }], 'gp')).toBe('/funding');
    expect(landingPathFor([{ role: 'LD_LEAD' }], 'gp')).toBe('/organisation/bookings');
    expect(landingPathFor([{ role: 'LINE_MANAGER' }], 'gp')).toBe('/bookings/requests');
    expect(landingPathFor([{ role: 'PROVIDER_COORDINATOR' }], 'gp')).toBe('/provider/courses');
    expect(landingPathFor([{ role: 'VOLUNTEER' }], 'gp')).toBe('/p/gp/find-training');
  });

  it('puts administration first, then funding, for a person with several roles', () => {
    expect(landingPathFor([{ role: 'STEERING_GROUP' }, { role: 'PARTNERSHIP_ADMIN' }], 'gp')).toBe('/admin/organisations');
    expect(landingPathFor([{ role: 'LD_LEAD' }, { role: 'STEERING_GROUP' }], 'gp')).toBe('/funding');
  });
});
