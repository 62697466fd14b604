import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import {
  ADMIN, count, errorCode, NON_ADMINS, organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP, randomUuid, signInAs,
  writableRowCounts, type UserErrorShape,
} from '../support/admin-fixtures';

/**
 * Journey 7: the administrator onboards a new care home and its L&D lead, and imports its staff
 * from a CSV file; bad rows are reported row by row and nothing half-imports.
 */
let portal: RunningPortal;
let tokens: Record<string, string>;
let admin: string;
let careHome: { id: string; leadEmail: string };

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  organisation { id } lead { email } userErrors { field message code } } }`;
const IMPORT = `mutation($input: ImportPeopleInput!) { importPeople(input: $input) {
  import { id status totalRows processedRows importedCount errors { line field message } organisation { shortCode } createdAt }
  userErrors { field message code } } }`;
const PROGRESS = 'query($id: ID!) { peopleImport(id: $id) { id status totalRows processedRows importedCount organisation { shortCode } } }';

interface ImportNode { id: string; status: string; totalRows: number; processedRows: number; importedCount: number;
  errors: Array<{ line: number; field: string; message: string }>; organisation: { shortCode: string }; createdAt: string }
interface ImportData { importPeople: { import: ImportNode | null; userErrors: UserErrorShape[] } }
interface ProgressData { peopleImport: Omit<ImportNode, 'errors' | 'createdAt'> | null }

const importPeople = (input: Record<string, unknown>, token: string | null = admin): Promise<GraphQLResponse<ImportData>> =>
  portal.graphql<ImportData>(IMPORT, { input }, { token });
const progress = (id: string, token: string | null = admin) => portal.graphql<ProgressData>(PROGRESS, { id }, { token });

const HEADER = 'name,email,kind,job_title,team,line_manager_email';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
/** Counts that only an import changes, plus the import records themselves. */
const importCounts = async () => ({ ...await writableRowCounts(portal), imports: await count(portal, 'SELECT count(*) FROM people_import') });

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  tokens = await signInAs(portal, [ADMIN, ...NON_ADMINS]);
  admin = tokens[ADMIN];
  const created = await portal.graphql<{ createOrganisation: { organisation: { id: string }; lead: { email: string };
    userErrors: UserErrorShape[] } }>(CREATE, { input: {
    name: 'Orchard House Care Home', shortCode: 'OHCH', sector: 'CARE_HOME', role: 'AFFECTED', staffHeadcount: 120,
    lead: { name: 'Dana Whitfield', email: 'dana.whitfield@orchard-house.example', jobTitle: 'Registered Manager' } } }, { token: admin });
  expect(created.data!.createOrganisation.userErrors).toEqual([]);
  careHome = { id: created.data!.createOrganisation.organisation.id, leadEmail: created.data!.createOrganisation.lead.email };
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

/** 10 senior carers reporting to the lead, 100 carers reporting to them, and 10 volunteers. */
function careHomeStaff(): string {
  const lines = ['Name,EMAIL,Kind,Job_Title,Team,Line_Manager_Email'];
  for (let t = 1; t <= 10; t += 1) {
    lines.push(`Senior Carer ${t},senior.${t}@orchard-house.example,staff,Senior Carer,Unit ${t},${careHome.leadEmail.toUpperCase()}`);
  }
  for (let i = 1; i <= 100; i += 1) {
    const unit = ((i - 1) % 10) + 1;
    lines.push(`"Carer ${i}, Unit ${unit}",carer.${i}@orchard-house.example,,Care Assistant,Unit ${unit},senior.${unit}@orchard-house.example`);
  }
  for (let v = 1; v <= 10; v += 1) lines.push(`Friend ${v},friend.${v}@orchard-house.example,Volunteer,Activities Volunteer,Friends of Orchard House,`);
  return `${lines.join('\r\n')}\r\n`;
}

describe('importPeople: journey 7', () => {
  it('imports 120 staff and volunteers with their line managers, all in one audited change', async () => {
    const before = await importCounts();
    const importId = randomUuid();
    const response = await importPeople({ organisationId: careHome.id, csv: careHomeStaff(), importId });
    expect(response.errors).toBeUndefined();
    expect(response.data!.importPeople.userErrors).toEqual([]);
    expect(response.data!.importPeople.import).toMatchObject({ id: importId, status: 'SUCCEEDED', totalRows: 120, processedRows: 120,
      importedCount: 120, errors: [], organisation: { shortCode: 'OHCH' } });

    const after = await importCounts();
    expect(after).toEqual({ ...before, person: before.person + 120, role_grant: before.role_grant + 120 + 11,
      managed: before.managed + 110, audit_log: before.audit_log + 1, imports: before.imports + 1 });
    const roles = await portal.dataSource.query(
      `SELECT role, count(*)::int AS n FROM role_grant WHERE organisation_id = $1 GROUP BY role ORDER BY role`, [careHome.id]);
    expect(roles).toEqual([{ role: 'ld_lead', n: 1 }, { role: 'learner', n: 110 }, { role: 'line_manager', n: 11 }, { role: 'volunteer', n: 10 }]);

    // The administrator sees them; so will the new lead, who leads this organisation.
    const listed = await portal.graphql<{ people: { totalCount: number; edges: Array<{ node: { name: string; kind: string;
      lineManager: { email: string } | null } }> } }>(
      `query($id: ID) { people(organisationId: $id, search: "Carer 7,", first: 5) { totalCount edges { node { name kind lineManager { email } } } } }`,
      { id: careHome.id }, { token: admin });
    expect(listed.data!.people.edges).toEqual([{ node: { name: 'Carer 7, Unit 7', kind: 'STAFF', lineManager: { email: 'senior.7@orchard-house.example' } } }]);
    expect(await count(portal, 'SELECT count(*) FROM person WHERE organisation_id = $1', [careHome.id])).toBe(121);
    expect(await count(portal, `SELECT count(*) FROM person WHERE organisation_id = $1 AND kind = 'volunteer' AND line_manager_id IS NULL`,
      [careHome.id])).toBe(10);

    const [entry] = await portal.dataSource.query(`SELECT subject_type, subject_id, details FROM audit_log WHERE action = 'people.imported'`);
    expect(entry).toMatchObject({ subject_type: 'people_import', subject_id: importId });
    expect(entry.details).toEqual({ organisationId: careHome.id, imported: 120, staff: 110, volunteers: 10, withLineManager: 110,
      lineManagerRolesGranted: 11 });

    // Replaying the same request returns the first import and adds nobody.
    const replay = await importPeople({ organisationId: careHome.id, csv: careHomeStaff(), importId });
    expect(replay.data!.importPeople.import).toEqual(response.data!.importPeople.import);
    expect(await importCounts()).toEqual(after);
  });

  it('reports every bad row with its line and writes none of the file', async () => {
    const before = await importCounts();
    const file = csv(
      'Good Person,good.person@example.org,,,,',                                          // 2
      ',no.name@example.org,,,,',                                                         // 3
      'Bad Email,bad.email@,,,,',                                                         // 4
      'Again,GOOD.PERSON@example.org,,,,',                                                // 5: duplicate of line 2
      'Existing,learner@demo.portal,,,,',                                                 // 6: in the portal already
      'Contractor,contractor@example.org,contractor,,,',                                  // 7
      'Lost Manager,lost@example.org,,,,nobody@example.org',                              // 8
      'Other Organisation,other@example.org,,,,manager@demo.portal',                      // 9: PCC's manager, not this home's
      `${'N'.repeat(201)},long@example.org,,,,`,                                          // 10
      'Fine Too,fine.too@example.org,volunteer,Driver,Transport,good.person@example.org', // 11
    );
    const response = await importPeople({ organisationId: careHome.id, csv: file });
    expect(response.data!.importPeople.userErrors).toEqual([]);
    const result = response.data!.importPeople.import!;
    expect(result).toMatchObject({ status: 'FAILED', totalRows: 10, processedRows: 10, importedCount: 0 });
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'name'], [4, 'email'], [5, 'email'], [6, 'email'], [7, 'kind'], [8, 'line_manager_email'], [9, 'line_manager_email'], [10, 'name']]);
    expect(result.errors.find((e) => e.line === 5)!.message).toBe('good.person@example.org is already on line 2 of this file.');
    expect(result.errors.find((e) => e.line === 6)!.message).toBe('learner@demo.portal already belongs to someone in the portal.');
    expect(result.errors.find((e) => e.line === 9)!.message).toBe('manager@demo.portal is neither in this file nor a person of Orchard House Care Home.');
    expect(await importCounts()).toEqual({ ...before, imports: before.imports + 1 });
    expect(await count(portal, `SELECT count(*) FROM person WHERE email IN ('good.person@example.org', 'fine.too@example.org')`)).toBe(0);
    // The record keeps the errors for whoever polls it later.
    expect((await progress(result.id)).data!.peopleImport).toMatchObject({ status: 'FAILED', importedCount: 0 });
  });

  it('sets line managers named later in the file, and in a circle of line managers', async () => {
    const response = await importPeople({ organisationId: careHome.id, csv: csv(
      'Night Carer,night.carer@orchard-house.example,,,,night.senior@orchard-house.example',
      'Night Senior,night.senior@orchard-house.example,,,,night.carer@orchard-house.example',
      'Relief Carer,relief.carer@orchard-house.example,,,,night.senior@orchard-house.example',
    ) });
    expect(response.data!.importPeople.import).toMatchObject({ status: 'SUCCEEDED', importedCount: 3 });
    const managers = await portal.dataSource.query(
      `SELECT p.email, m.email AS manager FROM person p JOIN person m ON m.id = p.line_manager_id
       WHERE p.email LIKE '%.carer@orchard-house.example' OR p.email = 'night.senior@orchard-house.example' ORDER BY p.email`);
    expect(managers).toEqual([
      { email: 'night.carer@orchard-house.example', manager: 'night.senior@orchard-house.example' },
      { email: 'night.senior@orchard-house.example', manager: 'night.carer@orchard-house.example' },
      { email: 'relief.carer@orchard-house.example', manager: 'night.senior@orchard-house.example' },
    ]);
  });

  it.each([
    ['an unclosed quote', csv('Ada,ada@example.org,,,,', '"Grace Hopper,grace@example.org,,,,', 'Alan,alan@example.org,,,,'),
      [{ line: 3, field: 'csv', message: expect.stringMatching(/starts on line 3 is never closed/) }]],
    ['unknown columns', 'name,email,mobile,department\nAda,ada@example.org,07700900000,HR\n',
      [{ line: 1, field: 'header', message: expect.stringMatching(/^Unknown columns "mobile", "department"\./) }]],
    ['no email column', 'name\nAda\n', [{ line: 1, field: 'header', message: expect.stringMatching(/"email" column is missing/) }]],
    ['an empty file', '', [{ line: 1, field: 'header', message: expect.stringMatching(/empty/) }]],
    ['a line with an extra value', csv('Ada,ada@example.org,,,,,extra'), [{ line: 2, field: 'row', message: expect.stringMatching(/7 values/) }]],
    ['10,001 people', csv(...Array.from({ length: 10_001 }, (_, i) => `Person ${i},person.${i}@example.org,,,,`)),
      [{ line: 10_002, field: 'csv', message: expect.stringMatching(/at most 10,000 people/) }]],
  ])('fails a file with %s, saying where, and writes nobody', async (_what, file, errors) => {
    const before = await importCounts();
    const response = await importPeople({ organisationId: careHome.id, csv: file });
    expect(response.data!.importPeople.import).toMatchObject({ status: 'FAILED', importedCount: 0, errors });
    expect(await importCounts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it.each([
    ['an unknown organisation', () => randomUuid(), 'NOT_FOUND'],
    ['the other partnership\'s organisation', () => organisationId(portal, 'RCCH', OTHER_PARTNERSHIP), 'NOT_FOUND'],
    ['an organisation id that is not an id', () => 'OHCH', 'NOT_FOUND'],
  ])('refuses %s with a field error and keeps no record', async (_what, organisation, code) => {
    const before = await importCounts();
    const response = await importPeople({ organisationId: await organisation(), csv: csv('Ada,ada@example.org,,,,') });
    expect(response.data!.importPeople).toEqual({ import: null, userErrors: [{ field: ['input', 'organisationId'],
      message: 'There is no such organisation in your partnership.', code }] });
    expect(await importCounts()).toEqual(before);
  });

  it('refuses a file too large to be 10,000 people before reading it, keeping no record', async () => {
    const before = await importCounts();
    const response = await importPeople({ organisationId: careHome.id, csv: `${HEADER}\n${'x'.repeat(3_500_000)}` });
    expect(response.data!.importPeople).toEqual({ import: null,
      userErrors: [{ field: ['input', 'csv'], message: expect.stringMatching(/too large/), code: 'INVALID' }] });
    expect(await importCounts()).toEqual(before);
  });

  it('refuses an import id that is not a UUID', async () => {
    const response = await importPeople({ organisationId: careHome.id, csv: csv('Ada,ada@example.org,,,,'), importId: 'import-1' });
    expect(response.data!.importPeople.userErrors).toEqual([expect.objectContaining({ field: ['input', 'importId'], code: 'INVALID' })]);
  });

  it('imports once when the same import id arrives twice at once', async () => {
    const before = await importCounts();
    const importId = randomUuid();
    const file = csv(...Array.from({ length: 300 }, (_, i) => `Twin ${i},twin.${i}@orchard-house.example,,,,`));
    const responses = await Promise.all([1, 2].map(() => importPeople({ organisationId: careHome.id, csv: file, importId })));
    // Said first, so that a failure shows the API's own error (it failed once under load with no data).
    expect(responses.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(responses.map((r) => r.data!.importPeople.import!.id)).toEqual([importId, importId]);
    expect(responses.map((r) => r.data!.importPeople.import!.status)).toContain('SUCCEEDED');
    // The one that found the other at work may answer RUNNING; either way the people arrive once.
    expect((await progress(importId)).data!.peopleImport).toMatchObject({ status: 'SUCCEEDED', importedCount: 300 });
    expect(await importCounts()).toEqual({ ...before, person: before.person + 300, role_grant: before.role_grant + 300,
      audit_log: before.audit_log + 1, imports: before.imports + 1 });
  });

  it('accepts 10,000 rows, and a client polling meanwhile sees the progress grow', async () => {
    const organisation = (await portal.graphql<{ createOrganisation: { organisation: { id: string } } }>(CREATE, { input: {
      name: 'Fenbridge Home Care', shortCode: 'FBHC', sector: 'DOMICILIARY_CARE', role: 'AFFECTED' } }, { token: admin }))
      .data!.createOrganisation.organisation.id;
    const lines = Array.from({ length: 10_000 }, (_, i) => {
      const n = String(i).padStart(5, '0');
      return i < 100
        ? `Coordinator ${n},m${n}@fenbridge.example,staff,Care Coordinator,Area ${i},`
        : `Home Carer ${n},c${n}@fenbridge.example,staff,Home Care Worker,Area ${i % 100},m${String(i % 100).padStart(5, '0')}@fenbridge.example`;
    });
    const file = csv(...lines);
    expect(file.length / 10_000).toBeLessThan(100);
    const before = await importCounts();
    const importId = randomUuid();

    let finished = false;
    const started = performance.now();
    const importing = importPeople({ organisationId: organisation, csv: file, importId }).finally(() => {
      finished = true;
    });
    const seen: number[] = [];
    while (!finished) {
      const polled = (await progress(importId)).data?.peopleImport;
      if (polled) seen.push(polled.processedRows);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const response = await importing;
    const seconds = (performance.now() - started) / 1000;

    expect(response.data!.importPeople.import).toMatchObject({ status: 'SUCCEEDED', totalRows: 10_000, processedRows: 10_000,
      importedCount: 10_000, errors: [] });
    const midway = seen.filter((n) => n > 0 && n < 10_000);
    console.log(`10,000-row import (${(file.length / 1024).toFixed(0)} KiB): ${seconds.toFixed(2)} s; ${seen.length} polls saw processedRows `
      + `${JSON.stringify([...new Set(seen)])}`);
    expect(midway.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await importCounts()).toEqual({ ...before, person: before.person + 10_000, role_grant: before.role_grant + 10_000 + 100,
      managed: before.managed + 9_900, audit_log: before.audit_log + 1, imports: before.imports + 1 });
    // Everyone is invited to choose a password, in the same transaction (queued in bulk, not row by row).
    expect(await count(portal, `SELECT count(DISTINCT person_id) FROM email_outbox WHERE kind = 'invitation' AND to_address LIKE '%@fenbridge.example'`))
      .toBe(10_000);
  }, 120_000);
});

describe('who may import', () => {
  it('refuses signed-out callers and every other role, writing nothing', async () => {
    const before = await importCounts();
    const [{ id: existing }] = await portal.dataSource.query('SELECT id FROM people_import LIMIT 1');
    const input = { organisationId: careHome.id, csv: csv('Ada,ada@example.org,,,,') };
    expect(errorCode(await importPeople(input, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await progress(existing, null))).toBe('UNAUTHENTICATED');
    for (const email of NON_ADMINS) {
      expect([email, errorCode(await importPeople(input, tokens[email]))]).toEqual([email, 'FORBIDDEN']);
      expect([email, errorCode(await progress(existing, tokens[email]))]).toEqual([email, 'FORBIDDEN']);
    }
    expect(await importCounts()).toEqual(before);
  });

  it('keeps each partnership\'s imports to itself', async () => {
    const [{ id: existing }] = await portal.dataSource.query('SELECT id FROM people_import LIMIT 1');
    const other = await otherPartnershipAdmin(portal);
    expect((await progress(existing, other.token)).data).toEqual({ peopleImport: null });
    expect((await progress(randomUuid(), other.token)).data).toEqual({ peopleImport: null });
    expect((await progress('not-an-id', admin)).data).toEqual({ peopleImport: null });

    // Another partnership's import id cannot be taken over or read through a replay.
    const before = await importCounts();
    const reused = await importPeople({ organisationId: await organisationId(portal, 'RCCH', OTHER_PARTNERSHIP),
      csv: csv('Ada,ada@example.org,,,,'), importId: existing }, other.token);
    expect(reused.data!.importPeople).toEqual({ import: null, userErrors: [expect.objectContaining({ field: ['input', 'importId'], code: 'TAKEN' })] });
    expect(await importCounts()).toEqual(before);
    // Their own organisation works for them, and this partnership's does not.
    expect((await importPeople({ organisationId: careHome.id, csv: csv('Ada,ada@example.org,,,,') }, other.token))
      .data!.importPeople.userErrors[0].code).toBe('NOT_FOUND');
    const own = await importPeople({ organisationId: await organisationId(portal, 'RCCH', OTHER_PARTNERSHIP),
      csv: csv('Ada Fen,ada.fen@example.org,,,,') }, other.token);
    expect(own.data!.importPeople.import).toMatchObject({ status: 'SUCCEEDED', importedCount: 1, organisation: { shortCode: 'RCCH' } });
  });
});
