import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeSession } from '../support/catalogue-fixtures';
import { addCompletion, grant, makeLedOrganisation, makePerson, requireSubject } from '../support/compliance-fixtures';
import { sessionFor } from '../support/people-fixtures';

/**
 * The compliance matrix over HTTP: statuses at the bands, levels, completions at other partners
 * (and refused ones), the organisation's own renewal period, filters, totals, CSV, the team
 * matrix, the steering group's percentages, a fixed number of SQL statements whatever the size,
 * and booking the overdue in one step through the booking rules.
 */
const NOW = new Date('2026-06-15T11:00:00Z'); // noon in London (BST)
let portal: RunningPortal;
let partnershipId: string;
let org: { organisationId: string; leadId: string; leadToken: string };
let councilId: string;
let providerId: string;
const people: Record<string, string> = {};

const MATRIX = `query($id: ID!, $subjectCode: String, $status: ComplianceStatus, $team: String) {
  complianceMatrix(organisationId: $id, subjectCode: $subjectCode, status: $status, team: $team) {
    today teams
    subjects { subject { code subject level } renewalMonths totals { required compliant expiring90 expiring60 expiring30 overdue neverDone compliantPercent } }
    rows { personId name team cells { subjectCode status completedOn expiresOn daysLeft renewalMonths refused { fromOrganisationName completedOn reason } } }
    totals { required compliantPercent }
    refusals { fromOrganisationName subjectCode reason }
    csv
  } }`;

type Cell = { subjectCode: string; status: string; completedOn: string | null; expiresOn: string | null; daysLeft: number | null;
  renewalMonths: number; refused: { fromOrganisationName: string; completedOn: string; reason: string } | null };
type Matrix = { today: string; teams: string[]; rows: Array<{ personId: string; name: string; team: string | null; cells: Cell[] }>;
  subjects: Array<{ subject: { code: string }; renewalMonths: number; totals: Record<string, number | null> }>; csv: string;
  refusals: Array<{ fromOrganisationName: string; subjectCode: string; reason: string }>; totals: { required: number; compliantPercent: number | null } };

