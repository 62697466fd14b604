import { renderMinimumNumbersNotice, type MinimumNumbersFacts } from './minimum-numbers-notice';
import { canPublishFor, canUseVenue, defaultPublishingOrganisation } from './catalogue.policy';
import type { Viewer } from '../auth/viewer';

const facts: MinimumNumbersFacts = {
  courseTitle: 'Moving and Handling', startsAt: new Date('2026-07-01T08:30:00Z'), endsAt: new Date('2026-07-01T11:30:00Z'),
  timeZone: 'Europe/London', partnershipName: 'Greater Peterborough', minimumPlaces: 8, confirmed: 3, awaitingApproval: 2,
  link: 'https://portal.test/provider/sessions/s1', recipient: { name: 'Owen Bradley', isProvider: true, organisationSeats: null },
};

describe('renderMinimumNumbersNotice', () => {
  it('tells the provider the numbers, in UK time, and what they may do', () => {
    const { subject, text } = renderMinimumNumbersNotice(facts);
    expect(subject).toBe('Below minimum numbers: Moving and Handling, Wednesday 1 July 2026, 09:30 to 12:30');
    expect(text).toContain('it has 5 of the 8 places it needs to run');
    expect(text).toContain('Places: 3 confirmed, 2 awaiting approval. Minimum numbers: 8.');
    expect(text).toContain('decide whether it goes ahead');
    expect(text).toContain(facts.link);
  });

  it('tells a lead the seats their organisation holds', () => {
    const { text } = renderMinimumNumbersNotice({ ...facts, awaitingApproval: 0, recipient: { name: 'Lee', isProvider: false, organisationSeats: 5 } });
    expect(text).toContain('Places: 3 confirmed. Minimum numbers: 8.');
    expect(text).toContain('Your organisation holds 5 seats on it');
  });
});

describe('publishing policy', () => {
  const viewer = (roles: Viewer['roles']): Viewer => ({ personId: 'p', partnershipId: 'gp', organisationId: 'trust', roles });
  const coordinator = viewer([{ role: 'provider_coordinator', organisationId: 'trust' }]);
  const admin = viewer([{ role: 'partnership_admin', organisationId: null }]);

  it('lets a coordinator publish for their organisation only, and an administrator for any', () => {
    expect(canPublishFor(coordinator, 'trust')).toBe(true);
    expect(canPublishFor(coordinator, 'college')).toBe(false);
    expect(canPublishFor(admin, 'college')).toBe(true);
    expect(canPublishFor(viewer([{ role: 'ld_lead', organisationId: 'trust' }]), 'trust')).toBe(false);
  });

  it('names the one organisation a coordinator publishes for, and none for an administrator', () => {
    expect(defaultPublishingOrganisation(coordinator)).toBe('trust');
    expect(defaultPublishingOrganisation(admin)).toBeNull();
    expect(defaultPublishingOrganisation(viewer([{ role: 'provider_coordinator', organisationId: 'a' }, { role: 'provider_coordinator', organisationId: 'b' }]))).toBeNull();
  });

  it('lets sessions be held at the partnership\'s venues and the provider\'s own, never another partnership\'s', () => {
    expect(canUseVenue(coordinator, { partnershipId: 'gp', organisationId: null }, 'trust')).toBe(true);
    expect(canUseVenue(coordinator, { partnershipId: 'gp', organisationId: 'trust' }, 'trust')).toBe(true);
    expect(canUseVenue(coordinator, { partnershipId: 'gp', organisationId: 'college' }, 'trust')).toBe(false);
    expect(canUseVenue(admin, { partnershipId: 'gp', organisationId: 'college' }, 'trust')).toBe(true);
    expect(canUseVenue(admin, { partnershipId: 'fen', organisationId: null }, 'trust')).toBe(false);
  });
});
