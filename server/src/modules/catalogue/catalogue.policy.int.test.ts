import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../test/support/test-database';
import type { Viewer } from '../auth/viewer';
import { CourseEntity } from './course.entity';
import { canSeeCourse, courseVisibilitySql } from './catalogue.policy';

/** The visibility rule is written as SQL (lists) and as a check (single objects): they must agree. */
let db: DataSource;
let partnershipId: string;
let otherPartnershipId: string;
let organisationIds: string[];

beforeAll(async () => {
  db = await openTestDataSource('demo');
  const rows: Array<{ id: string; slug: string }> = await db.query('SELECT id, slug FROM partnership');
  partnershipId = rows.find((r) => r.slug === 'greater-peterborough')!.id;
  otherPartnershipId = rows.find((r) => r.slug !== 'greater-peterborough')!.id;
  organisationIds = (await db.query(
    `SELECT DISTINCT visibility_organisation_id AS id FROM course WHERE visibility_organisation_id IS NOT NULL AND partnership_id = $1`,
    [partnershipId])).map((r: { id: string }) => r.id);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
});

function viewer(overrides: Partial<Viewer>): Viewer {
  return { personId: 'p', partnershipId, organisationId: null, roles: [], ...overrides };
}

async function visibleBySql(v: Viewer | null): Promise<string[]> {
  const rule = courseVisibilitySql(v, partnershipId);
  const rows = await db.getRepository(CourseEntity).createQueryBuilder('c')
    .where('c.partnership_id = :partnershipId', { partnershipId }).andWhere(rule.sql, rule.params)
    .orderBy('c.id').getMany();
  return rows.map((c) => c.id);
}

async function visibleByCheck(v: Viewer | null): Promise<string[]> {
  const all = await db.getRepository(CourseEntity).find({ where: { partnershipId }, order: { id: 'ASC' } });
  return all.filter((c) => canSeeCourse(v, c)).map((c) => c.id);
}

describe('course visibility', () => {
  it('has organisation-only courses in the demo to test against', () => {
    expect(organisationIds.length).toBeGreaterThan(0);
  });

  it.each([
    ['signed out', () => null],
    ['a member of another partnership', () => viewer({ partnershipId: otherPartnershipId, roles: [{ role: 'partnership_admin', organisationId: null }] })],
    ['a volunteer with no organisation', () => viewer({ roles: [{ role: 'volunteer', organisationId: null }] })],
    ['a learner of an organisation with its own courses', () => viewer({ organisationId: organisationIds[0], roles: [{ role: 'learner', organisationId: organisationIds[0] }] })],
    ['a provider coordinator', () => viewer({ organisationId: organisationIds.at(-1)!, roles: [{ role: 'provider_coordinator', organisationId: organisationIds.at(-1)! }] })],
    ['the steering group', () => viewer({ roles: [{ role: 'steering_group', organisationId: null }] })],
    ['an administrator', () => viewer({ roles: [{ role: 'partnership_admin', organisationId: null }] })],
  ])('gives the same courses by SQL and by check for %s', async (_name, make) => {
    const v = make();
    const bySql = await visibleBySql(v);
    expect(bySql).toEqual(await visibleByCheck(v));
    expect(bySql.length).toBeGreaterThan(0);
  });

  it('shows a visitor public courses only, and an administrator everything', async () => {
    const all = await db.getRepository(CourseEntity).findBy({ partnershipId });
    const publicOnes = all.filter((c) => c.visibility === 'public').map((c) => c.id).sort();
    expect(await visibleBySql(null)).toEqual(publicOnes);
    expect((await visibleBySql(viewer({ roles: [{ role: 'partnership_admin', organisationId: null }] }))).length).toBe(all.length);
    expect(publicOnes.length).toBeLessThan(all.length);
  });
});
