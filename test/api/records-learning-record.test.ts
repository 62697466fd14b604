import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeRecordsWorld, pastSessionWithBookings, type RecordsWorld } from '../support/records-fixtures';

/**
 * Learning records over the API: completions from attended bookings, informal learning logged
 * with evidence (a link, or a file checked by its content and kept in PostgreSQL), a line
 * manager's confirmation, certificates as PDFs, the steering group's counts, every refusal with
 * nothing written, and the statements a record costs, which do not grow with it.
 */
let portal: RunningPortal;
let world: RecordsWorld;
let other: RecordsWorld;

const RECORD = `query($personId: ID) { learningRecord(personId: $personId) {
  person { id name } viewerMayConfirm
  completions { bookingId courseTitle providerName completedAt hours learningCategory ksfDimensions mandatorySubjectName mandatoryLevel accreditation certificateUrl }
  informalLearning { id kind learnedOn hours description learningCategory evidenceUrl evidenceFile { id fileName mediaType sizeBytes downloadUrl } confirmedAt confirmedByName }
  balance { totalHours categories { category hours share target } } } }`;
const LOG = `mutation($input: LogInformalLearningInput!) { logInformalLearning(input: $input) {
  entry { id kind learnedOn hours learningCategory evidenceUrl evidenceFile { id mediaType } confirmedAt } userErrors { field code message } } }`;
