import { startPortal, type RunningPortal } from '../support/start-portal';
import { organisationId, OTHER_PARTNERSHIP, randomUuid } from '../support/admin-fixtures';
import { makeCourse, makeSession } from '../support/catalogue-fixtures';

/**
 * Every wrong thing a lead can send to the compliance mutations: renewal periods of 0, 121, 2.5
 * or a billion months; unknown subjects, unknown and other partnerships' organisations, people
 * and requirements; huge strings and control characters; refusing one's own completions; booking
 * with no session to book. Each is refused on its field with its code, several at once, and
 * nothing is written. The matrix query answers a malformed argument with BAD_USER_INPUT.
 */
let portal: RunningPortal;
let lead: string;
const ids: Record<string, string> = {};

async function rowCounts() {
  const [row] = await portal.dataSource.query(`SELECT
    (SELECT count(*) FROM compliance_renewal_period)::int AS periods, (SELECT count(*) FROM compliance_requirement)::int AS requirements,
    (SELECT count(*) FROM compliance_refusal)::int AS refusals, (SELECT count(*) FROM booking)::int AS bookings,
    (SELECT count(*) FROM email_outbox)::int AS emails, (SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%')::int AS audit`);
  return row;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  lead = await portal.signIn('lead@demo.portal');
  ids.pcc = await organisationId(portal, 'PCC');
  ids.acute = await organisationId(portal, 'PSHNHSFT');
  [{ id: ids.gp }] = await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  [{ id: ids.fen }] = await portal.dataSource.query('SELECT id FROM partnership WHERE slug = $1', [OTHER_PARTNERSHIP]);
  [{ id: ids.fenOrganisation }] = await portal.dataSource.query('SELECT id FROM organisation WHERE partnership_id = $1 ORDER BY name LIMIT 1', [ids.fen]);
  [{ id: ids.fenPerson }] = await portal.dataSource.query('SELECT id FROM person WHERE partnership_id = $1 LIMIT 1', [ids.fen]);
  [{ id: ids.acutePerson }] = await portal.dataSource.query('SELECT id FROM person WHERE organisation_id = $1 LIMIT 1', [ids.acute]);
  [{ id: ids.learner }] = await portal.dataSource.query(`SELECT id FROM person WHERE email = 'learner@demo.portal'`);
  [{ id: ids.fenRequirement }] = await portal.dataSource.query(
    `INSERT INTO compliance_requirement (partnership_id, organisation_id, subject_code, team) VALUES ($1, $2, 'fire-safety', 'Bad input') RETURNING id`,
    [ids.fen, ids.fenOrganisation]);
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

type Errors = Array<{ field: string[]; code: string; message: string }>;
async function refused(mutation: string, type: string, input: Record<string, unknown>): Promise<Errors> {
  const before = await rowCounts();
  const response = await portal.graphql<Record<string, { userErrors: Errors }>>(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { userErrors { field code message } } }`, { input }, { token: lead });
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(await rowCounts()).toEqual(before);
  return response.data![mutation].userErrors;
}
const codes = (errors: Errors) => Object.fromEntries(errors.map((e) => [e.field.join('.'), e.code]));

it.each([
  [0, 'OUT_OF_RANGE'], [-12, 'OUT_OF_RANGE'], [121, 'OUT_OF_RANGE'], [1e9, 'OUT_OF_RANGE'], [2.5, 'NOT_WHOLE'],
])('refuses a renewal period of %p months (%s) and writes nothing', async (renewalMonths, code) => {
  const errors = await refused('setRenewalPeriod', 'SetRenewalPeriodInput', { organisationId: ids.pcc, subjectCode: 'fire-safety', renewalMonths });
  expect(errors).toEqual([expect.objectContaining({ field: ['input', 'renewalMonths'], code })]);
  if (renewalMonths === 0) expect(errors[0].message).toBe('Renewal period must be between 1 and 120 months');
});

it('answers every bad field of one request at once', async () => {
  expect(codes(await refused('setRenewalPeriod', 'SetRenewalPeriodInput', { organisationId: ids.pcc, subjectCode: 'juggling', renewalMonths: 0 })))
    .toEqual({ 'input.subjectCode': 'NOT_FOUND', 'input.renewalMonths': 'OUT_OF_RANGE' });
  expect(codes(await refused('setRenewalPeriod', 'SetRenewalPeriodInput', { organisationId: 'not-an-id', subjectCode: 'x'.repeat(10_000), renewalMonths: 2.5 })))
    .toEqual({ 'input.organisationId': 'INVALID', 'input.subjectCode': 'INVALID', 'input.renewalMonths': 'NOT_WHOLE' });
  expect(codes(await refused('addComplianceRequirement', 'AddComplianceRequirementInput',
    { organisationId: ids.pcc, subjectCode: 'fire-safety', jobTitle: 'x'.repeat(201), team: 'Night\u0007shift' })))
    .toEqual({ 'input.jobTitle': 'INVALID', 'input.team': 'INVALID' });
  expect(codes(await refused('refuseCompletions', 'RefuseCompletionsInput',
    { organisationId: ids.pcc, fromOrganisationId: ids.pcc, subjectCode: 'fire-safety', reason: 'r'.repeat(5_000) })))
    .toEqual({ 'input.fromOrganisationId': 'NOT_ALLOWED', 'input.reason': 'INVALID' });
});

it('answers unknown ids and another partnership\'s alike, as not found', async () => {
  for (const organisation of [randomUuid(), ids.fenOrganisation]) {
    expect(codes(await refused('setRenewalPeriod', 'SetRenewalPeriodInput', { organisationId: organisation, subjectCode: 'fire-safety', renewalMonths: 12 })))
      .toEqual({ 'input.organisationId': 'NOT_FOUND' });
    expect(codes(await refused('refuseCompletions', 'RefuseCompletionsInput',
      { organisationId: ids.pcc, fromOrganisationId: organisation, subjectCode: 'fire-safety', reason: 'No' })))
      .toEqual({ 'input.fromOrganisationId': 'NOT_FOUND' });
  }
  for (const requirementId of [randomUuid(), ids.fenRequirement]) {
    expect(codes(await refused('removeComplianceRequirement', 'RemoveComplianceRequirementInput', { requirementId })))
      .toEqual({ 'input.requirementId': 'NOT_FOUND' });
  }
});

it('books nobody when any person is unknown, of another organisation or of another partnership', async () => {
  const course = await makeCourse(portal.dataSource, ids.gp, ids.acute, { title: 'Bad input fire safety', mandatorySubject: 'fire-safety' });
  await makeSession(portal.dataSource, ids.gp, course, { startsInDays: 30, capacity: 50 });
  const errors = await refused('bookOverdue', 'BookOverdueInput',
    { organisationId: ids.pcc, subjectCode: 'fire-safety', personIds: [ids.learner, ids.acutePerson, ids.fenPerson, randomUuid()] });
  expect(codes(errors)).toEqual({ 'input.personIds.1': 'NOT_FOUND', 'input.personIds.2': 'NOT_FOUND', 'input.personIds.3': 'NOT_FOUND' });
  expect(codes(await refused('bookOverdue', 'BookOverdueInput', { organisationId: ids.pcc, subjectCode: 'fire-safety', personIds: [] })))
    .toEqual({ 'input.personIds': 'INVALID' });
  expect(codes(await refused('bookOverdue', 'BookOverdueInput',
    { organisationId: ids.pcc, subjectCode: 'fire-safety', personIds: Array.from({ length: 201 }, () => randomUuid()) })))
    .toEqual({ 'input.personIds': 'INVALID' });
  expect(codes(await refused('bookOverdue', 'BookOverdueInput',
    { organisationId: ids.pcc, subjectCode: 'fire-safety', personIds: [ids.learner], sessionId: randomUuid() })))
    .toEqual({ 'input.sessionId': 'NO_SESSION' });
});

it('answers a malformed matrix argument with BAD_USER_INPUT, never a 500', async () => {
  const response = await portal.graphql(`query($id: ID!, $team: String) { complianceMatrix(organisationId: $id, team: $team) { rows { name } } }`,
    { id: 'not-a-uuid', team: 't'.repeat(5000) }, { token: lead });
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const wrongStatus = await portal.graphql(`query($id: ID!) { complianceMatrix(organisationId: $id, status: LATE) { rows { name } } }`, { id: ids.pcc }, { token: lead });
  expect(wrongStatus.status).toBe(400);
});
