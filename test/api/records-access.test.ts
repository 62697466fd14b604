import type { GraphQLResponse, RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, oneRow, startAccessPortal, type AccessActor } from '../support/access-actors';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';
import { makeSession } from '../support/catalogue-fixtures';

/**
 * Who may take and correct a register, read a learning record, log and confirm informal
 * learning, download certificates and evidence, and read the partnership's learning counts:
 * every new operation of the register and of learning records, as the nine callers of the access
 * matrix, against objects of the caller's own partnership and of another. Default deny; an object
 * of another partnership is answered as unknown (or refused, which reveals no more).
 */
const ACTORS = ACCESS_ACTORS;
type Actor = AccessActor;

let portal: RunningPortal;
const tokens: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};

const one = <T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> => oneRow<T>(portal, sql, params);

beforeAll(async () => {
  const setup = await startAccessPortal();
  portal = setup.portal;
  Object.assign(tokens, setup.tokens);
  const { gp, fen, otherAdmin } = setup;

  const learner = await one(`SELECT id FROM person WHERE email = 'learner@demo.portal'`);
  const provider = await one(`SELECT organisation_id FROM role_grant WHERE role = 'provider_coordinator'
    AND person_id = (SELECT id FROM person WHERE email = 'provider@demo.portal') LIMIT 1`);
  const fenlandPerson = await one(`SELECT id FROM person WHERE partnership_id = $1 AND kind = 'staff' AND id <> $2
    AND organisation_id IS NOT NULL ORDER BY email LIMIT 1`, [fen.id, otherAdmin.id]);
  Object.assign(ids, {
    'own.partnership': gp.id, 'own.slug': gp.slug, 'own.person': learner.id,
    'other.partnership': fen.id, 'other.slug': fen.slug, 'other.person': fenlandPerson.id,
    'own.course': (await one('SELECT id FROM course WHERE partnership_id = $1 AND provider_organisation_id = $2 ORDER BY title LIMIT 1', [gp.id, provider.organisation_id])).id,
    'other.course': (await one('SELECT id FROM course WHERE partnership_id = $1 ORDER BY title LIMIT 1', [fen.id])).id,
  });
  for (const tenant of ['own', 'other'] as const) {
    const { sessionId, bookingId } = await startedSession(tenant, 'attended');
    ids[`${tenant}.registerSession`] = sessionId;
    ids[`${tenant}.attendedBooking`] = bookingId;
    ids[`${tenant}.evidenceFile`] = (await one(`INSERT INTO evidence_file (partnership_id, person_id, media_type, file_name, size_bytes, content)
      VALUES ($1, $2, 'application/pdf', 'notes.pdf', 5, '%PDF-'::bytea) RETURNING id`, [ids[`${tenant}.partnership`], ids[`${tenant}.person`]])).id;
  }
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

/** A session of the tenant's course that started an hour ago, with the tenant's person booked (confirmed, free, or already marked). */
async function startedSession(tenant: Tenant, status: 'confirmed' | 'attended' = 'confirmed'): Promise<{ sessionId: string; bookingId: string }> {
  const sessionId = await makeSession(portal.dataSource, ids[`${tenant}.partnership`], ids[`${tenant}.course`], { startsInDays: -1 / 24, capacity: 5, seatsTaken: 1 });
  const booking = await one(`INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status, cost_pence, approvals)
    SELECT partnership_id, $2, id, organisation_id, $3, 0, '{}' FROM person WHERE id = $1 RETURNING id`, [ids[`${tenant}.person`], sessionId, status]);
  return { sessionId, bookingId: booking.id };
}
async function freshEntry(tenant: Tenant): Promise<string> {
  return (await one(`INSERT INTO informal_learning (partnership_id, person_id, kind, learned_on, hours, description)
    VALUES ($1, $2, 'mentoring', current_date - 1, 1, 'Access matrix entry') RETURNING id`, [ids[`${tenant}.partnership`], ids[`${tenant}.person`]])).id;
}

const call = (query: string, variables: Record<string, unknown>, token: string | undefined) =>
  portal.graphql<Record<string, unknown>>(query, variables, { token });
/** A query that answers an unknown id with BAD_USER_INPUT NOT_FOUND: read as hidden. */
async function notFoundAsNull(response: Promise<GraphQLResponse<Record<string, unknown>>>, field: string) {
  const answer = await response;
  const extensions = answer.errors?.[0]?.extensions as { code?: string; userErrors?: Array<{ code: string }> } | undefined;
  if (extensions?.code === 'BAD_USER_INPUT' && extensions.userErrors?.some((e) => e.code === 'NOT_FOUND')) return { ...answer, errors: undefined, data: { [field]: null } };
  return answer;
}
/** A file route's status as an answer the matrix reads: 401, 403, 404 (hidden) or 200. */
async function fileAnswer(path: string, token: string | undefined): Promise<GraphQLResponse<Record<string, unknown>>> {
  const response = await fetch(`${portal.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  await response.arrayBuffer();
  const base = { status: response.status, headers: response.headers };
  if (response.status === 401) return { ...base, errors: [{ message: 'signed out', extensions: { code: 'UNAUTHENTICATED' } }] } as GraphQLResponse<Record<string, unknown>>;
  if (response.status === 403) return { ...base, errors: [{ message: 'refused', extensions: { code: 'FORBIDDEN' } }] } as GraphQLResponse<Record<string, unknown>>;
  if (response.status === 404) return { ...base, data: { file: null } } as GraphQLResponse<Record<string, unknown>>;
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return { ...base, data: { file: { ok: true } } } as GraphQLResponse<Record<string, unknown>>;
}

const isMember = (actor: Actor, tenant: Tenant) => actor !== 'anonymous' && ((tenant === 'own') === (actor !== 'otherAdmin'));
/** The rule on one object of the tenant: who it allows among members of the own partnership; non-members find it unknown. */
const onObject = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!isMember(actor, tenant)) return 'hidden';
  return allowed.includes(actor) && tenant === 'own' ? 'allow' : 'forbidden';
};
/** A rule by role alone, in whichever partnership the object is (the other partnership's administrator runs its registers). */
const inPartnership = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!isMember(actor, tenant)) return 'hidden';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const asCaller = (allowed: readonly Actor[]) => (actor: Actor): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const EVERYONE_SIGNED_IN: readonly Actor[] = ['volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin', 'otherAdmin'];
const RECORD_READERS: readonly Actor[] = ['learner', 'manager', 'lead'];
const REGISTER_TAKERS: readonly Actor[] = ['provider', 'admin', 'otherAdmin'];

const REGISTER = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { session { id } userErrors { field code } } }`;
const CORRECT = `mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) { register { sessionId } userErrors { field code } } }`;
const RECORD = `query($personId: ID) { learningRecord(personId: $personId) { person { id } completions { bookingId } informalLearning { id } balance { totalHours } } }`;
const LOG = `mutation($input: LogInformalLearningInput!) { logInformalLearning(input: $input) { entry { id } userErrors { field code } } }`;
const CONFIRM = `mutation($input: ConfirmInformalLearningInput!) { confirmInformalLearning(input: $input) { entry { id } userErrors { field code } } }`;
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

type Operation = AccessOperation<Actor>;
const OPERATIONS: Operation[] = [
  { name: 'sessionRegister', tenants: ['own', 'other'], pick: (d) => d.sessionRegister, expected: inPartnership(REGISTER_TAKERS), readOnly: true,
    run: (t, tenant) => call('query($id: ID!) { sessionRegister(sessionId: $id) { sessionId lines { bookingId personName outcome } } }',
      { id: ids[`${tenant}.registerSession`] }, t) },
  { name: 'recordAttendance (late cancellation)', tenants: ['own', 'other'], pick: (d) => d.recordAttendance, expected: inPartnership(REGISTER_TAKERS),
    run: async (t, tenant) => {
      const { sessionId, bookingId } = await startedSession(tenant);
      return call(REGISTER, { input: { sessionId, attendance: [{ bookingId, attended: false, lateCancellation: true }] } }, t);
    } },
  { name: 'correctAttendance', tenants: ['own', 'other'], pick: (d) => d.correctAttendance, expected: inPartnership(REGISTER_TAKERS),
    run: async (t, tenant) => {
      const { bookingId } = await startedSession(tenant, 'attended');
      return call(CORRECT, { input: { bookingId, outcome: 'NO_SHOW', reason: 'Access matrix' } }, t);
    } },
  { name: 'learningRecord (own)', tenants: ['own'], pick: (d) => d.learningRecord, expected: asCaller(EVERYONE_SIGNED_IN), readOnly: true,
    run: (t) => call(RECORD, {}, t) },
  { name: 'learningRecord (a learner\'s)', tenants: ['own', 'other'], pick: (d) => d.learningRecord, expected: onObject(RECORD_READERS), readOnly: true,
    run: (t, tenant) => notFoundAsNull(call(RECORD, { personId: ids[`${tenant}.person`] }, t), 'learningRecord') },
  { name: 'certificate PDF', tenants: ['own', 'other'], pick: (d) => d.file, expected: onObject(RECORD_READERS), readOnly: true,
    run: (t, tenant) => fileAnswer(`/learning-files/certificates/${ids[`${tenant}.attendedBooking`]}.pdf`, t) },
  { name: 'evidence file', tenants: ['own', 'other'], pick: (d) => d.file, expected: onObject(RECORD_READERS), readOnly: true,
    run: (t, tenant) => fileAnswer(`/learning-files/evidence/${ids[`${tenant}.evidenceFile`]}`, t) },
  { name: 'logInformalLearning (their own)', tenants: ['own'], pick: (d) => d.logInformalLearning, expected: asCaller(EVERYONE_SIGNED_IN),
    run: (t) => call(LOG, { input: { kind: 'READING', learnedOn: yesterday(), hours: 1, description: 'Access matrix' } }, t) },
  { name: 'confirmInformalLearning', tenants: ['own', 'other'], pick: (d) => d.confirmInformalLearning, expected: onObject(['manager']),
    run: async (t, tenant) => call(CONFIRM, { input: { entryId: await freshEntry(tenant) } }, t) },
  { name: 'learningActivity', tenants: ['own', 'other'], pick: (d) => d.learningActivity, expected: inPartnership(['steering', 'admin', 'otherAdmin']), readOnly: true,
    run: (t, tenant) => call('query($slug: String!) { learningActivity(partnershipSlug: $slug) { learners completions byOrganisation { organisationName learners } } }',
      { slug: ids[`${tenant}.slug`] }, t) },
];

it('lets each caller take registers and see and change exactly the learning records product.md gives them, in their own partnership only', async () => {
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { strictUserErrors: true, concurrency: 4 });
  console.log(`records access: ${OPERATIONS.length} operations × ${ACTORS.length} callers × tenants = ${cells} cells, ${allows} allowed`);
  expect(unexpected).toEqual([]);
  expect(allows).toBeGreaterThan(0);
}, 300_000);
