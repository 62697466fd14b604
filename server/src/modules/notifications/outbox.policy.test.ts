import type { Viewer } from '../auth/viewer';
import { outboxScope } from './outbox.policy';

/** Who reads which emails: administrators their partnership's; others their own, and only when there is no mail server. */
const viewer = (roles: Viewer['roles']): Viewer => ({ personId: 'p1', partnershipId: 'gp', organisationId: 'o1', roles });

describe('outboxScope', () => {
  it('gives administrators their partnership\'s outbox, with or without a mail server', () => {
    const admin = viewer([{ role: 'partnership_admin', organisationId: null }]);
    expect(outboxScope(admin, { ownMailReadable: false })).toEqual({ kind: 'partnership', partnershipId: 'gp' });
    expect(outboxScope(admin, { ownMailReadable: true })).toEqual({ kind: 'partnership', partnershipId: 'gp' });
  });

  it('gives everyone else their own emails only when the outbox is the only place to read them', () => {
    const lead = viewer([{ role: 'ld_lead', organisationId: 'o1' }]);
    expect(outboxScope(lead, { ownMailReadable: true })).toEqual({ kind: 'own', partnershipId: 'gp', personId: 'p1' });
    expect(() => outboxScope(lead, { ownMailReadable: false })).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
  });

  it('refuses signed-out callers', () => {
    expect(() => outboxScope(null, { ownMailReadable: true })).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });
});