async function matrix(variables: Record<string, unknown> = {}, token = org.leadToken) {
  const response = await portal.graphql<{ complianceMatrix: Matrix }>(MATRIX, { id: org.organisationId, ...variables }, { token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return { matrix: response.data!.complianceMatrix, statements: response.extensions!.sqlStatements! };
}
const cellOf = (m: Matrix, person: string, code: string) => m.rows.find((r) => r.personId === people[person])?.cells.find((c) => c.subjectCode === code);

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', clock: () => NOW });
  [{ id: partnershipId }] = await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  [{ id: councilId }] = await portal.dataSource.query(`SELECT id FROM organisation WHERE partnership_id = $1 AND short_code = 'PCC'`, [partnershipId]);
  [{ id: providerId }] = await portal.dataSource.query(`SELECT id FROM organisation WHERE partnership_id = $1 AND delivers_training ORDER BY name LIMIT 1`, [partnershipId]);
  org = await makeLedOrganisation(portal.dataSource, partnershipId, { name: 'Orchard Care Home' });
  const db = portal.dataSource;
  const o = org.organisationId;
  for (const [name, team] of [['Ada', 'Ward'], ['Ben', 'Ward'], ['Cy', null], ['Di', null], ['Ed', null], ['Flo', null], ['Gil', null]] as const) {
    people[name] = await makePerson(db, partnershipId, o, { name: `${name} Test`, team });
  }
  await requireSubject(db, partnershipId, o, 'fire-safety', { personKind: 'staff' });
  await requireSubject(db, partnershipId, o, 'safeguarding-adults-2', { team: 'ward' });
  const done = (who: string, subjectCode: string, completedOn: string, from: string | null = o) =>
    addCompletion(db, partnershipId, people[who], { subjectCode, completedOn, fromOrganisationId: from, providerId });
  await done('Ada', 'fire-safety', '2025-06-16'); // expires tomorrow
  await done('Ben', 'fire-safety', '2025-09-14'); // 91 days left
  await done('Cy', 'fire-safety', '2025-08-15'); // 61 days
  await done('Di', 'fire-safety', '2025-06-15'); // expires today
  await done('Di', 'fire-safety', '2024-01-10'); // older, ignored
  await done('Flo', 'fire-safety', '2025-07-16'); // 31 days
  await done('Gil', 'fire-safety', '2026-01-05', councilId); // at the council, before moving here
  await done('Ada', 'safeguarding-adults-3', '2025-01-01'); // a higher level counts
  await done('Ben', 'safeguarding-adults-1', '2026-01-01'); // a lower level does not
  await done('Ed', 'resuscitation', '2026-01-01'); // not required here
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

it('gives every status at its band, and the totals per subject', async () => {
  const { matrix: m } = await matrix();
  expect(m.today).toBe('2026-06-15');
  expect(cellOf(m, 'Ada', 'fire-safety')).toMatchObject({ status: 'EXPIRING_30', expiresOn: '2026-06-16', daysLeft: 1, renewalMonths: 12 });
  expect(cellOf(m, 'Ben', 'fire-safety')).toMatchObject({ status: 'COMPLIANT', daysLeft: 91 });
  expect(cellOf(m, 'Cy', 'fire-safety')).toMatchObject({ status: 'EXPIRING_90', daysLeft: 61 });
  expect(cellOf(m, 'Di', 'fire-safety')).toMatchObject({ status: 'OVERDUE', completedOn: '2025-06-15', daysLeft: 0 });
  expect(cellOf(m, 'Ed', 'fire-safety')).toMatchObject({ status: 'NEVER_DONE', completedOn: null, expiresOn: null });
  expect(cellOf(m, 'Flo', 'fire-safety')).toMatchObject({ status: 'EXPIRING_60', daysLeft: 31 });
  // Levels: level 3 satisfies level 2; level 1 does not. Only the Ward team needs it (the requirement's team matched without case).
  expect(cellOf(m, 'Ada', 'safeguarding-adults-2')).toMatchObject({ status: 'COMPLIANT', completedOn: '2025-01-01', expiresOn: '2028-01-01' });
  expect(cellOf(m, 'Ben', 'safeguarding-adults-2')).toMatchObject({ status: 'NEVER_DONE' });
  expect(cellOf(m, 'Cy', 'safeguarding-adults-2')).toBeUndefined();
  expect(cellOf(m, 'Ed', 'resuscitation')).toBeUndefined();

  const fire = m.subjects.find((s) => s.subject.code === 'fire-safety')!;
  // The lead is staff of the organisation too, and has never done it.
  expect(fire.totals).toEqual({ required: 8, compliant: 2, expiring90: 1, expiring60: 1, expiring30: 1, overdue: 1, neverDone: 2, compliantPercent: 62.5 });
  const safeguarding = m.subjects.find((s) => s.subject.code === 'safeguarding-adults-2')!;
  expect(safeguarding.totals).toMatchObject({ required: 2, compliant: 1, neverDone: 1, compliantPercent: 50 });
  expect(m.totals).toEqual({ required: 10, compliantPercent: 60 });
  expect(m.teams).toEqual(['Ward']);
});

it('counts a completion made at another partner before the person moved, until the organisation refuses that partner\'s completions', async () => {
  expect(cellOf((await matrix()).matrix, 'Gil', 'fire-safety')).toMatchObject({ status: 'COMPLIANT', completedOn: '2026-01-05', refused: null });
  const refuse = await portal.graphql<{ refuseCompletions: { refusal: unknown; userErrors: unknown[] } }>(
    `mutation($input: RefuseCompletionsInput!) { refuseCompletions(input: $input) { refusal { fromOrganisationName reason } userErrors { field code } } }`,
    { input: { organisationId: org.organisationId, fromOrganisationId: councilId, subjectCode: 'fire-safety', reason: 'Office fire safety does not cover care homes' } },
    { token: org.leadToken });
  expect(refuse.data!.refuseCompletions.userErrors).toEqual([]);
  const { matrix: m } = await matrix();
  expect(cellOf(m, 'Gil', 'fire-safety')).toMatchObject({ status: 'NEVER_DONE',
    refused: { fromOrganisationName: 'Peterborough City Council', completedOn: '2026-01-05', reason: 'Office fire safety does not cover care homes' } });
  expect(m.refusals).toEqual([{ fromOrganisationName: 'Peterborough City Council', subjectCode: 'fire-safety', reason: 'Office fire safety does not cover care homes' }]);
  expect(m.csv).toContain('not accepted: Office fire safety does not cover care homes');
  await portal.graphql(`mutation($input: AcceptCompletionsInput!) { acceptCompletions(input: $input) { userErrors { code } } }`,
    { input: { organisationId: org.organisationId, fromOrganisationId: councilId, subjectCode: 'fire-safety' } }, { token: org.leadToken });
  expect(cellOf((await matrix()).matrix, 'Gil', 'fire-safety')).toMatchObject({ status: 'COMPLIANT' });
});

it('applies the organisation\'s own renewal period, and goes back to the framework\'s', async () => {
  const SET = `mutation($input: SetRenewalPeriodInput!) { setRenewalPeriod(input: $input) { renewalPeriod { subjectCode renewalMonths own } userErrors { field code } } }`;
  const set = await portal.graphql<{ setRenewalPeriod: { renewalPeriod: unknown; userErrors: unknown[] } }>(SET,
    { input: { organisationId: org.organisationId, subjectCode: 'fire-safety', renewalMonths: 24 } }, { token: org.leadToken });
  expect(set.data!.setRenewalPeriod).toEqual({ renewalPeriod: { subjectCode: 'fire-safety', renewalMonths: 24, own: true }, userErrors: [] });
  expect(cellOf((await matrix()).matrix, 'Di', 'fire-safety')).toMatchObject({ status: 'COMPLIANT', expiresOn: '2027-06-15', daysLeft: 365, renewalMonths: 24 });
  await portal.graphql(SET, { input: { organisationId: org.organisationId, subjectCode: 'fire-safety', renewalMonths: null } }, { token: org.leadToken });
  expect(cellOf((await matrix()).matrix, 'Di', 'fire-safety')).toMatchObject({ status: 'OVERDUE', renewalMonths: 12 });
});

it('filters by subject, status and team, and writes the rows as CSV', async () => {
  const overdue = (await matrix({ status: 'OVERDUE' })).matrix;
  expect(overdue.rows.map((r) => r.name)).toEqual(['Di Test']);
  const ward = (await matrix({ team: 'Ward', subjectCode: 'safeguarding-adults-2' })).matrix;
  expect(ward.rows.map((r) => r.name)).toEqual(['Ada Test', 'Ben Test']);
  expect(ward.subjects.map((s) => s.subject.code)).toEqual(['safeguarding-adults-2']);
  const { matrix: all } = await matrix();
  const lines = all.csv.trim().split('\n');
  expect(lines[0]).toBe('Name,Job title,Team,Fire safety: status,Fire safety: expires,Safeguarding adults level 2: status,Safeguarding adults level 2: expires');
  expect(lines).toContain('Di Test,,,Overdue,2025-06-15,Not required,'.replace('2025-06-15', '2026-06-15'));
  expect(lines.length).toBe(all.rows.length + 1);
});

it('costs the same few SQL statements for 8 people as for 400 with 1,600 completions', async () => {
  const small = await matrix();
  const db = portal.dataSource;
  const more: Array<{ id: string }> = await db.query(
    `INSERT INTO person (partnership_id, organisation_id, kind, name, email)
     SELECT $1, $2::uuid, 'staff', 'Bulk ' || n, 'bulk.' || n || '.' || $2::text || '@compliance.example' FROM generate_series(1, 400) n RETURNING id`,
    [partnershipId, org.organisationId]);
  const sessions: Array<{ id: string }> = await db.query(`SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id
    WHERE c.mandatory_subject = 'fire-safety' AND s.status = 'completed' AND s.partnership_id = $1 ORDER BY s.id LIMIT 4`, [partnershipId]);
  expect(sessions).toHaveLength(4);
  for (const session of sessions) {
    await db.query(`INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status)
      SELECT $1, $2, p, $3, 'attended' FROM unnest($4::uuid[]) p`, [partnershipId, session.id, org.organisationId, more.map((r) => r.id)]);
  }
  const large = await matrix();
  expect(large.matrix.rows.length).toBe(small.matrix.rows.length + 400);
  console.log(`complianceMatrix SQL statements: ${small.statements} for ${small.matrix.rows.length} people, ${large.statements} for ${large.matrix.rows.length}`);
  expect(large.statements).toBe(small.statements);
  expect(large.statements).toBeLessThanOrEqual(5);
  await db.query(`DELETE FROM booking WHERE person_id = ANY($1::uuid[])`, [more.map((r) => r.id)]);
  await db.query(`DELETE FROM person WHERE id = ANY($1::uuid[])`, [more.map((r) => r.id)]);
});

it('gives a line manager their direct reports only', async () => {
  const db = portal.dataSource;
  const managerId = await makePerson(db, partnershipId, org.organisationId, { name: 'Mo Manager' });
  await grant(db, partnershipId, managerId, 'line_manager', org.organisationId);
  await db.query('UPDATE person SET line_manager_id = $1 WHERE id = ANY($2::uuid[])', [managerId, [people.Ada, people.Di]]);
  const token = await sessionFor(db, managerId);
  const response = await portal.graphql<{ teamComplianceMatrix: Matrix }>(
    `query { teamComplianceMatrix { rows { name cells { subjectCode status } } subjects { subject { code } totals { required overdue } } } }`, {}, { token });
  expect(response.errors).toBeUndefined();
  const team = response.data!.teamComplianceMatrix;
  expect(team.rows.map((r) => r.name)).toEqual(['Ada Test', 'Di Test']);
  expect(team.subjects.find((s) => s.subject.code === 'fire-safety')!.totals).toEqual({ required: 2, overdue: 1 });
});

it('gives the steering group percentages by organisation and sector, naming no one', async () => {
  const token = await portal.signIn('steering@demo.portal');
  const response = await portal.graphql<{ complianceSummary: { organisations: Array<{ name: string; people: number; totals: Record<string, number | null> }>;
    sectors: Array<{ sector: string; totals: Record<string, number | null> }> } }>(
    `query { complianceSummary(partnershipSlug: "greater-peterborough") { today totals { compliantPercent }
      organisations { organisationId name sector people totals { required compliant overdue neverDone compliantPercent } }
      sectors { name sector people totals { required compliantPercent } } } }`, {}, { token });
  expect(response.errors).toBeUndefined();
  const ours = response.data!.complianceSummary.organisations.find((o) => o.name === 'Orchard Care Home')!;
  expect(ours.totals).toMatchObject({ required: 11, compliantPercent: expect.any(Number) });
  expect(response.data!.complianceSummary.sectors.some((s) => s.sector === 'care_home')).toBe(true);
  expect(JSON.stringify(response.data)).not.toContain('Ada Test');
});

it('books the overdue onto the next suitable session in one step, each by the booking rules, saying what happened', async () => {
  const db = portal.dataSource;
  const course = await makeCourse(db, partnershipId, providerId, { title: 'Fire safety refresher', mandatorySubject: 'fire-safety' });
  const later = await makeSession(db, partnershipId, course, { startsInDays: 20, now: NOW, capacity: 5 });
  const next = await makeSession(db, partnershipId, course, { startsInDays: 10, now: NOW, capacity: 1 });
  await makeSession(db, partnershipId, course, { startsInDays: -3, now: NOW, capacity: 5 });
  const BOOK = `mutation($input: BookOverdueInput!) { bookOverdue(input: $input) {
    results { personId name outcome session { id } bookingId waitlistPosition message code } userErrors { field code message } } }`;
  const response = await portal.graphql<{ bookOverdue: { results: Array<Record<string, unknown>>; userErrors: unknown[] } }>(BOOK,
    { input: { organisationId: org.organisationId, subjectCode: 'fire-safety', personIds: [people.Di, people.Ed] } }, { token: org.leadToken });
  expect(response.data!.bookOverdue.userErrors).toEqual([]);
  const [di, ed] = response.data!.bookOverdue.results;
  expect(di).toMatchObject({ name: 'Di Test', outcome: 'CONFIRMED', session: { id: next } });
  expect(ed).toMatchObject({ name: 'Ed Test', outcome: 'WAITLISTED', session: { id: next }, waitlistPosition: 1 });
  const again = await portal.graphql<{ bookOverdue: { results: Array<Record<string, unknown>> } }>(BOOK,
    { input: { organisationId: org.organisationId, subjectCode: 'fire-safety', personIds: [people.Di] } }, { token: org.leadToken });
  expect(again.data!.bookOverdue.results[0]).toMatchObject({ outcome: 'REFUSED', code: 'ALREADY_BOOKED', message: expect.stringContaining('Di Test') });
  const chosen = await portal.graphql<{ bookOverdue: { results: Array<Record<string, unknown>> } }>(BOOK,
    { input: { organisationId: org.organisationId, subjectCode: 'fire-safety', personIds: [people.Flo], sessionId: later } }, { token: org.leadToken });
  expect(chosen.data!.bookOverdue.results[0]).toMatchObject({ outcome: 'CONFIRMED', session: { id: later } });
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM booking WHERE booked_by_person_id = $1`, [org.leadId]);
  expect(n).toBe(3);
});
