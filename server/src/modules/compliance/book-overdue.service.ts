import type { DataSource } from 'typeorm';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import type { RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { BookingService } from '../bookings/booking.service';
import { waitlistPositionOfSql } from '../bookings/waitlist-position.sql';
import type { NoticeSettings } from '../notifications/booking-notices';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { userError } from './compliance.errors';
import { OverdueBookingOutcome } from './compliance.enums';
import type { BookOverdueInput } from './compliance.inputs';
import { requireBookingOverdue } from './compliance.policy';

export interface OverdueBookingValue {
  personId: string;
  name: string;
  outcome: OverdueBookingOutcome;
  session: TrainingSessionEntity | null;
  bookingId: string | null;
  waitlistPosition: number | null;
  message: string | null;
  code: string | null;
}

/**
 * Journey 8's one step: the people a lead picked from the matrix, booked onto the next suitable
 * upcoming session of the subject (its level or higher, scheduled, booking open, one the
 * organisation may see), each through BookingService.book exactly as bookSession books on
 * behalf, in its own transaction: one person's refusal (funds, a place already held) never
 * undoes another's booking, and each says what happened. Unknown people (of another
 * organisation or partnership) are refused before anyone is booked.
 */
export class BookOverdueService {
  constructor(private readonly dataSource: DataSource, private readonly notices: NoticeSettings) {}

  async book(viewer: Viewer, input: BookOverdueInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<{ results: OverdueBookingValue[]; userErrors: UserError[] }> {
    const errors: UserError[] = [];
    const organisationId = !refusedField(inputProblems, 'organisationId') && isUuid(input.organisationId) ? input.organisationId : null;
    const subjectCode = refusedField(inputProblems, 'subjectCode') ? null : input.subjectCode.trim();
    const personIds = refusedField(inputProblems, 'personIds') ? [] : [...new Set(input.personIds)];
    const sessionId = input.sessionId && !refusedField(inputProblems, 'sessionId') ? input.sessionId : null;
    const [found] = await this.dataSource.query(
      `WITH subject AS (SELECT subject, coalesce(level, 1) AS level FROM mandatory_subject WHERE code = $3)
       SELECT (SELECT json_build_object('id', id, 'partnership_id', partnership_id) FROM organisation WHERE id = $1 AND partnership_id = $2) AS organisation,
         EXISTS (SELECT 1 FROM subject) AS subject_known,
         (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name)), '[]') FROM person p
           WHERE p.id = ANY($4::uuid[]) AND p.partnership_id = $2 AND p.organisation_id = $1 AND p.disabled_at IS NULL) AS people,
         (SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id JOIN mandatory_subject m ON m.code = c.mandatory_subject
           JOIN subject ON subject.subject = m.subject AND coalesce(m.level, 1) >= subject.level
           WHERE s.partnership_id = $2 AND s.status = 'scheduled' AND s.starts_at > $5 AND s.booking_closes_at > $5
             AND (c.visibility <> 'organisation' OR c.visibility_organisation_id = $1)
             AND ($6::uuid IS NULL OR s.id = $6)
           ORDER BY s.starts_at, s.id LIMIT 1) AS session_id`,
      [organisationId, viewer.partnershipId, subjectCode, personIds.filter(isUuid), now, sessionId]);
    if (!refusedField(inputProblems, 'organisationId')) {
      if (!found.organisation) errors.push(userError(['input', 'organisationId'], 'There is no such organisation in your partnership', 'NOT_FOUND'));
      else requireBookingOverdue(viewer, { id: found.organisation.id, partnershipId: found.organisation.partnership_id });
    }
    if (subjectCode !== null && !found.subject_known) errors.push(userError(['input', 'subjectCode'], 'Choose a mandatory subject from the list', 'NOT_FOUND'));
    const people = new Map<string, string>((found.people as Array<{ id: string; name: string }>).map((p) => [p.id, p.name]));
    if (found.organisation && !refusedField(inputProblems, 'personIds')) {
      personIds.forEach((id, index) => {
        if (!people.has(id)) errors.push(userError(['input', 'personIds', String(index)], 'There is no such person in this organisation', 'NOT_FOUND'));
      });
    }
    if (found.organisation && found.subject_known && !found.session_id && !refusedField(inputProblems, 'sessionId')) {
      errors.push(userError([...(sessionId ? ['input', 'sessionId'] : ['input', 'subjectCode'])],
        sessionId ? 'That session is not an upcoming session of this subject you can book' : 'There is no upcoming session of this subject open for booking', 'NO_SESSION'));
    }
    const userErrors = withInputErrors(inputProblems, errors);
    if (userErrors.length) return { results: [], userErrors };

    const bookings = new BookingService(this.dataSource, this.notices);
    const results: OverdueBookingValue[] = [];
    for (const personId of personIds) {
      const answer = await bookings.book(viewer, {
        sessionId: found.session_id, personId,
        idempotencyKey: input.idempotencyKey ? `${input.idempotencyKey}:${personId}` : undefined,
      }, origin, now);
      const base = { personId, name: people.get(personId)!, session: null, bookingId: null, waitlistPosition: null, message: null, code: null };
      if (answer.booking) {
        results.push({ ...base, bookingId: answer.booking.id, outcome: outcomeOf(answer.booking.status) });
      } else {
        const [first] = answer.userErrors;
        results.push({ ...base, outcome: OverdueBookingOutcome.REFUSED, message: first?.message ?? 'Not booked', code: first?.code ?? null });
      }
    }
    const booked = results.flatMap((r) => (r.bookingId ? [r.bookingId] : []));
    const [extra] = await this.dataSource.query(
      `SELECT (SELECT coalesce(json_object_agg(b.id, ${waitlistPositionOfSql('b')}), '{}') FROM booking b
         WHERE b.id = ANY($1::uuid[]) AND b.status = 'waitlisted') AS positions`, [booked]);
    const session = await this.dataSource.getRepository(TrainingSessionEntity).findOneBy({ id: found.session_id });
    for (const result of results) {
      result.session = session;
      if (result.bookingId) result.waitlistPosition = extra.positions[result.bookingId] ?? null;
    }
    return { results, userErrors: [] };
  }
}

function outcomeOf(status: string): OverdueBookingOutcome {
  if (status === 'confirmed') return OverdueBookingOutcome.CONFIRMED;
  if (status === 'requested') return OverdueBookingOutcome.REQUESTED;
  if (status === 'waitlisted') return OverdueBookingOutcome.WAITLISTED;
  return OverdueBookingOutcome.REFUSED;
}
