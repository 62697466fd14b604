import { randomUUID } from 'node:crypto';
import { hashPasswordOnce } from '../../server/src/modules/auth/password-hasher';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';
import { DEMO_PASSWORD } from '../support/test-database';
import { currentYear, makeStream } from '../support/funding-fixtures';

/**
 * Every query and mutation, as every role, against objects of the caller's own partnership and
 * of another: the server must allow exactly what product.md allows and deny the rest (default
 * deny). The outcome of each cell is compared with the expected one; the count of unexpected
 * allows must be 0, and so must the count of unexpected denies.
 */
const ACTORS = ['anonymous', 'volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin', 'otherAdmin'] as const;
type Actor = (typeof ACTORS)[number];

let portal: RunningPortal;
const tokens: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};

async function one<T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await portal.dataSource.query(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: 10_000 } });
  for (const actor of ACTORS.filter((a) => a !== 'anonymous' && a !== 'otherAdmin')) {
    tokens[actor] = await portal.signIn(`${actor === 'steering' ? 'steering' : actor}@demo.portal`);
  }
  const gp = await one(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  const fen = await one(`SELECT id FROM partnership WHERE slug = 'fenland-care-partnership'`);
  ids.gp = gp.id;
  ids.fen = fen.id;
  // An administrator of the other partnership, made for this test.
  const otherAdmin = await one(`SELECT id FROM person WHERE partnership_id = $1 AND kind = 'staff' ORDER BY email LIMIT 1`, [fen.id]);
  await portal.dataSource.query(`UPDATE person SET password_hash = $2, email = 'other.admin@fenland.example' WHERE id = $1`,
    [otherAdmin.id, await hashPasswordOnce(DEMO_PASSWORD)]);
  await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin')
    ON CONFLICT DO NOTHING`, [fen.id, otherAdmin.id]);
  tokens.otherAdmin = await portal.signIn('other.admin@fenland.example');

  for (const [tenant, partnershipId] of [['own', gp.id], ['other', fen.id]] as const) {
    const course = await one(`SELECT c.id AS course, s.id AS session FROM course c JOIN training_session s ON s.course_id = c.id
      WHERE c.partnership_id = $1 AND c.visibility = 'partnership' ORDER BY s.starts_at DESC LIMIT 1`, [partnershipId]).catch(async () => {
      // The small partnership may have no partnership-only course: make one of its courses so.
      const row = await one(`SELECT c.id AS course, s.id AS session FROM course c JOIN training_session s ON s.course_id = c.id
        WHERE c.partnership_id = $1 ORDER BY s.starts_at DESC LIMIT 1`, [partnershipId]);
      await portal.dataSource.query(`UPDATE course SET visibility = 'partnership' WHERE id = $1`, [row.course]);
      return row;
    });
    ids[`${tenant}.privateCourse`] = course.course;
    ids[`${tenant}.privateSession`] = course.session;
    const organisation = await one(`SELECT id FROM organisation WHERE partnership_id = $1 ORDER BY (short_code = 'PCC') DESC, name LIMIT 1`,
      [partnershipId]);
    ids[`${tenant}.organisation`] = organisation.id;
    const person = await one(`SELECT id FROM person WHERE partnership_id = $1 AND kind = 'staff' AND email NOT LIKE '%@demo.portal'
      AND email <> 'other.admin@fenland.example' ORDER BY email DESC LIMIT 1`, [partnershipId]);
    ids[`${tenant}.person`] = person.id;
    const sectorGroup = await one(`SELECT id FROM sector_group WHERE partnership_id = $1 LIMIT 1`, [partnershipId]).catch(() => ({ id: null }));
    ids[`${tenant}.sectorGroup`] = sectorGroup.id as string;
  }
  // A session with allocations whose course the provider coordinator's organisation provides.
  const provided = await one(`SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id
    JOIN organisation o ON o.id = c.provider_organisation_id JOIN seat_allocation a ON a.session_id = s.id
    WHERE o.short_code = 'PSHNHSFT' AND s.partnership_id = $1 LIMIT 1`, [gp.id]);
  ids['own.allocatedSession'] = provided.id;
  for (const [tenant, partnershipId] of [['own', gp.id], ['other', fen.id]] as const) {
    const open = await one(`SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id WHERE s.partnership_id = $1
      AND c.visibility = 'public' AND s.status = 'scheduled' AND s.booking_closes_at > now() AND s.capacity - s.seats_taken > 12
      ORDER BY s.starts_at LIMIT 1`, [partnershipId]);
    ids[`${tenant}.openSession`] = open.id;
  }
  // The other partnership's partnership-only session: hidden from everyone outside it.
  ids['other.allocatedSession'] = ids['other.privateSession'];
  // Upcoming sessions whose seats may be set: one the provider coordinator's organisation provides, one of the other partnership.
  ids['own.seatsSession'] = (await one(`SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id
    JOIN organisation o ON o.id = c.provider_organisation_id WHERE o.short_code = 'PSHNHSFT' AND s.partnership_id = $1
    AND s.status = 'scheduled' AND s.starts_at > now() + interval '1 day' ORDER BY s.starts_at LIMIT 1`, [gp.id])).id;
  ids['other.seatsSession'] = (await one(`SELECT id FROM training_session WHERE partnership_id = $1 AND status = 'scheduled'
    AND starts_at > now() + interval '1 day' ORDER BY starts_at LIMIT 1`, [fen.id])).id;
  if (!ids['other.sectorGroup']) {
    const group = await one(`INSERT INTO sector_group (partnership_id, name) VALUES ($1, 'Fenland Care Providers') RETURNING id`, [fen.id]);
    ids['other.sectorGroup'] = group.id;
  }
  // Funding streams: one the council (the lead's organisation) manages in each partnership, and one the council has no part in.
  for (const [tenant, partnershipId] of [['own', gp.id], ['other', fen.id]] as const) {
    ids[`${tenant}.stream`] = await makeStream(portal.dataSource, { partnershipId, managingOrganisationId: ids[`${tenant}.organisation`],
      budgetPence: 1_000_000, name: 'Access matrix stream' });
  }
  const elsewhere = await one(`SELECT id FROM organisation WHERE partnership_id = $1 AND short_code = 'PSHNHSFT'`, [gp.id]);
  ids['own.otherOrganisationStream'] = await makeStream(portal.dataSource, { partnershipId: gp.id, managingOrganisationId: elsewhere.id,
    budgetPence: 1_000_000, name: 'Access matrix stream (not the council\'s)' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

type Operation = AccessOperation<Actor>;

const call = (query: string, variables: Record<string, unknown>) =>
  (token: string | undefined) => portal.graphql<Record<string, unknown>>(query, variables, { token });

const isMember = (actor: Actor, tenant: Tenant) => actor !== 'anonymous' && ((tenant === 'own') === (actor !== 'otherAdmin'));
const signedIn = (actor: Actor) => actor !== 'anonymous';
const publicOperation = () => 'allow' as const;
/** Admin-only operations: anonymous → UNAUTHENTICATED; other roles → FORBIDDEN; an admin of another partnership → hidden. */
const adminOnly = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (actor !== 'admin' && actor !== 'otherAdmin') return 'forbidden';
  return isMember(actor, tenant) ? 'allow' : 'hidden';
};

/** Funding is shown to the steering group, administrators and L&D leads (their organisation's slice), each in their own partnership only. */
const FUNDING_READERS: readonly Actor[] = ['lead', 'steering', 'admin', 'otherAdmin'];
const fundingReader = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!FUNDING_READERS.includes(actor)) return 'forbidden';
  return isMember(actor, tenant) ? 'allow' : 'hidden';
};
/** Entries are recorded by administrators, and by the L&D leads of the organisation that manages the stream. */
const FUNDING_RECORDERS: readonly Actor[] = ['lead', 'admin', 'otherAdmin'];
const fundingRecorder = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!FUNDING_RECORDERS.includes(actor)) return 'forbidden';
  return isMember(actor, tenant) ? 'allow' : 'hidden';
};
const slugOf = (tenant: Tenant) => (tenant === 'own' ? 'greater-peterborough' : 'fenland-care-partnership');
const RECORD = 'mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { entry { id } userErrors { field code } } }';

const CSV = () => `name,email\nMatrix Person,matrix.${randomUUID().slice(0, 8)}@import.example\n`;

const OPERATIONS: Operation[] = [
  { name: 'viewer', readOnly: true, tenants: ['own'], run: (t) => call('{ viewer { id } }', {})(t), pick: () => true, expected: publicOperation },
  { name: 'partnerships', readOnly: true, tenants: ['own'], run: (t) => call('{ partnerships { id } }', {})(t), pick: (d) => d.partnerships, expected: publicOperation },
  { name: 'partnership', readOnly: true, tenants: ['own', 'other'], expected: publicOperation, pick: (d) => d.partnership,
    run: (t, tenant) => call('query($s: String!) { partnership(slug: $s) { id } }', { s: tenant === 'own' ? 'greater-peterborough' : 'fenland-care-partnership' })(t) },
  { name: 'organisations', readOnly: true, tenants: ['own', 'other'], expected: publicOperation, pick: (d) => d.organisations,
    run: (t, tenant) => call('query($s: String!) { organisations(partnershipSlug: $s) { id } }', { s: tenant === 'own' ? 'greater-peterborough' : 'fenland-care-partnership' })(t) },
  { name: 'partnershipDirectory', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.partnershipDirectory,
    expected: (actor, tenant) => (actor === 'anonymous' ? 'unauthenticated' : isMember(actor, tenant) ? 'allow' : 'hidden'),
    run: (t, tenant) => call('query($s: String!) { partnershipDirectory(partnershipSlug: $s) { id leads { email } } }', { s: slugOf(tenant) })(t) },
  { name: 'updateOrganisationEntry', tenants: ['own', 'other'], pick: (d) => d.updateOrganisationEntry,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (actor === 'admin' || actor === 'otherAdmin') return isMember(actor, tenant) ? 'allow' : 'hidden';
      return actor === 'lead' && tenant === 'own' ? 'allow' : 'forbidden';
    },
    run: (t, tenant) => call('mutation($input: UpdateOrganisationEntryInput!) { updateOrganisationEntry(input: $input) { entry { id } userErrors { field code } } }',
      { input: { organisationId: ids[`${tenant}.organisation`], description: 'Set by the access matrix' } })(t) },
  { name: 'sessions', readOnly: true, tenants: ['own', 'other'], expected: publicOperation, pick: (d) => d.sessions,
    run: (t, tenant) => call('query($s: String!) { sessions(partnershipSlug: $s, first: 5) { totalCount } }', { s: tenant === 'own' ? 'greater-peterborough' : 'fenland-care-partnership' })(t) },
  { name: 'session (partnership-only)', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.session,
    expected: (actor, tenant) => (isMember(actor, tenant) ? 'allow' : 'hidden'),
    run: (t, tenant) => call('query($id: ID!) { session(id: $id) { id } }', { id: ids[`${tenant}.privateSession`] })(t) },
  { name: 'course (partnership-only)', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.course,
    expected: (actor, tenant) => (isMember(actor, tenant) ? 'allow' : 'hidden'),
    run: (t, tenant) => call('query($id: ID!) { course(id: $id) { id } }', { id: ids[`${tenant}.privateCourse`] })(t) },
  { name: 'Session.allocations', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.session,
    expected: (actor, tenant) => {
      if (tenant === 'other' && !isMember(actor, tenant)) return 'hidden';
      if (actor === 'anonymous') return 'unauthenticated';
      if (!isMember(actor, tenant)) return 'forbidden';
      return ['lead', 'provider', 'admin', 'otherAdmin'].includes(actor) ? 'allow' : 'forbidden';
    },
    run: async (t, tenant) => {
      // The other partnership's session may be partnership-only: then it is hidden before its allocations are asked for.
      return call('query($id: ID!) { session(id: $id) { id allocations { seats } } }', { id: ids[`${tenant}.allocatedSession`] })(t);
    } },
  { name: 'people', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.people,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (['volunteer', 'learner', 'provider', 'steering'].includes(actor)) return 'forbidden';
      if (!isMember(actor, tenant)) return 'hidden';
      return 'allow';
    },
    run: (t, tenant) => call('query($o: ID) { people(organisationId: $o, first: 5) { totalCount } }', { o: ids[`${tenant}.organisation`] })(t) },
  { name: 'auditLog', readOnly: true, tenants: ['own'], pick: (d) => d.auditLog,
    expected: (actor) => (actor === 'anonymous' ? 'unauthenticated' : actor === 'admin' || actor === 'otherAdmin' ? 'allow' : 'forbidden'),
    run: (t) => call('{ auditLog(first: 5) { totalCount } }', {})(t) },
  { name: 'peopleImport', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.peopleImport, expected: adminOnly,
    run: (t, tenant) => call('query($id: ID!) { peopleImport(id: $id) { id status } }', { id: ids[`${tenant}.import`] })(t) },
  { name: 'myBookings', readOnly: true, tenants: ['own'], pick: (d) => d.myBookings,
    expected: (actor) => (actor === 'anonymous' ? 'unauthenticated' : 'allow'),
    run: (t) => call('{ myBookings(first: 5) { totalCount } }', {})(t) },
  { name: 'bookSession', tenants: ['own', 'other'], pick: (d) => d.bookSession,
    expected: (actor, tenant) => (actor === 'anonymous' ? 'unauthenticated' : isMember(actor, tenant) ? 'allow' : 'hidden'),
    run: (t, tenant) => call('mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } userErrors { field code } } }',
      { input: { sessionId: ids[`${tenant}.openSession`] } })(t) },
  { name: 'bookSession (on behalf of a council learner)', tenants: ['own'], pick: (d) => d.bookSession,
    expected: (actor) => (actor === 'anonymous' ? 'unauthenticated' : actor === 'lead' ? 'allow' : actor === 'otherAdmin' ? 'hidden' : 'forbidden'),
    run: (t) => call('mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } userErrors { field code } } }',
      { input: { sessionId: ids['own.openSession'], personId: ids.councilLearner } })(t) },
  { name: 'cancelBooking (the administrator\'s own booking)', tenants: ['own', 'other'], pick: (d) => d.cancelBooking,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (!isMember(actor, tenant)) return 'hidden';
      return actor === 'admin' || actor === 'otherAdmin' ? 'allow' : 'forbidden';
    },
    run: (t, tenant) => call('mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id } userErrors { field code } } }',
      { input: { bookingId: ids[`${tenant}.adminBooking`] } })(t) },
  { name: 'bookingRequests', readOnly: true, tenants: ['own'], pick: (d) => d.bookingRequests,
    expected: (actor) => (actor === 'anonymous' ? 'unauthenticated' : 'allow'),
    run: (t) => call('{ bookingRequests { id } }', {})(t) },
  { name: 'organisationBookings', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.organisationBookings,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (!isMember(actor, tenant)) return 'hidden';
      // "own" is the council, whose L&D lead the demo's lead is.
      return actor === 'admin' || actor === 'otherAdmin' || (actor === 'lead' && tenant === 'own') ? 'allow' : 'forbidden';
    },
    run: (t, tenant) => call('query($o: ID!) { organisationBookings(organisationId: $o, first: 5) { totalCount edges { node { id waitlistPosition } } } }',
      { o: ids[`${tenant}.organisation`] })(t) },
  { name: 'Session.myOrganisationAllocation', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.session,
    expected: (actor, tenant) => (isMember(actor, tenant) ? 'allow' : 'hidden'),
    run: (t, tenant) => call('query($id: ID!) { session(id: $id) { id myOrganisationAllocation { seats seatsTaken seatsLeft } } }',
      { id: ids[`${tenant}.privateSession`] })(t) },
  { name: 'setSeatAllocations (the allocations as they are)', tenants: ['own', 'other'], pick: (d) => d.setSeatAllocations,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (!['provider', 'admin', 'otherAdmin'].includes(actor)) return 'forbidden';
      if (!isMember(actor, tenant)) return 'hidden';
      return 'allow';
    },
    run: async (t, tenant) => {
      const sessionId = ids[`${tenant}.seatsSession`];
      const allocations = await portal.dataSource.query(
        'SELECT organisation_id AS "organisationId", seats FROM seat_allocation WHERE session_id = $1 ORDER BY organisation_id', [sessionId]);
      return call('mutation($input: SetSeatAllocationsInput!) { setSeatAllocations(input: $input) { session { id } userErrors { field code } } }',
        { input: { sessionId, allocations } })(t);
    } },
  { name: 'signIn', tenants: ['own'], expected: publicOperation, pick: (d) => d.signIn,
    run: (t) => call('mutation { signIn(input: { email: "nobody@matrix.example", password: "not the password" }) { token } }', {})(t) },
  { name: 'registerVolunteer', tenants: ['own'], expected: publicOperation, pick: (d) => d.registerVolunteer,
    run: (t) => call('mutation { registerVolunteer(input: { partnershipSlug: "greater-peterborough", name: "X", email: "x@matrix.example", password: "short" }) { token } }', {})(t) },
  { name: 'requestPasswordReset', tenants: ['own'], expected: publicOperation, pick: (d) => d.requestPasswordReset,
    run: (t) => call('mutation { requestPasswordReset(input: { email: "nobody@matrix.example" }) { accepted } }', {})(t) },
  { name: 'resetPassword', tenants: ['own'], expected: publicOperation, pick: (d) => d.resetPassword,
    run: (t) => call('mutation { resetPassword(input: { token: "forged", password: "amber lantern orchard" }) { token } }', {})(t) },
  { name: 'createOrganisation', tenants: ['own', 'other'], pick: (d) => d.createOrganisation, expected: adminOnly,
    // "other": naming another partnership's sector group must be refused as unknown.
    run: (t, tenant) => call(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { field code } } }`,
      { input: { name: 'Matrix Care Home', shortCode: `M${randomUUID().slice(0, 6).toUpperCase()}`, sector: 'CARE_HOME', role: 'AFFECTED',
        sectorGroupId: ids[`${tenant}.sectorGroup`] } })(t) },
  { name: 'grantRole + revokeRole', tenants: ['own', 'other'], pick: (d) => d.grantRole, expected: adminOnly,
    run: async (t, tenant) => {
      const input = { personId: ids[`${tenant}.person`], role: 'STEERING_GROUP', organisationId: null };
      const granted = await call('mutation($input: RoleChangeInput!) { grantRole(input: $input) { person { id } userErrors { field code } } }', { input })(t);
      const payload = granted.data?.grantRole as { userErrors: Array<{ code: string }> } | undefined;
      if (payload && !payload.userErrors.length) {
        const revoked = await call('mutation($input: RoleChangeInput!) { revokeRole(input: $input) { person { id } userErrors { code } } }', { input })(t);
        expect((revoked.data?.revokeRole as { userErrors: unknown[] }).userErrors).toEqual([]);
      }
      return granted;
    } },
  { name: 'revokeRole (not held)', tenants: ['own', 'other'], pick: (d) => d.revokeRole,
    expected: (actor, tenant) => (adminOnly(actor, tenant) === 'allow' ? 'allow' : adminOnly(actor, tenant)),
    run: (t, tenant) => call('mutation($input: RoleChangeInput!) { revokeRole(input: $input) { person { id } userErrors { field code } } }',
      { input: { personId: ids[`${tenant}.person`], role: 'STEERING_GROUP', organisationId: null } })(t) },
  { name: 'setPersonDisabled', tenants: ['own', 'other'], pick: (d) => d.setPersonDisabled, expected: adminOnly,
    run: (t, tenant) => call('mutation($input: SetPersonDisabledInput!) { setPersonDisabled(input: $input) { person { id } userErrors { field code } } }',
      { input: { personId: ids[`${tenant}.person`], disabled: false } })(t) },
  { name: 'importPeople', tenants: ['own', 'other'], pick: (d) => d.importPeople, expected: adminOnly,
    run: (t, tenant) => call('mutation($input: ImportPeopleInput!) { importPeople(input: $input) { import { id status } userErrors { field code } } }',
      { input: { organisationId: ids[`${tenant}.organisation`], csv: CSV() } })(t) },
  { name: 'fundingStreams', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.fundingStreams, expected: fundingReader,
    run: (t, tenant) => call('query($s: String!) { fundingStreams(partnershipSlug: $s) { id summary { remaining { pence } } } }', { s: slugOf(tenant) })(t) },
  { name: 'fundingStream (managed by the council)', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.fundingStream, expected: fundingReader,
    run: (t, tenant) => call('query($id: ID!) { fundingStream(id: $id) { id amount { pence } summary { budget { pence } } } }', { id: ids[`${tenant}.stream`] })(t) },
  { name: 'fundingStream (one the council has no part in)', readOnly: true, tenants: ['own'], pick: (d) => d.fundingStream,
    expected: (actor, tenant) => (actor === 'lead' ? 'hidden' : fundingReader(actor, tenant)),
    run: (t) => call('query($id: ID!) { fundingStream(id: $id) { id } }', { id: ids['own.otherOrganisationStream'] })(t) },
  { name: 'fundingOverview', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.fundingOverview, expected: fundingReader,
    run: (t, tenant) => call('query($s: String!, $y: String!) { fundingOverview(partnershipSlug: $s, financialYear: $y) { totals { budget { pence } } } }',
      { s: slugOf(tenant), y: currentYear().label })(t) },
  { name: 'ledgerEntries', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.ledgerEntries, expected: fundingReader,
    run: (t, tenant) => call('query($f: LedgerEntryFilter!) { ledgerEntries(filter: $f, first: 5) { totalCount edges { node { id amount { pence } } } } }',
      { f: { partnershipSlug: slugOf(tenant), financialYear: currentYear().label } })(t) },
  { name: 'createFundingStream', tenants: ['own', 'other'], pick: (d) => d.createFundingStream, expected: adminOnly,
    // "other": naming another partnership's organisation must be refused as unknown.
    run: (t, tenant) => call('mutation($input: CreateFundingStreamInput!) { createFundingStream(input: $input) { fundingStream { id } userErrors { field code } } }',
      { input: { name: `Matrix stream ${randomUUID().slice(0, 8)}`, funderKind: 'COUNCIL_GRANT', funderName: 'Matrix Council',
        financialYear: currentYear().label, amount: '100.00', managingOrganisationId: ids[`${tenant}.organisation`] } })(t) },
  { name: 'recordLedgerEntry (a stream the council manages)', tenants: ['own', 'other'], pick: (d) => d.recordLedgerEntry, expected: fundingRecorder,
    run: (t, tenant) => call(RECORD, { input: { streamId: ids[`${tenant}.stream`], kind: 'BUDGET', amount: '0.01', reason: 'Access matrix' } })(t) },
  { name: 'recordLedgerEntry (a stream another organisation manages)', tenants: ['own'], pick: (d) => d.recordLedgerEntry,
    expected: (actor, tenant) => (actor === 'lead' ? 'forbidden' : fundingRecorder(actor, tenant)),
    run: (t) => call(RECORD, { input: { streamId: ids['own.otherOrganisationStream'], kind: 'BUDGET', amount: '0.01', reason: 'Access matrix' } })(t) },
  // An upcoming session: an allowed caller is told the register is not open yet (NOT_STARTED); nothing changes.
  { name: 'recordAttendance', tenants: ['own', 'other'], pick: (d) => d.recordAttendance,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (!isMember(actor, tenant)) return actor === 'provider' || actor === 'admin' || actor === 'otherAdmin' ? 'hidden' : 'forbidden';
      return actor === 'provider' || actor === 'admin' || actor === 'otherAdmin' ? 'allow' : 'forbidden';
    },
    run: (t, tenant) => call('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { session { id } userErrors { field code } } }',
      { input: { sessionId: ids[`${tenant}.seatsSession`], attendance: [{ bookingId: randomUUID(), attended: true }] } })(t) },
  // Last, because the allowed call cancels the session (later allowed callers get NOT_SCHEDULED).
  { name: 'cancelSession', tenants: ['own', 'other'], pick: (d) => d.cancelSession,
    expected: (actor, tenant) => {
      if (actor === 'anonymous') return 'unauthenticated';
      if (!isMember(actor, tenant)) return 'hidden';
      return actor === 'provider' || actor === 'admin' || actor === 'otherAdmin' ? 'allow' : 'forbidden';
    },
    run: (t, tenant) => call('mutation($input: CancelSessionInput!) { cancelSession(input: $input) { session { id } userErrors { field code } } }',
      { input: { sessionId: ids[`${tenant}.allocatedSession`], reason: 'Access matrix' } })(t) },
];

