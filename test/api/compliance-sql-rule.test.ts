import { addMonths, COMPLIANCE_STATES } from '@portal/domain';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeOrganisation } from '../support/catalogue-fixtures';
import { addCompletion, makeLedOrganisation, makePerson, requireSubject } from '../support/compliance-fixtures';
import { complianceRules, peopleWithCompletions, sqlCells, type PeopleScope } from '../../server/src/modules/compliance/compliance-facts.queries';
import { buildComplianceCells, indexRules } from '../../server/src/modules/compliance/compliance-matrix';

/**
 * The SQL form of the compliance rule (compliance-cells.sql.ts), which gives the matrix's totals,
 * its status filter and the partnership's percentages, against the pure rule
 * (packages/domain/src/compliance-status.ts with compliance-matrix.ts), which stays the source of
 * truth and builds the rows shown: for every person and subject, on every day around each expiry
 * (91 to 89, 61 to 59, 31 to 29 days before, the day before, the day of expiry and after), the
 * same status, completion, expiry, days left and renewal period. Cases: a leap-day completion,
 * the organisation's own renewal period, a higher level counting for a lower one and never the
 * reverse, the highest level of a subject kept, a completion after "today", a refused partner's
 * completion beside an accepted older one, job title and team criteria, and never done.
 */
let portal: RunningPortal;
let scope: PeopleScope;
const expiries = new Set<string>();

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  const db = portal.dataSource;
  const [{ id: partnershipId }] = await db.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  const [{ id: providerId }] = await db.query(`SELECT id FROM organisation WHERE partnership_id = $1 AND delivers_training ORDER BY name LIMIT 1`, [partnershipId]);
  const org = await makeLedOrganisation(db, partnershipId, { name: 'Rule Agreement Care' });
  const o = org.organisationId;
  const elsewhere = await makeOrganisation(db, partnershipId, { name: 'Rule Agreement Elsewhere', sector: 'care_home' });
  scope = { kind: 'organisation', partnershipId, organisationId: o };
  await requireSubject(db, partnershipId, o, 'fire-safety');
  await requireSubject(db, partnershipId, o, 'infection-prevention', { personKind: 'staff' });
  await requireSubject(db, partnershipId, o, 'safeguarding-adults-2', { team: 'ward' });
  await requireSubject(db, partnershipId, o, 'safeguarding-adults-3', { jobTitle: 'Nurse', team: 'Ward' });
  await db.query(`INSERT INTO compliance_renewal_period (partnership_id, organisation_id, subject_code, renewal_months) VALUES ($1, $2, 'infection-prevention', 6)`,
    [partnershipId, o]);
  await db.query(`INSERT INTO compliance_refusal (partnership_id, organisation_id, from_organisation_id, subject_code, reason)
    VALUES ($1, $2, $3, 'fire-safety', 'Not the same course')`, [partnershipId, o, elsewhere]);
  const person = (name: string, values: { team?: string; jobTitle?: string; kind?: 'staff' | 'volunteer' } = {}) =>
    makePerson(db, partnershipId, o, { name, ...values });
  const done = async (who: string, subjectCode: string, completedOn: string, from: string | null = o) => {
    await addCompletion(db, partnershipId, who, { subjectCode, completedOn, fromOrganisationId: from, providerId });
    expiries.add(addMonths(completedOn, subjectCode.startsWith('infection') ? 6 : subjectCode === 'fire-safety' ? 12 : 36));
  };
  const leap = await person('Leap Day');
  await done(leap, 'fire-safety', '2024-02-29');
  const monthEnd = await person('Month End');
  await done(monthEnd, 'infection-prevention', '2025-08-31');
  await done(monthEnd, 'fire-safety', '2025-01-31');
  const higher = await person('Higher Level', { team: 'Ward ' });
  await done(higher, 'safeguarding-adults-3', '2024-03-15');
  const lower = await person('Lower Level', { team: 'Ward', jobTitle: 'nurse' });
  await done(lower, 'safeguarding-adults-2', '2025-05-01');
  await done(lower, 'infection-prevention-2', '2025-11-30');
  const later = await person('Two Completions');
  await done(later, 'fire-safety', '2024-06-01');
  await done(later, 'fire-safety', '2025-06-10');
  const refused = await person('Refused Partner');
  await done(refused, 'fire-safety', '2025-01-10');
  await done(refused, 'fire-safety', '2025-09-10', elsewhere);
  const before = await person('Before Joining');
  await done(before, 'fire-safety', '2025-03-03', null);
  await person('Never Done', { kind: 'volunteer' });
  await person('Never Done Staff', { team: 'WARD', jobTitle: 'Nurse' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

it('gives the same cell as the pure rule for every person and subject on every boundary day', async () => {
  const manager = portal.dataSource.manager;
  const people = await peopleWithCompletions(manager, scope);
  const indexed = indexRules(await complianceRules(manager, scope.partnershipId, [(scope as { organisationId: string }).organisationId]));
  const days = new Set<string>(['2024-01-01', '2026-12-03']);
  for (const expiry of expiries) for (const k of [91, 90, 89, 61, 60, 59, 31, 30, 29, 1, 0, -1]) days.add(shift(expiry, -k));
  const seen = new Set<string>();
  for (const today of [...days].sort()) {
    const pure = people.flatMap((person) => buildComplianceCells(person, indexed, today).map((cell) => ({
      personId: person.id, code: cell.subjectCode, state: cell.state, completedOn: cell.completedOn, expiresOn: cell.expiresOn,
      daysLeft: cell.daysLeft, renewalMonths: cell.renewalMonths })));
    const sql = await sqlCells(manager, { scope, today });
    const order = (a: { personId: string; code: string }, b: { personId: string; code: string }) =>
      (a.personId + a.code < b.personId + b.code ? -1 : a.personId + a.code > b.personId + b.code ? 1 : 0);
    expect({ today, cells: [...sql].sort(order) }).toEqual({ today, cells: [...pure].sort(order) });
    for (const cell of pure) seen.add(cell.state);
  }
  // Every status was met on the way, so no band went untested.
  expect([...seen].sort()).toEqual([...COMPLIANCE_STATES].sort());
});
