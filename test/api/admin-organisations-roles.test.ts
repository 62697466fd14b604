import { startPortal, type RunningPortal } from '../support/start-portal';
import {
  ADMIN, count, errorCode, NON_ADMINS, organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP, personId, randomUuid, signInAs,
  writableRowCounts, type UserErrorShape,
} from '../support/admin-fixtures';

/**
 * Issue 4, administration: adding organisations with their lead, granting and revoking roles,
 * disabling people, and the audit log. Administrators only, inside their own partnership.
 */
let portal: RunningPortal;
let tokens: Record<string, string>;
let admin: string;

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  tokens = await signInAs(portal, [ADMIN, ...NON_ADMINS]);
  admin = tokens[ADMIN];
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  organisation { id name shortCode sector role deliversTraining staffHeadcount volunteerHeadcount sectorGroup { name } }
  lead { id name email kind jobTitle organisation { shortCode } roles { role organisation { shortCode } } disabled }
  userErrors { field message code } } }`;
const GRANT = `mutation($input: RoleChangeInput!) { grantRole(input: $input) {
  person { id email roles { role organisation { shortCode } } } userErrors { field message code } } }`;
const REVOKE = GRANT.replace('grantRole', 'revokeRole');
const DISABLE = `mutation($input: SetPersonDisabledInput!) { setPersonDisabled(input: $input) {
  person { id email disabled } userErrors { field message code } } }`;
const AUDIT = `query($action: String, $first: Int, $after: String) { auditLog(action: $action, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id occurredAt action actor { email } subjectType subjectId details ipAddress } } } }`;
const VIEWER_ROLES = '{ viewer { email roles { role organisation { shortCode } } } }';

interface CreateData { createOrganisation: { organisation: { id: string; shortCode: string; sectorGroup: { name: string } | null } | null;
  lead: { id: string; email: string; kind: string; roles: Array<{ role: string; organisation: { shortCode: string } | null }> } | null;
  userErrors: UserErrorShape[] } }
interface PersonPayloadData { person: { id: string; email: string; roles?: Array<{ role: string; organisation: { shortCode: string } | null }>;
  disabled?: boolean } | null; userErrors: UserErrorShape[] }
interface AuditData { auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; occurredAt: string; action: string; actor: { email: string } | null;
    subjectType: string | null; subjectId: string | null; details: string; ipAddress: string | null } }> } }

const newOrganisation = (overrides: Record<string, unknown> = {}) => ({
  name: 'Riverside View Care Home', shortCode: 'RVCH', sector: 'CARE_HOME', role: 'AFFECTED', staffHeadcount: 45, ...overrides,
});
const create = (input: Record<string, unknown>, token: string | null = admin) =>
  portal.graphql<CreateData>(CREATE, { input }, { token });
const grant = (input: Record<string, unknown>, token: string | null = admin) =>
  portal.graphql<{ grantRole: PersonPayloadData }>(GRANT, { input }, { token });
const revoke = (input: Record<string, unknown>, token: string | null = admin) =>
  portal.graphql<{ revokeRole: PersonPayloadData }>(REVOKE, { input }, { token });
const disable = (input: Record<string, unknown>, token: string | null = admin) =>
  portal.graphql<{ setPersonDisabled: PersonPayloadData }>(DISABLE, { input }, { token });
const auditLog = (variables: Record<string, unknown> = {}, token: string | null = admin) =>
  portal.graphql<AuditData>(AUDIT, variables, { token });

describe('who may administer', () => {
  const operations = async () => {
    const learner = await personId(portal, 'learner@demo.portal');
    const pcc = await organisationId(portal, 'PCC');
    return [
      ['createOrganisation', CREATE, { input: newOrganisation({ shortCode: 'ACCESS' }) }],
      ['grantRole', GRANT, { input: { personId: learner, role: 'LINE_MANAGER', organisationId: pcc } }],
      ['revokeRole', REVOKE, { input: { personId: learner, role: 'LEARNER', organisationId: pcc } }],
      ['setPersonDisabled', DISABLE, { input: { personId: learner, disabled: true } }],
      ['auditLog', AUDIT, {}],
    ] as const;
  };

  it('refuses signed-out callers with UNAUTHENTICATED and writes nothing', async () => {
    const before = await writableRowCounts(portal);
    for (const [name, query, variables] of await operations()) {
      const response = await portal.graphql(query, variables);
      expect([name, errorCode(response)]).toEqual([name, 'UNAUTHENTICATED']);
      expect(response.data).toBeNull();
    }
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it.each(NON_ADMINS)('refuses %s with FORBIDDEN and writes nothing', async (email) => {
    const before = await writableRowCounts(portal);
    for (const [name, query, variables] of await operations()) {
      const response = await portal.graphql(query, variables, { token: tokens[email] });
      expect([name, errorCode(response)]).toEqual([name, 'FORBIDDEN']);
    }
    expect(await writableRowCounts(portal)).toEqual(before);
  });
});

describe('createOrganisation', () => {
  it('adds an organisation with its L&D lead, who has no password yet, in one audited change', async () => {
    const before = await writableRowCounts(portal);
    const response = await create(newOrganisation({
      sectorGroupId: await careSectorGroup(), deliversTraining: false,
      lead: { name: ' Asha Patel ', email: 'Asha.Patel@Riverside-View.example', jobTitle: 'Registered Manager' },
    }));
    const payload = response.data!.createOrganisation;
    expect(payload.userErrors).toEqual([]);
    expect(payload.organisation).toMatchObject({ shortCode: 'RVCH', sectorGroup: { name: 'Care Sector Strategy Group' } });
    expect(payload.lead).toMatchObject({ email: 'asha.patel@riverside-view.example', kind: 'STAFF',
      roles: [{ role: 'LD_LEAD', organisation: { shortCode: 'RVCH' } }] });
    const [lead] = await portal.dataSource.query('SELECT name, password_hash, partnership_id FROM person WHERE id = $1', [payload.lead!.id]);
    expect(lead.name).toBe('Asha Patel');
    expect(lead.password_hash).toBeNull();
    expect(await writableRowCounts(portal)).toEqual({ ...before, organisation: before.organisation + 1, person: before.person + 1,
      role_grant: before.role_grant + 1, audit_log: before.audit_log + 2 });

    const entries = (await auditLog({ first: 2 })).data!.auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => e.action).sort()).toEqual(['organisations.created', 'roles.granted']);
    expect(entries.every((e) => e.actor?.email === ADMIN)).toBe(true);
    const created = entries.find((e) => e.action === 'organisations.created')!;
    expect(created).toMatchObject({ subjectType: 'organisation', subjectId: payload.organisation!.id });
    expect(JSON.parse(created.details)).toMatchObject({ shortCode: 'RVCH', leadPersonId: payload.lead!.id });
  });

  it('allows a short code that another partnership uses, and none twice in one partnership', async () => {
    const fenlandCode = (await portal.dataSource.query(
      `SELECT short_code FROM organisation o JOIN partnership p ON p.id = o.partnership_id WHERE p.slug = $1 AND short_code NOT IN
         (SELECT short_code FROM organisation o2 JOIN partnership p2 ON p2.id = o2.partnership_id WHERE p2.slug = 'greater-peterborough')
       LIMIT 1`, [OTHER_PARTNERSHIP]))[0].short_code;
    expect((await create(newOrganisation({ name: 'Namesake', shortCode: fenlandCode }))).data!.createOrganisation.userErrors).toEqual([]);
    const again = await create(newOrganisation({ name: 'Namesake again', shortCode: fenlandCode }));
    expect(again.data!.createOrganisation.userErrors).toEqual([{ field: ['input', 'shortCode'], message: expect.any(String), code: 'TAKEN' }]);
  });

  it('gives one of two simultaneous requests for the same short code the organisation, and the other TAKEN', async () => {
    const before = await count(portal, `SELECT count(*) FROM organisation WHERE short_code = 'TWIN'`);
    const responses = await Promise.all([1, 2].map((n) => create(newOrganisation({ name: `Twin ${n}`, shortCode: 'TWIN' }))));
    const codes = responses.map((r) => r.data!.createOrganisation.userErrors.map((e) => e.code).join()).sort();
    expect(codes).toEqual(['', 'TAKEN']);
    expect(await count(portal, `SELECT count(*) FROM organisation WHERE short_code = 'TWIN'`)).toBe(before + 1);
  });

  it.each([
    ['an empty name', { name: '' }, ['input', 'name'], 'REQUIRED'],
    ['a blank name', { name: '   ' }, ['input', 'name'], 'REQUIRED'],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, ['input', 'name'], 'INVALID'],
    ['a lower-case short code', { shortCode: 'rvch2' }, ['input', 'shortCode'], 'INVALID'],
    ['a one-letter short code', { shortCode: 'R' }, ['input', 'shortCode'], 'INVALID'],
    ['a short code of 21 characters', { shortCode: 'A'.repeat(21) }, ['input', 'shortCode'], 'INVALID'],
    ['a short code with a space', { shortCode: 'RV CH' }, ['input', 'shortCode'], 'INVALID'],
    ['a short code already used', { shortCode: 'PCC' }, ['input', 'shortCode'], 'TAKEN'],
    ['a negative staff headcount', { staffHeadcount: -1 }, ['input', 'staffHeadcount'], 'INVALID'],
    ['a volunteer headcount over a million', { volunteerHeadcount: 1_000_001 }, ['input', 'volunteerHeadcount'], 'INVALID'],
    ['an unknown sector group', { sectorGroupId: randomUuid() }, ['input', 'sectorGroupId'], 'NOT_FOUND'],
    ['a sector group that is not an id', { sectorGroupId: 'care-sector' }, ['input', 'sectorGroupId'], 'NOT_FOUND'],
    ['a lead with a bad email', { lead: { name: 'Lee', email: 'lee@' } }, ['input', 'lead', 'email'], 'INVALID'],
    ['a lead whose email is taken', { lead: { name: 'Lee', email: 'LEARNER@demo.portal' } }, ['input', 'lead', 'email'], 'TAKEN'],
    ['a lead with no name', { lead: { name: '', email: 'lee@example.org' } }, ['input', 'lead', 'name'], 'REQUIRED'],
    ['a lead with a job title of 201 characters', { lead: { name: 'Lee', email: 'lee@example.org', jobTitle: 'j'.repeat(201) } },
      ['input', 'lead', 'jobTitle'], 'INVALID'],
  ])('refuses %s with a field error and writes nothing', async (_what, overrides, field, code) => {
    const before = await writableRowCounts(portal);
    const response = await create(newOrganisation({ shortCode: 'BADINPUT', ...overrides }));
    expect(response.errors).toBeUndefined();
    expect(response.data!.createOrganisation.organisation).toBeNull();
    expect(response.data!.createOrganisation.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('treats the other partnership\'s sector group as unknown, and lists every problem at once', async () => {
    const fenlandGroup = (await portal.dataSource.query(
      `SELECT g.id FROM sector_group g JOIN partnership p ON p.id = g.partnership_id WHERE p.slug = $1`, [OTHER_PARTNERSHIP]))[0].id;
    const before = await writableRowCounts(portal);
    const unknown = await create(newOrganisation({ shortCode: 'PCC', sectorGroupId: randomUuid(), lead: { name: 'Lee', email: 'admin@demo.portal' } }));
    const foreign = await create(newOrganisation({ shortCode: 'PCC', sectorGroupId: fenlandGroup, lead: { name: 'Lee', email: 'admin@demo.portal' } }));
    expect(foreign.data).toEqual(unknown.data);
    expect(foreign.data!.createOrganisation.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.sectorGroupId', 'NOT_FOUND'], ['input.shortCode', 'TAKEN'], ['input.lead.email', 'TAKEN']]);
    expect(await writableRowCounts(portal)).toEqual(before);
  });
});

describe('grantRole and revokeRole', () => {
  it('grants a role that applies from the person\'s next request, and revokes it, auditing both', async () => {
    const learner = await personId(portal, 'learner@demo.portal');
    const pcc = await organisationId(portal, 'PCC');
    const token = tokens['learner@demo.portal'];
    const granted = await grant({ personId: learner, role: 'LINE_MANAGER', organisationId: pcc });
    expect(granted.data!.grantRole.userErrors).toEqual([]);
    expect(granted.data!.grantRole.person!.roles!.map((r) => r.role).sort()).toEqual(['LEARNER', 'LINE_MANAGER']);
    const viewer = await portal.graphql<{ viewer: { roles: Array<{ role: string }> } }>(VIEWER_ROLES, undefined, { token });
    expect(viewer.data!.viewer.roles.map((r) => r.role).sort()).toEqual(['LEARNER', 'LINE_MANAGER']);
    // The new line manager may now list people (their direct reports: none yet).
    const people = await portal.graphql<{ people: { totalCount: number } }>('{ people { totalCount } }', undefined, { token });
    expect(people.data!.people.totalCount).toBe(0);

    const revoked = await revoke({ personId: learner, role: 'LINE_MANAGER', organisationId: pcc });
    expect(revoked.data!.revokeRole.userErrors).toEqual([]);
    expect(revoked.data!.revokeRole.person!.roles!.map((r) => r.role)).toEqual(['LEARNER']);
    expect(errorCode(await portal.graphql('{ people { totalCount } }', undefined, { token }))).toBe('FORBIDDEN');

    const entries = (await auditLog({ first: 2 })).data!.auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => e.action)).toEqual(['roles.revoked', 'roles.granted']);
    expect(entries.every((e) => e.subjectType === 'person' && e.subjectId === learner && e.actor?.email === ADMIN)).toBe(true);
    expect(JSON.parse(entries[0].details)).toEqual({ role: 'line_manager', organisationId: pcc });
  });

  it('answers a grant that exists with ALREADY_GRANTED and a revocation of none with NOT_GRANTED, writing nothing', async () => {
    const learner = await personId(portal, 'learner@demo.portal');
    const pcc = await organisationId(portal, 'PCC');
    const before = await writableRowCounts(portal);
    const again = await grant({ personId: learner, role: 'LEARNER', organisationId: pcc });
    expect(again.errors).toBeUndefined();
    expect(again.data!.grantRole).toEqual({ person: null, userErrors: [expect.objectContaining({ field: ['input', 'role'], code: 'ALREADY_GRANTED' })] });
    const none = await revoke({ personId: learner, role: 'PROVIDER_COORDINATOR', organisationId: pcc });
    expect(none.data!.revokeRole.userErrors).toEqual([expect.objectContaining({ code: 'NOT_GRANTED' })]);
    // Partnership-wide roles have no organisation: NULLs are equal for the unique grant.
    const steering = await personId(portal, 'steering@demo.portal');
    expect((await grant({ personId: steering, role: 'STEERING_GROUP' })).data!.grantRole.userErrors[0].code).toBe('ALREADY_GRANTED');
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('grants once when the same grant arrives twice at once', async () => {
    const manager = await personId(portal, 'manager@demo.portal');
    const pcc = await organisationId(portal, 'PCC');
    const responses = await Promise.all([1, 2, 3].map(() => grant({ personId: manager, role: 'LD_LEAD', organisationId: pcc })));
    expect(responses.every((r) => r.errors === undefined)).toBe(true);
    expect(responses.map((r) => r.data!.grantRole.userErrors.map((e) => e.code).join()).sort()).toEqual(['', 'ALREADY_GRANTED', 'ALREADY_GRANTED']);
    expect(await count(portal, `SELECT count(*) FROM role_grant WHERE person_id = $1 AND role = 'ld_lead'`, [manager])).toBe(1);
    expect((await revoke({ personId: manager, role: 'LD_LEAD', organisationId: pcc })).data!.revokeRole.userErrors).toEqual([]);
  });

  it('lets independent volunteers hold the volunteer role with no organisation', async () => {
    const volunteer = await personId(portal, 'volunteer@demo.portal');
    expect((await grant({ personId: volunteer, role: 'VOLUNTEER' })).data!.grantRole.userErrors).toEqual([]);
    expect((await revoke({ personId: volunteer, role: 'VOLUNTEER' })).data!.revokeRole.userErrors).toEqual([]);
  });

  it.each([
    ['an organisation role with no organisation', 'LEARNER', null, 'organisationId', 'REQUIRED'],
    ['an L&D lead with no organisation', 'LD_LEAD', null, 'organisationId', 'REQUIRED'],
    ['a steering group role for an organisation', 'STEERING_GROUP', 'PCC', 'organisationId', 'NOT_ALLOWED'],
    ['an administrator role for an organisation', 'PARTNERSHIP_ADMIN', 'PCC', 'organisationId', 'NOT_ALLOWED'],
    ['an unknown organisation', 'LEARNER', 'unknown', 'organisationId', 'NOT_FOUND'],
    ['an organisation id that is not an id', 'LEARNER', 'PCC-not-an-id', 'organisationId', 'NOT_FOUND'],
    ['the other partnership\'s organisation', 'LEARNER', 'fenland', 'organisationId', 'NOT_FOUND'],
  ])('refuses %s with a field error and writes nothing', async (_what, role, organisation, field, code) => {
    const learner = await personId(portal, 'learner@demo.portal');
    const organisationIds: Record<string, string | null> = {
      PCC: await organisationId(portal, 'PCC'), unknown: randomUuid(), 'PCC-not-an-id': 'PCC',
      fenland: await organisationId(portal, 'FDC', OTHER_PARTNERSHIP),
    };
    const before = await writableRowCounts(portal);
    for (const change of [grant, revoke]) {
      const response = await change({ personId: learner, role, organisationId: organisation === null ? null : organisationIds[organisation] });
      const payload = Object.values(response.data!)[0];
      expect(payload).toEqual({ person: null, userErrors: [expect.objectContaining({ field: ['input', field], code })] });
    }
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('treats people of the other partnership exactly like unknown people', async () => {
    const fenlandPerson = (await portal.dataSource.query(
      `SELECT p.id FROM person p JOIN partnership s ON s.id = p.partnership_id WHERE s.slug = $1 LIMIT 1`, [OTHER_PARTNERSHIP]))[0].id;
    const before = await writableRowCounts(portal);
    for (const change of [grant, revoke]) {
      const foreign = await change({ personId: fenlandPerson, role: 'STEERING_GROUP' });
      const unknown = await change({ personId: randomUuid(), role: 'STEERING_GROUP' });
      expect(foreign.data).toEqual(unknown.data);
      expect(Object.values(foreign.data!)[0]).toEqual({ person: null,
        userErrors: [{ field: ['input', 'personId'], message: 'There is no such person in your partnership.', code: 'NOT_FOUND' }] });
    }
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('keeps the last administrator: only once there is another may they step down', async () => {
    const adminId = await personId(portal, ADMIN);
    const steering = await personId(portal, 'steering@demo.portal');
    const before = await writableRowCounts(portal);
    const last = await revoke({ personId: adminId, role: 'PARTNERSHIP_ADMIN' });
    expect(last.data!.revokeRole.userErrors).toEqual([expect.objectContaining({ field: ['input', 'role'], code: 'LAST_ADMIN' })]);
    expect(await writableRowCounts(portal)).toEqual(before);

    expect((await grant({ personId: steering, role: 'PARTNERSHIP_ADMIN' })).data!.grantRole.userErrors).toEqual([]);
    const steeringAdmin = tokens['steering@demo.portal'];
    // The new administrator's next request already has the right.
    expect((await auditLog({ first: 1 }, steeringAdmin)).data!.auditLog.edges[0].node.action).toBe('roles.granted');
    // Two administrators each removing themselves at once: one must stay.
    const both = await Promise.all([revoke({ personId: adminId, role: 'PARTNERSHIP_ADMIN' }, admin),
      revoke({ personId: steering, role: 'PARTNERSHIP_ADMIN' }, steeringAdmin)]);
    expect(both.map((r) => r.data!.revokeRole.userErrors.map((e) => e.code).join()).sort()).toEqual(['', 'LAST_ADMIN']);
    expect(await count(portal, `SELECT count(*) FROM role_grant WHERE role = 'partnership_admin' AND person_id = ANY($1)`,
      [[adminId, steering]])).toBe(1);
    // Put things back as the demo had them, whoever is left.
    const remaining = both[0].data!.revokeRole.userErrors.length ? admin : steeringAdmin;
    if (remaining === steeringAdmin) {
      expect((await grant({ personId: adminId, role: 'PARTNERSHIP_ADMIN' }, steeringAdmin)).data!.grantRole.userErrors).toEqual([]);
    }
    expect((await revoke({ personId: steering, role: 'PARTNERSHIP_ADMIN' }, admin)).data!.revokeRole.userErrors
      .filter((e) => e.code !== 'NOT_GRANTED')).toEqual([]);
    expect(errorCode(await auditLog({}, steeringAdmin))).toBe('FORBIDDEN');
  });
});

describe('setPersonDisabled', () => {
  it('ends the person\'s sessions at once, and enabling lets them sign in again', async () => {
    const email = 'provider@demo.portal';
    const id = await personId(portal, email);
    const token = await portal.signIn(email);
    const viewer = () => portal.graphql<{ viewer: { email: string } | null }>('{ viewer { email } }', undefined, { token });
    expect((await viewer()).data!.viewer!.email).toBe(email);
    const live = await count(portal, 'SELECT count(*) FROM auth_session WHERE person_id = $1 AND revoked_at IS NULL', [id]);
    expect(live).toBeGreaterThan(0);

    const disabled = await disable({ personId: id, disabled: true });
    expect(disabled.data!.setPersonDisabled).toEqual({ person: { id, email, disabled: true }, userErrors: [] });
    expect((await viewer()).data!.viewer).toBeNull();
    expect(await count(portal, 'SELECT count(*) FROM auth_session WHERE person_id = $1 AND revoked_at IS NULL', [id])).toBe(0);
    await expect(portal.signIn(email)).rejects.toThrow(/refused/);
    // Disabling again changes nothing and is not audited twice.
    expect((await disable({ personId: id, disabled: true })).data!.setPersonDisabled.userErrors).toEqual([]);

    const enabled = await disable({ personId: id, disabled: false });
    expect(enabled.data!.setPersonDisabled.person!.disabled).toBe(false);
    const entries = (await auditLog({ first: 2 })).data!.auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => [e.action, e.subjectId])).toEqual([['people.enabled', id], ['people.disabled', id]]);
    expect(JSON.parse(entries[1].details)).toEqual({ sessionsEnded: live });
    tokens[email] = await portal.signIn(email);
  });

  it('does not let administrators disable themselves', async () => {
    const before = await writableRowCounts(portal);
    const response = await disable({ personId: await personId(portal, ADMIN), disabled: true });
    expect(response.data!.setPersonDisabled).toEqual({ person: null,
      userErrors: [expect.objectContaining({ field: ['input', 'personId'], code: 'SELF' })] });
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('treats people of the other partnership, unknown ids and non-ids alike', async () => {
    const fenlandPerson = (await portal.dataSource.query(
      `SELECT p.id FROM person p JOIN partnership s ON s.id = p.partnership_id WHERE s.slug = $1 LIMIT 1`, [OTHER_PARTNERSHIP]))[0].id;
    const before = await writableRowCounts(portal);
    const answers = await Promise.all([fenlandPerson, randomUuid(), 'not-an-id'].map((id) => disable({ personId: id, disabled: true })));
    for (const answer of answers) expect(answer.data).toEqual(answers[1].data);
    expect(answers[0].data!.setPersonDisabled.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await writableRowCounts(portal)).toEqual(before);
  });
});

describe('auditLog', () => {
  it('pages through the partnership\'s entries newest first, and filters by action', async () => {
    const all = await count(portal, `SELECT count(*) FROM audit_log a JOIN partnership p ON p.id = a.partnership_id WHERE p.slug = 'greater-peterborough'`);
    const walk = async (action: string | null, pages: number) => {
      const seen: string[] = [];
      let after: string | null = null;
      let previous = Infinity;
      for (let n = 0; n < pages; n += 1) {
        const page: AuditData['auditLog'] = (await auditLog({ first: 7, after, action })).data!.auditLog;
        for (const { node } of page.edges) {
          const at = Date.parse(node.occurredAt);
          expect(at).toBeLessThanOrEqual(previous);
          previous = at;
          seen.push(node.id);
        }
        if (!page.pageInfo.hasNextPage) return { seen, total: page.totalCount, ended: true };
        after = page.pageInfo.endCursor;
      }
      return { seen, total: (await auditLog({ first: 1, action })).data!.auditLog.totalCount, ended: false };
    };
    // The demo's ledger audits thousands of entries: walk the newest 30 pages of everything, and one action to its end.
    const newest = await walk(null, 30);
    expect(newest.total).toBe(all);
    expect(newest.seen.length).toBe(Math.min(all, 30 * 7));
    expect(new Set(newest.seen).size).toBe(newest.seen.length);
    const created = await count(portal, `SELECT count(*) FROM audit_log a JOIN partnership p ON p.id = a.partnership_id
      WHERE p.slug = 'greater-peterborough' AND a.action = 'funding.stream_created'`);
    const streams = await walk('funding.stream_created', 100);
    expect(streams).toMatchObject({ total: created, ended: true });
    expect(new Set(streams.seen).size).toBe(created);

    const granted = (await auditLog({ action: 'roles.granted', first: 100 })).data!.auditLog;
    expect(granted.totalCount).toBeGreaterThan(0);
    expect(granted.edges.every((e) => e.node.action === 'roles.granted')).toBe(true);
    expect(granted.edges[0].node.ipAddress).toMatch(/127\.0\.0\.1/);
  });

  it('reads as sentences with names, not ids and pence, with one statement for the names of a whole page', async () => {
    const SUMMARY = `query($first: Int) { auditLog(first: $first) { edges { node { action summary } } } }`;
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    const large = await portal.graphql<{ auditLog: { edges: Array<{ node: { action: string; summary: string } }> } }>(SUMMARY, { first: 100 }, { token: admin });
    // The viewer, the count, the page, the actors, the names: no statement per entry.
    expect(large.extensions!.sqlStatements).toBeLessThanOrEqual(5);
    const entries = large.data!.auditLog.edges.map((e) => e.node);
    expect(entries).toHaveLength(100);
    for (const { summary } of entries) {
      expect(summary).toMatch(/\.$/);
      expect(summary).not.toMatch(UUID);
      expect(summary).not.toMatch(/pence|[a-z]+_[a-z]+|\{/i);
    }
    const granted = await portal.graphql<{ auditLog: { edges: Array<{ node: { summary: string } }> } }>(
      'query { auditLog(action: "roles.granted", first: 1) { edges { node { summary } } } }', {}, { token: admin });
    const names = new Set((await portal.dataSource.query('SELECT name FROM person')).map((row: { name: string }) => row.name));
    const sentence = granted.data!.auditLog.edges[0].node.summary;
    expect(names.has(sentence.split(' made ')[0])).toBe(true);
    expect(sentence).toMatch(new RegExp(` made .+ (an L&D lead|a line manager|a learner|a steering group member|a partnership administrator|a provider coordinator)`));
    // The newest booking's commitment (the demo's pledges commit money too, naming no place).
    const ledger = await portal.graphql<{ auditLog: { edges: Array<{ node: { summary: string } }> } }>(
      'query { auditLog(action: "funding.commitment_recorded", first: 50) { edges { node { summary } } } }', {}, { token: admin });
    const booking = ledger.data!.auditLog.edges.map((e) => e.node.summary).find((summary) => summary.includes('’s place on'));
    expect(booking).toMatch(/recorded a commitment of £[\d,]+\.\d\d on .+ for .+’s place on .+ on \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('shows each partnership only its own entries', async () => {
    const other = await otherPartnershipAdmin(portal);
    const page = (await auditLog({ first: 100 }, other.token)).data!.auditLog;
    const own = await count(portal, `SELECT count(*) FROM audit_log a JOIN partnership p ON p.id = a.partnership_id WHERE p.slug = $1`,
      [OTHER_PARTNERSHIP]);
    expect(page.totalCount).toBe(own);
    const theirs = new Set((await portal.dataSource.query(`SELECT x.email FROM person x JOIN partnership p ON p.id = x.partnership_id
      WHERE p.slug = $1`, [OTHER_PARTNERSHIP])).map((r: { email: string }) => r.email));
    expect(page.edges.every((e) => e.node.actor === null || theirs.has(e.node.actor.email))).toBe(true);
    expect(page.edges.some((e) => e.node.actor?.email === ADMIN)).toBe(false);
  });

  it.each([
    ['first of 0', { first: 0 }], ['first of 101', { first: 101 }], ['a cursor it did not give', { after: 'bogus' }],
    ['an action that is not module.verb', { action: 'DROP TABLE' }],
  ])('refuses %s with BAD_USER_INPUT', async (_what, variables) => {
    expect(errorCode(await auditLog(variables))).toBe('BAD_USER_INPUT');
  });
});

async function careSectorGroup(): Promise<string> {
  return (await portal.dataSource.query(
    `SELECT g.id FROM sector_group g JOIN partnership p ON p.id = g.partnership_id WHERE p.slug = 'greater-peterborough' AND g.name = $1`,
    ['Care Sector Strategy Group']))[0].id;
}
