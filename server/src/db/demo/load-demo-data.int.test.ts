import type { DataSource } from 'typeorm';
import { SEAT_HOLDING_SQL } from '@portal/domain';
import { openTestDataSource } from '../../../../test/support/test-database';
import { loadDemoData, type DemoSummary } from './load-demo-data';
import { dayNumber, londonTime } from './uk-time';

// A fixed instant, so that two loads can be compared row for row.
const NOW = new Date('2026-01-15T11:20:00Z');
const MAIN = 'greater-peterborough';
const HOLDING = SEAT_HOLDING_SQL;

async function one<T>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const rows = await ds.query(sql, params);
  return rows[0] as T;
}

describe('loadDemoData', () => {
  let first: DataSource;
  let second: DataSource;
  let summary: DemoSummary;

  beforeAll(async () => {
    first = await openTestDataSource('empty');
    second = await openTestDataSource('empty');
    summary = await loadDemoData(first, { now: NOW });
  }, 60_000);

  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
  });

  it('meets the demo sizes at scale 1', async () => {
    expect(summary.partnerships).toBe(2);
    const main = await one<Record<string, number>>(first, `
      SELECT (SELECT count(*) FROM organisation o WHERE o.partnership_id = p.id)::int AS organisations,
             (SELECT count(*) FROM person x WHERE x.partnership_id = p.id)::int AS people,
             (SELECT count(*) FROM course x WHERE x.partnership_id = p.id)::int AS courses,
             (SELECT count(*) FROM training_session x WHERE x.partnership_id = p.id)::int AS sessions,
             (SELECT count(*) FROM booking x WHERE x.partnership_id = p.id)::int AS bookings
        FROM partnership p WHERE p.slug = $1`, [MAIN]);
    expect(main.organisations).toBeGreaterThanOrEqual(12);
    expect(main.people).toBeGreaterThanOrEqual(600);
    expect(main.courses).toBeGreaterThanOrEqual(60);
    expect(main.sessions).toBeGreaterThanOrEqual(300);
    expect(main.bookings).toBeGreaterThanOrEqual(3000);
    expect(summary.people).toBeGreaterThan(main.people);
  });

  it('gives every row an id the API accepts: a well-formed UUID, version and variant included', async () => {
    const tables: Array<{ table_name: string }> = await first.query(`SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`);
    expect(tables.length).toBeGreaterThan(20);
    const malformed: Array<{ table: string; n: number }> = [];
    for (const { table_name: table } of tables) {
      const [{ n }] = await first.query(`SELECT count(*)::int AS n FROM "${table}"
        WHERE id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`);
      if (n) malformed.push({ table, n });
    }
    expect(malformed).toEqual([]);
  });

  it('has at least 100 upcoming scheduled sessions of public courses', async () => {
    const { count } = await one<{ count: number }>(first, `
      SELECT count(*)::int AS count FROM training_session s
        JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
       WHERE p.slug = $1 AND c.visibility = 'public' AND s.status = 'scheduled' AND s.starts_at > $2`, [MAIN, NOW]);
    expect(count).toBeGreaterThanOrEqual(100);
    expect(summary.publicUpcomingSessions).toBeGreaterThanOrEqual(count);
  });

  it('creates the nine demo accounts with exactly their roles', async () => {
    const rows: Array<{ email: string; kind: string; org: string | null; manager: string | null; roles: string }> =
      await first.query(`
        SELECT x.email, x.kind, o.short_code AS org, m.email AS manager,
               string_agg(g.role || ':' || coalesce(go.short_code, '*'), ',' ORDER BY g.role) AS roles
          FROM person x JOIN partnership p ON p.id = x.partnership_id AND p.slug = $1
          LEFT JOIN organisation o ON o.id = x.organisation_id
          LEFT JOIN person m ON m.id = x.line_manager_id
          LEFT JOIN role_grant g ON g.person_id = x.id
          LEFT JOIN organisation go ON go.id = g.organisation_id
         WHERE x.email LIKE '%@demo.portal'
         GROUP BY x.email, x.kind, o.short_code, m.email ORDER BY x.email`, [MAIN]);
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(Object.keys(byEmail).sort()).toEqual([
      'admin@demo.portal', 'carehome-manager@demo.portal', 'careworker@demo.portal', 'lead@demo.portal', 'learner@demo.portal',
      'manager@demo.portal', 'provider@demo.portal', 'steering@demo.portal', 'volunteer@demo.portal',
    ]);
    // Journey 3: the care-home worker's manager is the care-home manager account, and care homes ask the line manager only.
    expect(byEmail['careworker@demo.portal']).toMatchObject({ kind: 'staff', org: 'NVCH', manager: 'carehome-manager@demo.portal', roles: 'learner:NVCH' });
    expect(byEmail['carehome-manager@demo.portal']).toMatchObject({ kind: 'staff', org: 'NVCH', roles: 'learner:NVCH,line_manager:NVCH' });
    expect(await one(first, `SELECT approval_policy FROM organisation WHERE short_code = 'NVCH'`)).toEqual({ approval_policy: 'line_manager' });
    expect(byEmail['volunteer@demo.portal']).toMatchObject({ kind: 'volunteer', org: 'PCVS', roles: 'volunteer:PCVS' });
    expect(byEmail['learner@demo.portal']).toMatchObject({ kind: 'staff', org: 'PCC', manager: 'manager@demo.portal', roles: 'learner:PCC' });
    expect(byEmail['manager@demo.portal']).toMatchObject({ kind: 'staff', org: 'PCC', roles: 'learner:PCC,line_manager:PCC' });
    expect(byEmail['lead@demo.portal']).toMatchObject({ kind: 'staff', org: 'PCC', roles: 'ld_lead:PCC' });
    expect(byEmail['provider@demo.portal']).toMatchObject({ kind: 'staff', org: 'PSHNHSFT', roles: 'provider_coordinator:PSHNHSFT' });
    expect(byEmail['steering@demo.portal'].roles).toBe('steering_group:*');
    expect(byEmail['admin@demo.portal'].roles).toBe('partnership_admin:*');
  });

  it('gives every organisation an L&D lead and keeps line managers inside the organisation', async () => {
    const { leadless } = await one<{ leadless: number }>(first, `
      SELECT count(*)::int AS leadless FROM organisation o
       WHERE NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.organisation_id = o.id AND g.role = 'ld_lead')`);
    expect(leadless).toBe(0);
    const { crossing } = await one<{ crossing: number }>(first, `
      SELECT count(*)::int AS crossing FROM person x JOIN person m ON m.id = x.line_manager_id
       WHERE m.organisation_id IS DISTINCT FROM x.organisation_id`);
    expect(crossing).toBe(0);
    const { ungranted } = await one<{ ungranted: number }>(first, `
      SELECT count(*)::int AS ungranted FROM person x
       WHERE x.kind = 'staff' AND x.email NOT LIKE '%@demo.portal' AND NOT EXISTS (
         SELECT 1 FROM role_grant g WHERE g.person_id = x.id AND g.role = 'learner' AND g.organisation_id = x.organisation_id)`);
    expect(ungranted).toBe(0);
  });

  it('dates every row consistently, nothing after now', async () => {
    const { wrong } = await one<{ wrong: number }>(first, `
      SELECT (SELECT count(*) FROM booking b JOIN training_session s ON s.id = b.session_id
               WHERE b.created_at > $1 OR b.updated_at > $1 OR b.updated_at < b.created_at
                  OR b.cancelled_at < b.created_at OR b.cancelled_at > $1
                  OR (b.status = 'cancelled') <> (b.cancelled_at IS NOT NULL)
                  OR (b.status = 'cancelled') <> (b.cancelled_late IS NOT NULL)
                  OR b.created_at > s.booking_closes_at + interval '1 minute'
                  OR (s.status = 'completed' AND s.ends_at > $1)
                  OR (b.status IN ('attended', 'no_show') AND s.status <> 'completed')
                  OR b.created_at < (SELECT x.created_at FROM person x WHERE x.id = b.person_id))::int
           + (SELECT count(*) FROM training_session s JOIN course c ON c.id = s.course_id
               WHERE s.created_at < c.created_at)::int
           + (SELECT count(*) FROM training_session WHERE created_at > $1 OR starts_at < $1 - interval '13 months'
                  OR starts_at > $1 + interval '13 months')::int AS wrong`, [NOW]);
    expect(wrong).toBe(0);
  });

  it('schedules nothing over Christmas or New Year and no course twice at overlapping times', async () => {
    const { holiday } = await one<{ holiday: number }>(first, `
      SELECT count(*)::int AS holiday FROM training_session s,
             generate_series((s.starts_at AT TIME ZONE 'Europe/London')::date, (s.ends_at AT TIME ZONE 'Europe/London')::date, interval '1 day') AS d
       WHERE to_char(d, 'MM-DD') IN ('12-25', '12-26', '01-01')`);
    expect(holiday).toBe(0);
    const { overlapping } = await one<{ overlapping: number }>(first, `
      SELECT count(*)::int AS overlapping FROM training_session a JOIN training_session b
          ON b.course_id = a.course_id AND b.id > a.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`);
    expect(overlapping).toBe(0);
    // The demo spans a year either side of now, so it always crosses a Christmas: the rule was exercised.
    const { december } = await one<{ december: number }>(first, `
      SELECT count(*)::int AS december FROM training_session WHERE to_char(starts_at AT TIME ZONE 'Europe/London', 'MM') = '12'`);
    expect(december).toBeGreaterThan(0);
  });

  it('keeps every seat counter equal to the bookings it counts', async () => {
    const sessions = await one<{ wrong: number }>(first, `
      SELECT count(*)::int AS wrong FROM training_session s
        LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE b.status IN ${HOLDING})::int AS taken,
                                  count(*) FILTER (WHERE b.status IN ${HOLDING} AND b.seat_organisation_id IS NULL)::int AS pool
                             FROM booking b WHERE b.session_id = s.id) b ON true
        LEFT JOIN LATERAL (SELECT coalesce(sum(a.seats), 0)::int AS seats FROM seat_allocation a WHERE a.session_id = s.id) a ON true
       WHERE s.seats_taken <> b.taken OR s.pool_seats_taken <> b.pool OR s.allocated_seats <> a.seats`);
    expect(sessions.wrong).toBe(0);
    const allocations = await one<{ wrong: number }>(first, `
      SELECT count(*)::int AS wrong FROM seat_allocation a
       WHERE a.seats_taken <> (SELECT count(*) FROM booking b WHERE b.session_id = a.session_id
                                 AND b.seat_organisation_id = a.organisation_id AND b.status IN ${HOLDING})`);
    expect(allocations.wrong).toBe(0);
    const strays = await one<{ wrong: number }>(first, `
      SELECT count(*)::int AS wrong FROM booking b
       WHERE b.seat_organisation_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM seat_allocation a WHERE a.session_id = b.session_id AND a.organisation_id = b.seat_organisation_id)`);
    expect(strays.wrong).toBe(0);
  });

  it('never books a session beyond its capacity or its pool beyond the unallocated seats', async () => {
    const { over } = await one<{ over: number }>(first, `
      SELECT count(*)::int AS over FROM training_session
       WHERE seats_taken > capacity OR pool_seats_taken > capacity - allocated_seats`);
    expect(over).toBe(0);
    const { full, waiting } = await one<{ full: number; waiting: number }>(first, `
      SELECT count(*) FILTER (WHERE seats_taken = capacity)::int AS full,
             (SELECT count(*) FROM booking WHERE status = 'waitlisted')::int AS waiting
        FROM training_session WHERE status = 'scheduled' AND starts_at > $1`, [NOW]);
    expect(full).toBeGreaterThan(0);
    expect(waiting).toBeGreaterThan(0);
  });

  it('books only people the course is open to', async () => {
    const { wrong } = await one<{ wrong: number }>(first, `
      SELECT count(*)::int AS wrong FROM booking b
        JOIN person x ON x.id = b.person_id
        JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
        LEFT JOIN organisation o ON o.id = x.organisation_id
       WHERE (c.audience = 'staff' AND x.kind <> 'staff') OR (c.audience = 'volunteers' AND x.kind <> 'volunteer')
          OR (c.visibility = 'organisation' AND x.organisation_id IS DISTINCT FROM c.visibility_organisation_id)
          OR (cardinality(c.eligible_sectors) > 0 AND (o.sector IS NULL OR NOT o.sector = ANY(c.eligible_sectors)))
          -- A person who moved keeps the completions they made at their former employer (the demo's one move: compliance.ts).
          OR (b.organisation_id IS DISTINCT FROM x.organisation_id AND b.status <> 'attended')`);
    expect(wrong).toBe(0);
    const { moved } = await one<{ moved: number }>(first, `SELECT count(DISTINCT b.person_id)::int AS moved FROM booking b JOIN person x ON x.id = b.person_id
      WHERE b.organisation_id IS DISTINCT FROM x.organisation_id`);
    expect(moved).toBe(1);
  });

  it('has the council holding 5 of 20 seats on an upcoming joint Safeguarding Adults Level 2 session', async () => {
    const rows = await first.query(`
      SELECT s.id, a.seats_taken FROM training_session s
        JOIN course c ON c.id = s.course_id
        JOIN seat_allocation a ON a.session_id = s.id
        JOIN organisation o ON o.id = a.organisation_id
       WHERE c.title = 'Safeguarding Adults Level 2' AND c.is_joint AND s.capacity = 20 AND s.status = 'scheduled'
         AND s.starts_at > $1 AND s.release_at > $1 AND o.short_code = 'PCC' AND a.seats = 5`, [NOW]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('offers a volunteer free, open safeguarding sessions online and in Peterborough', async () => {
    const { online, peterborough } = await one<{ online: number; peterborough: number }>(first, `
      SELECT count(*) FILTER (WHERE s.delivery_mode = 'online')::int AS online,
             count(*) FILTER (WHERE v.town = 'Peterborough')::int AS peterborough
        FROM training_session s JOIN course c ON c.id = s.course_id
        JOIN partnership p ON p.id = s.partnership_id
        LEFT JOIN venue v ON v.id = s.venue_id
       WHERE p.slug = $1 AND c.title ILIKE '%safeguarding%' AND c.visibility = 'public' AND c.cost_per_place_pence = 0
         AND c.audience IN ('volunteers', 'both') AND s.status = 'scheduled' AND s.starts_at > $2
         AND s.seats_taken < s.capacity`, [MAIN, NOW]);
    expect(online).toBeGreaterThanOrEqual(2);
    expect(peterborough).toBeGreaterThanOrEqual(1);
  });

  it('loads a second partnership with its own public upcoming safeguarding course', async () => {
    const { count } = await one<{ count: number }>(first, `
      SELECT count(*)::int AS count FROM training_session s JOIN course c ON c.id = s.course_id
        JOIN partnership p ON p.id = s.partnership_id
       WHERE p.slug = 'fenland-care-partnership' AND c.title ILIKE '%safeguarding%' AND c.visibility = 'public'
         AND s.status = 'scheduled' AND s.starts_at > $1`, [NOW]);
    expect(count).toBeGreaterThanOrEqual(1);
  });

  it('has journey 6\'s Moving and Handling needs: four organisations, 230 people, grouped; and the other kinds of need', async () => {
    const moving: Array<{ org: string; people: number; status: string }> = await first.query(`
      SELECT o.short_code AS org, n.people_count AS people, n.status FROM training_need n
        JOIN organisation o ON o.id = n.organisation_id JOIN partnership p ON p.id = n.partnership_id
       WHERE p.slug = $1 AND n.mandatory_subject = 'moving-and-handling' AND n.status <> 'in_proposal' ORDER BY o.short_code`, [MAIN]);
    expect(moving.map((n) => n.org)).toEqual(['HFDC', 'LHNH', 'NVCH', 'PCC']);
    expect(moving.reduce((sum, n) => sum + n.people, 0)).toBe(230);
    expect(new Set(moving.map((n) => n.status))).toEqual(new Set(['grouped']));
    const kinds = await one<Record<string, number>>(first, `
      SELECT count(*) FILTER (WHERE n.status = 'met' AND n.met_by_course_id IS NOT NULL)::int AS met,
             count(*) FILTER (WHERE n.status = 'withdrawn')::int AS withdrawn,
             count(*) FILTER (WHERE n.ksf_dimension IS NOT NULL AND n.mandatory_subject IS NULL AND n.status = 'grouped')::int AS ksf,
             count(*) FILTER (WHERE n.scope = 'team' AND n.team_manager_person_id = m.id)::int AS team,
             count(*) FILTER (WHERE n.scope = 'person')::int AS person
        FROM training_need n JOIN partnership p ON p.id = n.partnership_id
        LEFT JOIN person m ON m.email = 'manager@demo.portal'
       WHERE p.slug = $1`, [MAIN]);
    expect(kinds).toEqual({ met: 1, withdrawn: 1, ksf: 2, team: 1, person: 1 });
  });

  it('produces the same rows, ids included, for the same options', async () => {
    await loadDemoData(second, { now: NOW });
    const fingerprint = (ds: DataSource) => one<Record<string, string>>(ds, `
      SELECT (SELECT md5(string_agg(id::text || title, ',' ORDER BY id)) FROM course) AS courses,
             (SELECT md5(string_agg(id::text || email || coalesce(line_manager_id::text, ''), ',' ORDER BY id)) FROM person) AS people,
             (SELECT md5(string_agg(id::text || course_id::text || starts_at::text || capacity || seats_taken, ',' ORDER BY id))
                FROM training_session) AS sessions,
             (SELECT md5(string_agg(id::text || person_id::text || status || coalesce(seat_organisation_id::text, '') || cost_pence, ','
                ORDER BY id)) FROM booking) AS bookings,
             (SELECT md5(string_agg(id::text || name || financial_year || budget_pence || committed_pence || spent_pence || created_at::text,
                ',' ORDER BY id)) FROM funding_stream) AS streams,
             (SELECT md5(string_agg(id::text || stream_id::text || sequence || kind || amount_pence || occurred_at::text || recorded_at::text
                || reason || coalesce(booking_id::text, '') || coalesce(recorded_by_person_id::text, ''), ',' ORDER BY id)) FROM ledger_entry) AS ledger,
             (SELECT md5(string_agg(id::text || organisation_id::text || raised_by_person_id::text || topic || wanted_by::text || status,
                ',' ORDER BY id)) FROM training_need) AS needs,
             (SELECT md5(string_agg(action || subject_id || details::text || occurred_at::text, ',' ORDER BY id)) FROM audit_log) AS audit`);
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
  }, 30_000);
});

describe('londonTime', () => {
  it('turns London wall-clock times into UTC across British Summer Time', () => {
    expect(londonTime(dayNumber(new Date('2026-07-01T00:00:00Z')), 9, 30).toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(londonTime(dayNumber(new Date('2026-01-12T00:00:00Z')), 9, 30).toISOString()).toBe('2026-01-12T09:30:00.000Z');
    expect(londonTime(dayNumber(new Date('2026-03-29T00:00:00Z')), 13, 30).toISOString()).toBe('2026-03-29T12:30:00.000Z');
    expect(londonTime(dayNumber(new Date('2026-10-25T00:00:00Z')), 13, 30).toISOString()).toBe('2026-10-25T13:30:00.000Z');
  });
});
