import type { DataSource } from 'typeorm';
import { waitlistPositions } from '@portal/domain';
import { openTestDataSource } from '../../../../test/support/test-database';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../../../../test/support/catalogue-fixtures';
import { makeSignedInPeople } from '../../../../test/support/people-fixtures';
import { waitlistPositionOfSql, waitlistPositionsSql } from './waitlist-position.sql';

/** The waiting list's order is written once in SQL (lists, notices) and once in packages/domain: they must agree. */
let db: DataSource;
let sessions: string[];
let waiting: Array<{ id: string; session_id: string; waitlisted_at: Date; organisation_id: string | null }>;

beforeAll(async () => {
  db = await openTestDataSource('empty');
  const p = await makePartnership(db);
  const provider = await makeOrganisation(db, p.id, { shortCode: 'WAIT' });
  const course = await makeCourse(db, p.id, provider, { title: 'Waiting list order' });
  sessions = [await makeSession(db, p.id, course, { startsInDays: 20 }), await makeSession(db, p.id, course, { startsInDays: 21 })];
  const people = await makeSignedInPeople(db, p.id, 12);
  // Two people joined at the very same instant (the id breaks the tie), one was confirmed, one cancelled.
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));
  const rows = people.map((person, i) => ({
    personId: person.personId, sessionId: sessions[i % 2], status: i === 4 ? 'confirmed' : i === 7 ? 'cancelled' : 'waitlisted',
    waitlistedAt: i === 4 || i === 7 ? null : at([5, 3, 3, 1, 0, 9, 2, 0, 3, 8, 3, 4][i]),
  }));
  for (const row of rows) {
    await db.query(`INSERT INTO booking (partnership_id, session_id, person_id, status, waitlisted_at) VALUES ($1, $2, $3, $4, $5)`,
      [p.id, row.sessionId, row.personId, row.status, row.waitlistedAt]);
  }
  waiting = await db.query(`SELECT id, session_id, waitlisted_at, organisation_id FROM booking WHERE status = 'waitlisted'`);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
});

function byDomain(sessionId: string): Map<string, number> {
  return waitlistPositions(waiting.filter((w) => w.session_id === sessionId)
    .map((w) => ({ id: w.id, organisationId: w.organisation_id, waitlistedAt: w.waitlisted_at })));
}

describe('waiting list positions', () => {
  it('has ties and people not waiting to test against', () => {
    expect(waiting.length).toBe(10);
  });

  it('gives every waiting booking the same position in SQL as the domain rule', async () => {
    const rows: Array<{ id: string; session_id: string; position: number }> = await db.query(waitlistPositionsSql('$1::uuid[]'), [sessions]);
    for (const sessionId of sessions) {
      const sql = new Map(rows.filter((r) => r.session_id === sessionId).map((r) => [r.id, r.position]));
      expect(sql).toEqual(byDomain(sessionId));
      expect([...sql.values()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('gives one booking its position, and none to a booking that is not waiting', async () => {
    const rows: Array<{ id: string; session_id: string; position: number | null; status: string }> = await db.query(
      `SELECT b.id, b.session_id, b.status, ${waitlistPositionOfSql('b')} AS position FROM booking b`);
    for (const row of rows) {
      expect(row.position).toBe(row.status === 'waitlisted' ? byDomain(row.session_id).get(row.id) : null);
    }
  });
});
