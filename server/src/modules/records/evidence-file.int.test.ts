import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../test/support/test-database';
import { makeOrganisation, makePartnership } from '../../../../test/support/catalogue-fixtures';
import { makePerson } from '../../../../test/support/compliance-fixtures';
import { cronItems, DISCARD_UNATTACHED_EVIDENCE_TASK } from '../../jobs/task-list';
import { discardUnattachedEvidence } from './evidence-file.service';

/** Uploaded evidence no informal learning entry named is deleted once a day old; named evidence is kept whatever its age. */
describe('discarding unattached evidence files', () => {
  let ds: DataSource;
  let partnershipId: string;
  let personId: string;
  const now = new Date('2026-12-03T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  beforeAll(async () => {
    ds = await openTestDataSource('empty');
    partnershipId = (await makePartnership(ds)).id;
    const organisationId = await makeOrganisation(ds, partnershipId, { shortCode: 'EVID' });
    personId = await makePerson(ds, partnershipId, organisationId);
  });
  afterAll(() => ds?.destroy());

  async function upload(createdAt: Date): Promise<string> {
    const [{ id }] = await ds.query(
      `INSERT INTO evidence_file (partnership_id, person_id, media_type, file_name, size_bytes, content, created_at)
       VALUES ($1, $2, 'application/pdf', 'certificate.pdf', 4, '\\x25504446'::bytea, $3) RETURNING id`, [partnershipId, personId, createdAt]);
    return id;
  }

  async function attach(fileId: string): Promise<void> {
    await ds.query(
      `INSERT INTO informal_learning (partnership_id, person_id, kind, learned_on, hours, description, evidence_file_id)
       VALUES ($1, $2, 'reading', '2026-11-30', 1.5, 'Read the safeguarding policy', $3)`, [partnershipId, personId, fileId]);
  }

  const remaining = async (): Promise<string[]> =>
    (await ds.query('SELECT id FROM evidence_file WHERE person_id = $1', [personId]) as Array<{ id: string }>).map((row) => row.id).sort();

  it('deletes only the unattached files older than a day, once', async () => {
    const oldLoose = await upload(hoursAgo(25));
    const justUnderADay = await upload(hoursAgo(23.9));
    const fresh = await upload(hoursAgo(0.1));
    const oldNamed = await upload(hoursAgo(24 * 40));
    await attach(oldNamed);

    expect(await discardUnattachedEvidence(ds, now)).toBe(1);
    expect(await remaining()).toEqual([justUnderADay, fresh, oldNamed].sort());
    expect(await remaining()).not.toContain(oldLoose);
    // Run again (another replica, the next hour): nothing more to delete at the same time.
    expect(await discardUnattachedEvidence(ds, now)).toBe(0);
    // A day later the two loose uploads go; the named one stays.
    expect(await discardUnattachedEvidence(ds, new Date(now.getTime() + 24 * 3_600_000))).toBe(2);
    expect(await remaining()).toEqual([oldNamed]);
  });

  it('runs on a schedule', () => {
    expect(cronItems).toContainEqual({ task: DISCARD_UNATTACHED_EVIDENCE_TASK, match: '30 * * * *', identifier: DISCARD_UNATTACHED_EVIDENCE_TASK });
  });
});
