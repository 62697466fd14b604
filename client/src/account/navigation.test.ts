import { describe, expect, it } from '@jest/globals';
import { currentItem, navigationFor, partnershipSlugOfPath } from './navigation';

const texts = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles, 'greater-peterborough').map((i) => i.text);

describe('navigationFor', () => {
  it('gives everyone Find training in their partnership', () => {
    expect(navigationFor([], 'greater-peterborough')).toEqual([
      { href: '/p/greater-peterborough/find-training', text: 'Find training' },
    ]);
    expect(navigationFor([], null)).toEqual([{ href: '/', text: 'Find training' }]);
  });

  it('gives a volunteer, a learner, a provider and the steering group nothing more yet', () => {
    for (const role of ['VOLUNTEER', 'LEARNER', 'PROVIDER_COORDINATOR', 'STEERING_GROUP'] as const) {
      expect(texts([{ role }])).toEqual(['Find training']);
    }
  });

  it('gives an administrator the admin areas', () => {
    expect(texts([{ role: 'PARTNERSHIP_ADMIN' }]))
      .toEqual(['Find training', 'Organisations', 'People and roles', 'Import people', 'Audit log']);
  });

  it('adds an area for each role held, once', () => {
    expect(texts([{ role: 'LEARNER' }, { role: 'LINE_MANAGER' }, { role: 'LD_LEAD' }, { role: 'LD_LEAD' }]))
      .toEqual(['Find training', "My organisation's people", 'My team']);
  });
});

describe('currentItem', () => {
  const items = navigationFor([{ role: 'PARTNERSHIP_ADMIN' }], 'gp');

  it('finds the area a page belongs to', () => {
    expect(currentItem(items, '/admin/organisations/new')?.text).toBe('Organisations');
    expect(currentItem(items, '/p/gp/find-training')?.text).toBe('Find training');
    expect(currentItem(items, '/admin/organisationsx')).toBeNull();
    expect(currentItem(items, '/sign-in')).toBeNull();
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
