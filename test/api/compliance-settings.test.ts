import type { RunningPortal } from '../support/start-portal';
import { startAccessPortal, type AccessActor } from '../support/access-actors';

/**
 * complianceSettings: an organisation's renewal periods, staff groups' requirements and refused
 * completions, read without its matrix, as the settings page shows them. What it answers is what
 * the database holds after each change, and it costs the same statements however many settings
 * there are. Who may read it is in compliance-access.test.ts.
 */
let portal: RunningPortal;
const tokens: Partial<Record<AccessActor, string>> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const setup = await startAccessPortal();
  portal = setup.portal;
  Object.assign(tokens, setup.tokens);
  const [lead] = await portal.dataSource.query(`SELECT organisation_id, partnership_id FROM person WHERE email = 'lead@demo.portal'`);
  const [other] = await portal.dataSource.query(`SELECT id FROM organisation WHERE partnership_id = $1 AND id <> $2 ORDER BY name LIMIT 1`,
    [lead.partnership_id, lead.organisation_id]);
  Object.assign(ids, { council: lead.organisation_id, other: other.id });
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

interface Settings {
  organisation: { id: string };
  renewalPeriods: Array<{ subjectCode: string; renewalMonths: number; own: boolean }>;
  requirements: Array<{ id: string; subjectCode: string; personKind: string | null; jobTitle: string | null; team: string | null }>;
  refusals: Array<{ fromOrganisationId: string; subjectCode: string; reason: string }>;
}
const SETTINGS = `query($id: ID!) { complianceSettings(organisationId: $id) { organisation { id } renewalPeriods { subjectCode renewalMonths own }
  requirements { id subjectCode personKind jobTitle team } refusals { fromOrganisationId subjectCode reason } } }`;

async function settings(organisationId = ids.council) {
  const answer = await portal.graphql<{ complianceSettings: Settings }>(SETTINGS, { id: organisationId }, { token: tokens.lead });
  expect(answer.errors).toBeUndefined();
  return { settings: answer.data!.complianceSettings, statements: answer.extensions!.sqlStatements! };
}

/** The database's own view of the council's settings. */
async function held(): Promise<Omit<Settings, 'organisation'>> {
  const db = portal.dataSource;
  const periods = await db.query(`SELECT m.code AS "subjectCode", coalesce(r.renewal_months, m.renewal_months) AS "renewalMonths", r.renewal_months IS NOT NULL AS own
    FROM mandatory_subject m LEFT JOIN compliance_renewal_period r ON r.subject_code = m.code AND r.organisation_id = $1 ORDER BY m.code`, [ids.council]);
  const requirements = await db.query(`SELECT id, subject_code AS "subjectCode", upper(person_kind) AS "personKind", job_title AS "jobTitle", team
    FROM compliance_requirement WHERE organisation_id = $1`, [ids.council]);
  const refusals = await db.query(`SELECT from_organisation_id AS "fromOrganisationId", subject_code AS "subjectCode", reason
    FROM compliance_refusal WHERE organisation_id = $1`, [ids.council]);
  return { renewalPeriods: periods, requirements, refusals };
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

it('answers what the database holds, before and after each kind of change, at the same cost', async () => {
  const first = await settings();
  const expected = await held();
  expect(first.settings.organisation.id).toBe(ids.council);
  expect(first.settings.renewalPeriods).toEqual(expected.renewalPeriods);
  expect(sorted(first.settings.requirements)).toEqual(sorted(expected.requirements));
  expect(sorted(first.settings.refusals)).toEqual(sorted(expected.refusals));

  const subject = first.settings.renewalPeriods[0].subjectCode;
  const mutate = (query: string, input: Record<string, unknown>) => portal.graphql(query, { input }, { token: tokens.lead });
  await mutate('mutation($input: SetRenewalPeriodInput!) { setRenewalPeriod(input: $input) { userErrors { code } } }',
    { organisationId: ids.council, subjectCode: subject, renewalMonths: 18 });
  for (const team of ['Settings A', 'Settings B', 'Settings C']) {
    await mutate('mutation($input: AddComplianceRequirementInput!) { addComplianceRequirement(input: $input) { userErrors { code } } }',
      { organisationId: ids.council, subjectCode: subject, personKind: 'STAFF', team });
  }
  await mutate('mutation($input: RefuseCompletionsInput!) { refuseCompletions(input: $input) { userErrors { code } } }',
    { organisationId: ids.council, fromOrganisationId: ids.other, subjectCode: subject, reason: 'Not to our standard' });

  const after = await settings();
  const now = await held();
  expect(after.settings.renewalPeriods.find((p) => p.subjectCode === subject)).toEqual({ subjectCode: subject, renewalMonths: 18, own: true });
  expect(after.settings.renewalPeriods).toEqual(now.renewalPeriods);
  expect(sorted(after.settings.requirements)).toEqual(sorted(now.requirements));
  expect(after.settings.requirements.length).toBe(first.settings.requirements.length + 3);
  expect(after.settings.refusals).toContainEqual({ fromOrganisationId: ids.other, subjectCode: subject, reason: 'Not to our standard' });
  console.log(`complianceSettings: ${first.statements} statements, ${after.statements} with 3 requirements and a refusal more`);
  expect(after.statements).toBe(first.statements);
  // The viewer, the organisation, the settings.
  expect(after.statements).toBeLessThanOrEqual(3);
});

it('answers a malformed organisation id on its argument, and one of no partnership as refused', async () => {
  const malformed = await portal.graphql(SETTINGS, { id: 'not-an-id' }, { token: tokens.lead });
  expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const unknown = await portal.graphql(SETTINGS, { id: '5f1e9c1a-0000-4000-8000-000000000000' }, { token: tokens.lead });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
