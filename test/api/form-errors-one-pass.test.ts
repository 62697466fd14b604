import { startPortal, type RunningPortal } from '../support/start-portal';
import { ADMIN, signInAs, writableRowCounts, type UserErrorShape } from '../support/admin-fixtures';
import { CREATE_STREAM, fundingRowCounts } from '../support/funding-fixtures';

/**
 * A form with several bad fields is answered with every one of them at once: the input's own
 * rules and the service's checks together, each on its field, in GOV.UK wording, writing nothing.
 */
let portal: RunningPortal;
let admin: string;

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  admin = (await signInAs(portal, [ADMIN]))[ADMIN];
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const fieldsOf = (errors: UserErrorShape[]) => [...new Set(errors.map((e) => e.field.join('.')))].sort();
const messageOn = (errors: UserErrorShape[], field: string) => errors.filter((e) => e.field.join('.') === field).map((e) => e.message);

it('registerVolunteer: a name too long, a malformed email, a weak password and an unknown partnership, all at once', async () => {
  const before = Number((await portal.dataSource.query('SELECT count(*) FROM volunteer_registration'))[0].count);
  const response = await portal.graphql<{ registerVolunteer: { userErrors: UserErrorShape[] } }>(
    `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { userErrors { field message code } } }`,
    { input: { partnershipSlug: 'no-such-partnership', name: 'N'.repeat(201), email: 'sam(at)example.org', password: 'password1' } });
  const errors = response.data!.registerVolunteer.userErrors;
  expect(fieldsOf(errors)).toEqual(['input.email', 'input.name', 'input.partnershipSlug', 'input.password']);
  expect(messageOn(errors, 'input.name')).toEqual(['Full name must be 200 characters or fewer']);
  expect(messageOn(errors, 'input.email')).toEqual(['Enter an email address in the correct format, like name@example.com']);

  const blank = await portal.graphql<{ registerVolunteer: { userErrors: UserErrorShape[] } }>(
    `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { userErrors { field message code } } }`,
    { input: { partnershipSlug: 'greater-peterborough', name: '   ', email: '', password: '' } });
  const blankErrors = blank.data!.registerVolunteer.userErrors;
  expect(fieldsOf(blankErrors)).toEqual(['input.email', 'input.name', 'input.password']);
  expect(messageOn(blankErrors, 'input.name')).toEqual(['Enter your full name']);
  expect(Number((await portal.dataSource.query('SELECT count(*) FROM volunteer_registration'))[0].count)).toBe(before);
});

it('createOrganisation: a blank name, a bad short code that is also taken, a negative headcount and a bad lead, all at once', async () => {
  const before = await writableRowCounts(portal);
  const response = await portal.graphql<{ createOrganisation: { userErrors: UserErrorShape[] } }>(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { field message code } } }`,
    { input: { name: '', shortCode: 'pcc', sector: 'CARE_HOME', role: 'AFFECTED', staffHeadcount: -1,
      sectorGroupId: '00000000-0000-4000-8000-000000000000',
      lead: { name: ' ', email: 'lead.example.org', jobTitle: 'J'.repeat(201) } } }, { token: admin });
  const errors = response.data!.createOrganisation.userErrors;
  expect(fieldsOf(errors)).toEqual(['input.lead.email', 'input.lead.jobTitle', 'input.lead.name', 'input.name', 'input.sectorGroupId',
    'input.shortCode', 'input.staffHeadcount']);
  expect(messageOn(errors, 'input.lead.email')).toEqual(['Enter an email address in the correct format, like name@example.com']);
  expect(messageOn(errors, 'input.lead.jobTitle')).toEqual(['Job title must be 200 characters or fewer']);
  expect(await writableRowCounts(portal)).toEqual(before);
});

it('createFundingStream: a blank name, a malformed year, an amount that is not money and an unknown organisation, all at once', async () => {
  const before = await fundingRowCounts(portal.dataSource);
  const response = await portal.graphql<{ createFundingStream: { userErrors: UserErrorShape[] } }>(CREATE_STREAM, { input: {
    name: '', funderKind: 'COUNCIL_GRANT', funderName: 'Peterborough City Council', financialYear: '2026-27', amount: 'lots',
    managingOrganisationId: '00000000-0000-4000-8000-000000000000' } }, { token: admin });
  const errors = response.data!.createFundingStream.userErrors;
  expect(fieldsOf(errors)).toEqual(['input.amount', 'input.financialYear', 'input.managingOrganisationId', 'input.name']);
  expect(await fundingRowCounts(portal.dataSource)).toEqual(before);
});
