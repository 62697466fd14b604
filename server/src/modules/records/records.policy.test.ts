import type { RoleGrant, Viewer } from '../auth/viewer';
import {
  canConfirmInformalLearning, canSeeLearningActivity, canSeeLearningRecord, requireLearningActivityReader, requireLoggingOwnLearning,
  requireRecordsCaller, type RecordHolder,
} from './records.policy';

const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B] = ['org-a', 'org-b'];

function viewer(personId: string, roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer {
  return { personId, partnershipId: P, organisationId: A, roles, ...overrides };
}
const ROLES: Record<string, Viewer> = {
  volunteer: viewer('volunteer', [{ role: 'volunteer', organisationId: null }], { organisationId: null }),
  learner: viewer('learner', [{ role: 'learner', organisationId: A }]),
  manager: viewer('manager', [{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }]),
  lead: viewer('lead', [{ role: 'ld_lead', organisationId: A }]),
  otherLead: viewer('other-lead', [{ role: 'ld_lead', organisationId: B }], { organisationId: B }),
  provider: viewer('provider', [{ role: 'provider_coordinator', organisationId: B }], { organisationId: B }),
  steering: viewer('steering', [{ role: 'steering_group', organisationId: null }]),
  admin: viewer('admin', [{ role: 'partnership_admin', organisationId: null }]),
  otherAdmin: viewer('other-admin', [{ role: 'partnership_admin', organisationId: null }], { partnershipId: OTHER }),
};
/** The learner of organisation A, managed by "manager". */
const learnerRecord: RecordHolder = { id: 'learner', partnershipId: P, organisationId: A, lineManagerId: 'manager' };
const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};
const who = (rule: (v: Viewer) => boolean) => Object.entries(ROLES).filter(([, v]) => rule(v)).map(([name]) => name);

describe('records policy, role by role', () => {
  it('shows a learning record to the person, their line manager and their organisation\'s lead only', () => {
    expect(who((v) => canSeeLearningRecord(v, learnerRecord))).toEqual(['learner', 'manager', 'lead']);
    expect(canSeeLearningRecord(null, learnerRecord)).toBe(false);
  });

  it('needs the line manager role as well as being named the manager', () => {
    const namedOnly = viewer('manager', [{ role: 'learner', organisationId: A }]);
    expect(canSeeLearningRecord(namedOnly, learnerRecord)).toBe(false);
  });

  it('lets only the line manager confirm, never the person themselves', () => {
    expect(who((v) => canConfirmInformalLearning(v, learnerRecord))).toEqual(['manager']);
    const selfManaged = { ...learnerRecord, id: 'manager' };
    expect(canConfirmInformalLearning(ROLES.manager, selfManaged)).toBe(false);
  });

  it('sees nobody across partnerships, however privileged', () => {
    const elsewhere = { ...learnerRecord, partnershipId: OTHER };
    expect(who((v) => canSeeLearningRecord(v, elsewhere))).toEqual([]);
    expect(who((v) => canConfirmInformalLearning(v, elsewhere))).toEqual([]);
  });

  it('gives the partnership\'s counts to the steering group and administrators of that partnership', () => {
    expect(who((v) => canSeeLearningActivity(v, P))).toEqual(['steering', 'admin']);
    expect(codeOf(() => requireLearningActivityReader(null, P))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireLearningActivityReader(ROLES.lead, P))).toBe('FORBIDDEN');
    expect(codeOf(() => requireLearningActivityReader(ROLES.otherAdmin, P))).toBe('FORBIDDEN');
  });

  it('lets anyone signed in read and log their own', () => {
    expect(codeOf(() => requireRecordsCaller(null))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireLoggingOwnLearning(null))).toBe('UNAUTHENTICATED');
    for (const v of Object.values(ROLES)) {
      expect(canSeeLearningRecord(v, { id: v.personId, partnershipId: v.partnershipId, organisationId: v.organisationId, lineManagerId: null })).toBe(true);
    }
  });
});