it('allows and denies exactly what each role may do, in its own partnership and another', async () => {
  // Imports to look up: one per partnership, started by its own administrator.
  for (const [tenant, actor] of [['own', 'admin'], ['other', 'otherAdmin']] as const) {
    const started = await portal.graphql<{ importPeople: { import: { id: string } | null; userErrors: unknown[] } }>(
      'mutation($input: ImportPeopleInput!) { importPeople(input: $input) { import { id } userErrors { field code message } } }',
      { input: { organisationId: ids[`${tenant}.organisation`], csv: CSV() } }, { token: tokens[actor] });
    if (!started.data?.importPeople.import) throw new Error(`could not start an import: ${JSON.stringify(started)}`);
    ids[`${tenant}.import`] = started.data.importPeople.import.id;
  }

  // A booking of each partnership's administrator, for the cancellation row; a council learner for on-behalf booking.
  for (const [tenant, actor] of [['own', 'admin'], ['other', 'otherAdmin']] as const) {
    const me = (await portal.graphql<{ viewer: { id: string } }>('{ viewer { id } }', {}, { token: tokens[actor] })).data!.viewer.id;
    // A course the administrator holds no place on: one live place per person per course.
    const session = await one(`SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id WHERE s.partnership_id = $1
      AND c.audience IN ('staff', 'both') AND c.visibility = 'public' AND c.eligible_sectors = '{}' AND s.status = 'scheduled'
      AND s.booking_closes_at > now() AND s.id <> $2 AND NOT EXISTS (SELECT 1 FROM booking b JOIN training_session o ON o.id = b.session_id
        WHERE o.course_id = s.course_id AND b.person_id = $3 AND b.status IN ('requested', 'confirmed', 'waitlisted'))
      ORDER BY s.starts_at LIMIT 1`, [tenant === 'own' ? ids.gp : ids.fen, ids[`${tenant}.openSession`], me]);
    const booked = await portal.graphql<{ bookSession: { booking: { id: string } | null; userErrors: unknown[] } }>(
      'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } userErrors { field code message } } }',
      { input: { sessionId: session.id } }, { token: tokens[actor] });
    if (!booked.data?.bookSession.booking) throw new Error(`could not book for ${actor}: ${JSON.stringify(booked)}`);
    ids[`${tenant}.adminBooking`] = booked.data.bookSession.booking.id;
  }
  ids.councilLearner = (await one(`SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.short_code = 'PCC' AND p.kind = 'staff' AND p.email NOT LIKE '%@demo.portal' ORDER BY p.email LIMIT 1`)).id;

  // The queries' cells run four at a time (they write nothing); every mutation's cells one at a time, in order.
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { concurrency: 4 });
  const unexpectedAllows = unexpected.filter((line) => line.endsWith('got allow')).length;
  console.log(`access matrix: ${OPERATIONS.length} operations × ${ACTORS.length} callers × tenants = ${cells} cells, ${allows} allowed; `
    + `${unexpectedAllows} unexpected allows, ${unexpected.length - unexpectedAllows} other mismatches`);
  expect(unexpected).toEqual([]);
  expect(signedIn('admin')).toBe(true);
}, 300_000);