const CONFIRM = `mutation($input: ConfirmInformalLearningInput!) { confirmInformalLearning(input: $input) { entry { id confirmedAt confirmedByName } userErrors { field code } } }`;
type Errors = Array<{ field: string[]; code: string; message: string }>;
type LogData = { logInformalLearning: { entry: { id: string; hours: number; learningCategory: string; evidenceFile: { id: string } | null } | null; userErrors: Errors } };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  world = await makeRecordsWorld(portal.dataSource, 4);
  other = await makeRecordsWorld(portal.dataSource, 1);
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const upload = (token: string | null, body: Buffer, name = 'evidence.pdf', contentType = 'application/octet-stream') => fetch(`${portal.url}/learning-files/evidence`, {
  method: 'POST', body: new Uint8Array(body), headers: { 'content-type': contentType, 'x-file-name': name, ...(token ? { authorization: `Bearer ${token}` } : {}) },
});
const get = (path: string, token: string | null) => fetch(`${portal.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const counts = async () => {
  const [row] = await portal.dataSource.query(`SELECT (SELECT count(*) FROM informal_learning)::int AS entries, (SELECT count(*) FROM evidence_file)::int AS files,
    (SELECT count(*) FROM audit_log WHERE action LIKE 'records.%')::int AS audits`);
  return row;
};
const log = (token: string, input: Record<string, unknown>) => portal.graphql<LogData>(LOG, { input }, { token });
const entry = (values: Record<string, unknown> = {}) => ({ kind: 'SHADOWING', learnedOn: daysAgo(3), hours: 2.5, description: 'Shadowed the night team', ...values });

describe('informal learning', () => {
  it('refuses a future date, 0 hours, 1,000 hours and a blank description, all at once, writing nothing', async () => {
    const before = await counts();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const refused = await log(world.staff[0].token, entry({ learnedOn: tomorrow, hours: 0, description: ' ', evidenceUrl: 'not a link' }));
    expect(refused.data!.logInformalLearning.entry).toBeNull();
    expect(refused.data!.logInformalLearning.userErrors.map((e) => [e.field.join('.'), e.code]).sort()).toEqual([
      ['input.description', 'INVALID'], ['input.evidenceUrl', 'INVALID'], ['input.hours', 'OUT_OF_RANGE'], ['input.learnedOn', 'DATE_FUTURE']]);
    const thousand = await log(world.staff[0].token, entry({ hours: 1000 }));
    expect(thousand.data!.logInformalLearning.userErrors).toEqual([expect.objectContaining({ field: ['input', 'hours'], message: 'The number of hours must be less than 1,000' })]);
    const unknownFile = await log(world.staff[0].token, entry({ evidenceFileId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownFile.data!.logInformalLearning.userErrors).toEqual([expect.objectContaining({ field: ['input', 'evidenceFileId'], code: 'NOT_FOUND' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not a PDF, PNG or JPEG by its content whatever its name, and one over 5 MB, writing nothing', async () => {
    const before = await counts();
    const renamed = await upload(world.staff[0].token, Buffer.from('GIF89a not really a pdf'), 'certificate.pdf');
    expect(renamed.status).toBe(422);
    expect(await renamed.json()).toEqual({ file: null, userErrors: [{ field: ['file'], message: 'The selected file must be a PDF, PNG or JPEG', code: 'WRONG_FILE_TYPE' }] });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1); PDF.copy(big);
    const tooLarge = await upload(world.staff[0].token, big);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).userErrors[0]).toMatchObject({ field: ['file'], code: 'FILE_TOO_LARGE' });
    expect((await upload(null, PDF)).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('logs an entry with a file as evidence, which its line manager confirms once, and the record shows it', async () => {
    const uploaded = await upload(world.staff[0].token, PNG, 'notes.png');
    expect(uploaded.status).toBe(201);
    const { file } = await uploaded.json() as { file: { id: string; mediaType: string } };
    expect(file.mediaType).toBe('image/png');
    const logged = await log(world.staff[0].token, entry({ kind: 'COACHING', evidenceFileId: file.id }));
    expect(logged.data!.logInformalLearning.userErrors).toEqual([]);
    expect(logged.data!.logInformalLearning.entry).toMatchObject({ hours: 2.5, learningCategory: 'SOCIAL', evidenceFile: { id: file.id } });
    const again = await log(world.staff[0].token, entry({ evidenceFileId: file.id }));
    expect(again.data!.logInformalLearning.userErrors).toEqual([expect.objectContaining({ field: ['input', 'evidenceFileId'], code: 'ALREADY_USED' })]);
    const someoneElses = await log(world.staff[1].token, entry({ evidenceFileId: file.id }));
    expect(someoneElses.data!.logInformalLearning.userErrors[0].code).toBe('NOT_FOUND');
    const [stored] = await portal.dataSource.query('SELECT content FROM evidence_file WHERE id = $1', [file.id]);
    expect(Buffer.compare(stored.content, PNG)).toBe(0);

    const download = await get(`/learning-files/evidence/${file.id}`, world.managerToken);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect((await get(`/learning-files/evidence/${file.id}`, world.staff[1].token)).status).toBe(403);
    expect((await get(`/learning-files/evidence/${file.id}`, other.staff[0].token)).status).toBe(404);
    expect((await get(`/learning-files/evidence/${file.id}`, null)).status).toBe(401);

    const id = logged.data!.logInformalLearning.entry!.id;
    const byThemselves = await portal.graphql(CONFIRM, { input: { entryId: id } }, { token: world.staff[0].token });
    expect(byThemselves.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const confirmed = await portal.graphql<{ confirmInformalLearning: { entry: { confirmedByName: string }; userErrors: Errors } }>(
      CONFIRM, { input: { entryId: id } }, { token: world.managerToken });
    expect(confirmed.data!.confirmInformalLearning.userErrors).toEqual([]);
    expect(confirmed.data!.confirmInformalLearning.entry.confirmedByName).toMatch(/Test Person/);
    const twice = await portal.graphql<{ confirmInformalLearning: { userErrors: Errors } }>(CONFIRM, { input: { entryId: id } }, { token: world.managerToken });
    expect(twice.data!.confirmInformalLearning.userErrors[0].code).toBe('ALREADY_CONFIRMED');
    const otherTenant = await portal.graphql<{ confirmInformalLearning: { userErrors: Errors } }>(CONFIRM, { input: { entryId: id } }, { token: other.managerToken });
    expect(otherTenant.data!.confirmInformalLearning.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('takes a link as evidence and today as the date', async () => {
    const logged = await log(world.staff[0].token, entry({ kind: 'READING', learnedOn: today(), hours: 0.5, evidenceUrl: 'https://example.org/article' }));
    expect(logged.data!.logInformalLearning.userErrors).toEqual([]);
    expect(logged.data!.logInformalLearning.entry).toMatchObject({ learningCategory: 'FORMAL', hours: 0.5 });
  });
});

describe('a learning record', () => {
  it('shows completions with their course facts and the 70:20:10 balance; a manager and a lead see it, another learner does not', async () => {
    const { bookingIds: [bookingId] } = await pastSessionWithBookings(portal, world, [world.staff[0]]);
    await portal.graphql(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { userErrors { code } } }`,
      { input: { sessionId: (await portal.dataSource.query('SELECT session_id FROM booking WHERE id = $1', [bookingId]))[0].session_id,
        attendance: [{ bookingId, attended: true }] } }, { token: world.coordinatorToken });
    const own = await portal.graphql<{ learningRecord: { completions: Array<Record<string, unknown>>; balance: { totalHours: number; categories: Array<{ category: string; hours: number }> }; viewerMayConfirm: boolean } }>(
      RECORD, {}, { token: world.staff[0].token });
    expect(own.errors).toBeUndefined();
    expect(own.data!.learningRecord.completions).toEqual([expect.objectContaining({
      bookingId, courseTitle: 'Safeguarding Adults Level 2', hours: 3, learningCategory: 'FORMAL', ksfDimensions: ['core-1'],
      mandatorySubjectName: 'Safeguarding adults level 2', mandatoryLevel: 2, accreditation: 'NONE', certificateUrl: `/learning-files/certificates/${bookingId}.pdf` })]);
    expect(own.data!.learningRecord.viewerMayConfirm).toBe(false);
    // 3 h formal (the course) + 0.5 h formal (reading) + 2.5 h social (coaching).
    expect(own.data!.learningRecord.balance.totalHours).toBe(6);
    expect(own.data!.learningRecord.balance.categories.map((c) => [c.category, c.hours])).toEqual([['EXPERIENTIAL', 0], ['SOCIAL', 2.5], ['FORMAL', 3.5]]);

    const asManager = await portal.graphql<{ learningRecord: { viewerMayConfirm: boolean } }>(RECORD, { personId: world.staff[0].personId }, { token: world.managerToken });
    expect(asManager.data!.learningRecord.viewerMayConfirm).toBe(true);
    const asLead = await portal.graphql<{ learningRecord: { viewerMayConfirm: boolean } }>(RECORD, { personId: world.staff[0].personId }, { token: world.leadToken });
    expect(asLead.data!.learningRecord.viewerMayConfirm).toBe(false);
    const asPeer = await portal.graphql(RECORD, { personId: world.staff[0].personId }, { token: world.staff[1].token });
    expect(asPeer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherTenant = await portal.graphql(RECORD, { personId: world.staff[0].personId }, { token: other.leadToken });
    expect(otherTenant.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', userErrors: [expect.objectContaining({ code: 'NOT_FOUND' })] });

    const certificate = await get(`/learning-files/certificates/${bookingId}.pdf`, world.staff[0].token);
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await certificate.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(`/learning-files/certificates/${bookingId}.pdf`, world.leadToken)).status).toBe(200);
    expect((await get(`/learning-files/certificates/${bookingId}.pdf`, world.staff[1].token)).status).toBe(403);
    expect((await get(`/learning-files/certificates/${bookingId}.pdf`, other.staff[0].token)).status).toBe(404);
    expect((await get(`/learning-files/certificates/${bookingId}.pdf`, null)).status).toBe(401);
  });

  it('costs the same statements for an empty record as for one of 21 entries (a completion and 20 informal)', async () => {
    const small = await portal.graphql(RECORD, {}, { token: world.staff[2].token });
    const db = portal.dataSource;
    await db.query(`INSERT INTO informal_learning (partnership_id, person_id, kind, learned_on, hours, description)
      SELECT $1, $2, 'reading', current_date - n, 1, 'Read chapter ' || n FROM generate_series(1, 20) AS n`, [world.partnershipId, world.staff[2].personId]);
    const { bookingIds } = await pastSessionWithBookings(portal, world, [world.staff[2]]);
    await db.query(`UPDATE booking SET status = 'attended' WHERE id = ANY($1::uuid[])`, [bookingIds]);
    const large = await portal.graphql<{ learningRecord: { informalLearning: unknown[] } }>(RECORD, {}, { token: world.staff[2].token });
    expect(large.data!.learningRecord.informalLearning).toHaveLength(20);
    expect((large.data!.learningRecord as unknown as { completions: unknown[] }).completions).toHaveLength(1);
    console.log(`learningRecord: ${small.extensions!.sqlStatements} statements for an empty record, ${large.extensions!.sqlStatements} for 21 entries`);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
    expect(large.extensions!.sqlStatements).toBeLessThanOrEqual(4);
  });

  it('gives the steering group counts with no names, and refuses a learner', async () => {
    const steering = (await portal.dataSource.query(`SELECT id FROM person WHERE id = $1`, [world.staff[3].personId]))[0].id;
    await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'steering_group')`, [world.partnershipId, steering]);
    const QUERY = `query($slug: String!) { learningActivity(partnershipSlug: $slug) { learners completions informalEntries
      balance { totalHours } byOrganisation { organisationName learners completions informalEntries balance { totalHours } } } }`;
    const answer = await portal.graphql<{ learningActivity: { learners: number; completions: number; informalEntries: number; byOrganisation: Array<{ learners: number }> } }>(
      QUERY, { slug: world.slug }, { token: world.staff[3].token });
    expect(answer.errors).toBeUndefined();
    const [expected] = await portal.dataSource.query(`SELECT (SELECT count(*) FROM booking WHERE partnership_id = $1 AND status = 'attended')::int AS completions,
      (SELECT count(*) FROM informal_learning WHERE partnership_id = $1)::int AS informal`, [world.partnershipId]);
    expect(answer.data!.learningActivity).toMatchObject({ completions: expected.completions, informalEntries: expected.informal });
    expect(JSON.stringify(answer.data)).not.toMatch(/Test Person/);
    const learner = await portal.graphql(QUERY, { slug: world.slug }, { token: world.staff[0].token });
    expect(learner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherTenant = await portal.graphql(QUERY, { slug: other.slug }, { token: world.staff[3].token });
    expect(otherTenant.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
