import type { DataSource, EntityManager } from 'typeorm';
import { keysetTimestampSql } from '../../graphql/keyset-cursor';
import { bookingStatements, ratingStatement, voidingStatement, type XapiPortal, type XapiStatement } from './xapi-statements';

/** Bookings whose statements are registered (a place held or used); the others have given none yet. */
const REGISTERED = ['confirmed', 'attended', 'no_show'];
/** A booking is read again this long after its last change, so a change committed late is never missed (reading twice does nothing). */
const OVERLAP_MINUTES = 5;
const PROJECTION = 'bookings';
/** The portal itself voids a statement whose fact the register corrected. */
const PORTAL_AGENT = { id: 'partnership-portal', name: 'Partnership Portal' };

interface BookingRow {
  id: string; partnership_id: string; person_id: string; person_name: string; status: string; created_at: Date; updated_at: Date;
  /** updated_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
  updated_key: string;
  session_id: string; starts_at: Date; course_id: string; course_title: string; duration_minutes: number;
}
interface LiveRow { id: string; booking_id: string; verb: string }

interface Row { partnershipId: string; personId: string; bookingId: string; verb: string; statement: XapiStatement; voids: string | null }

/** A kind of fact turned into statements: read a batch after a cursor, say what to store. */
interface Source {
  name: string;
  read(manager: EntityManager, portal: XapiPortal, after: Cursor, limit: number): Promise<{ rows: Row[]; read: number; last: Cursor & { at: Date } } | null>;
}

interface Cursor { updatedAt: string; id: string }
const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Turns what changed into stored xAPI statements. Bookings: a place held is registered; a mark
 * of attended is attended and completed; a mark corrected away from attended voids those two
 * (and marked attended again, they are given anew under new ids). Feedback: a rating is responded.
 * Idempotent: a statement's id is its fact's, so reading a fact twice adds nothing. One batch at
 * a time across replicas (an advisory lock: the job skips when another run holds it, an export
 * waits), each batch in its own transaction with the point it read up to.
 */
export async function projectXapiStatements(dataSource: DataSource, portal: XapiPortal,
  options: { batchSize?: number; /** Wait for a run under way (an export about to read) rather than leave the work to it (the job). */ wait?: boolean } = {})
  : Promise<number> {
  let stored = 0;
  for (const source of [BOOKINGS, FEEDBACK]) stored += await project(dataSource, portal, source, options.batchSize ?? 2000, options.wait === true);
  return stored;
}

async function project(dataSource: DataSource, portal: XapiPortal, source: Source, batchSize: number, wait: boolean): Promise<number> {
  const [mark] = await dataSource.query('SELECT read_up_to FROM xapi_projection WHERE name = $1', [source.name]);
  // From a little before where the last run stopped, then batch by batch in (time, id) order.
  let after: Cursor = { updatedAt: new Date((mark ? mark.read_up_to.getTime() : 0) - OVERLAP_MINUTES * 60_000).toISOString(), id: NO_ID };
  let stored = 0;
  for (;;) {
    const batch = await dataSource.transaction(async (manager) => {
      if (wait) await manager.query(`SELECT pg_advisory_xact_lock(hashtext('xapi_projection'))`);
      else if (!(await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('xapi_projection')) AS locked`))[0].locked) return null;
      const found = await source.read(manager, portal, after, batchSize);
      if (!found) return null;
      const { rows, last } = found;
      const inserted = rows.length ? await manager.query(`
        INSERT INTO xapi_statement (id, partnership_id, person_id, booking_id, verb, statement, voids_statement_id)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::jsonb[], $7::uuid[])
        ON CONFLICT DO NOTHING RETURNING id`, [
        rows.map((r) => r.statement.id), rows.map((r) => r.partnershipId), rows.map((r) => r.personId), rows.map((r) => r.bookingId),
        rows.map((r) => r.verb), rows.map((r) => JSON.stringify(r.statement)), rows.map((r) => r.voids),
      ]) : [];
      await manager.query(`INSERT INTO xapi_projection (name, read_up_to) VALUES ($1, $2)
        ON CONFLICT (name) DO UPDATE SET read_up_to = greatest(xapi_projection.read_up_to, excluded.read_up_to)`, [source.name, last.at]);
      return { inserted: inserted.length as number, read: found.read, last };
    });
    if (!batch) return stored;
    stored += batch.inserted;
    if (batch.read < batchSize) return stored;
    after = { updatedAt: batch.last.updatedAt, id: batch.last.id };
  }
}

const BOOKINGS: Source = {
  name: PROJECTION,
  async read(manager, portal, after, limit) {
    const bookings: BookingRow[] = await manager.query(`
      SELECT b.id, b.partnership_id, b.person_id, p.name AS person_name, b.status, b.created_at, b.updated_at,
        ${keysetTimestampSql('b.updated_at')} AS updated_key, s.id AS session_id, s.starts_at, c.id AS course_id, c.title AS course_title, c.duration_minutes
      FROM booking b JOIN person p ON p.id = b.person_id JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
      WHERE (b.updated_at, b.id) > ($1::timestamptz, $2::uuid)
      ORDER BY b.updated_at, b.id LIMIT $3`, [after.updatedAt, after.id, limit]);
    if (!bookings.length) return null;

    // What each booking has said and not had voided, and how many of its attendances were voided.
    const live: LiveRow[] = await manager.query(`
      SELECT x.id, x.booking_id, x.verb FROM xapi_statement x
      WHERE x.booking_id = ANY($1::uuid[]) AND x.voids_statement_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM xapi_statement v WHERE v.voids_statement_id = x.id)`, [bookings.map((b) => b.id)]);
    const voidedAttendances: Array<{ booking_id: string; n: number }> = await manager.query(`
      SELECT x.booking_id, count(*)::int AS n FROM xapi_statement x JOIN xapi_statement v ON v.voids_statement_id = x.id
      WHERE x.booking_id = ANY($1::uuid[]) AND x.verb = 'attended' GROUP BY x.booking_id`, [bookings.map((b) => b.id)]);
    const liveByBooking = new Map<string, LiveRow[]>();
    for (const row of live) liveByBooking.set(row.booking_id, [...(liveByBooking.get(row.booking_id) ?? []), row]);
    const revisions = new Map(voidedAttendances.map((r) => [r.booking_id, r.n]));

    const rows: Row[] = [];
    for (const b of bookings) {
      if (!REGISTERED.includes(b.status) && !liveByBooking.has(b.id)) continue;
      const own = { partnershipId: b.partnership_id, personId: b.person_id, bookingId: b.id };
      const attended = b.status === 'attended';
      const wanted = bookingStatements(portal, {
        bookingId: b.id, person: { id: b.person_id, name: b.person_name }, sessionId: b.session_id, sessionStartsAt: b.starts_at,
        courseId: b.course_id, courseTitle: b.course_title, courseMinutes: b.duration_minutes, bookedAt: b.created_at,
        attendedAt: attended ? b.updated_at : null, markRevision: revisions.get(b.id) ?? 0,
      });
      for (const statement of wanted) rows.push({ ...own, verb: verbOf(statement), statement, voids: null });
      // Attended no longer: what said so is voided (registered stands: the place was held).
      if (!attended) {
        for (const said of liveByBooking.get(b.id) ?? []) {
          if (said.verb !== 'attended' && said.verb !== 'completed') continue;
          rows.push({ ...own, verb: 'voided', statement: voidingStatement(portal, said.id, PORTAL_AGENT, b.updated_at), voids: said.id });
        }
      }
    }
    const last = bookings[bookings.length - 1];
    return { rows, read: bookings.length, last: { updatedAt: last.updated_key, id: last.id, at: last.updated_at } };
  },
};

/** Feedback is written once per booking and never changed: each is one responded statement. */
const FEEDBACK: Source = {
  name: 'feedback',
  async read(manager, portal, after, limit) {
    const answers: Array<{ booking_id: string; partnership_id: string; person_id: string; person_name: string; session_id: string;
      course_id: string; course_title: string; rating: number; recommend: number; submitted_at: Date; submitted_key: string }> = await manager.query(`
      SELECT f.booking_id, f.partnership_id, f.person_id, p.name AS person_name, b.session_id, s.course_id, c.title AS course_title,
        f.rating, f.recommend, f.submitted_at, ${keysetTimestampSql('f.submitted_at')} AS submitted_key
      FROM feedback f JOIN person p ON p.id = f.person_id JOIN booking b ON b.id = f.booking_id
        JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
      WHERE (f.submitted_at, f.booking_id) > ($1::timestamptz, $2::uuid)
      ORDER BY f.submitted_at, f.booking_id LIMIT $3`, [after.updatedAt, after.id, limit]);
    if (!answers.length) return null;
    const rows: Row[] = answers.map((a) => ({
      partnershipId: a.partnership_id, personId: a.person_id, bookingId: a.booking_id, verb: 'responded', voids: null,
      statement: ratingStatement(portal, { feedbackId: a.booking_id, rating: a.rating, recommend: a.recommend, submittedAt: a.submitted_at,
        booking: { bookingId: a.booking_id, person: { id: a.person_id, name: a.person_name }, sessionId: a.session_id,
          courseId: a.course_id, courseTitle: a.course_title } }),
    }));
    const last = answers[answers.length - 1];
    return { rows, read: answers.length, last: { updatedAt: last.submitted_key, id: last.booking_id, at: last.submitted_at } };
  },
};

function verbOf(statement: XapiStatement): string {
  return statement.verb.display['en-GB'];
}
