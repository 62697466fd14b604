import type { DataSource } from 'typeorm';
import { isBelowMinimum } from '@portal/domain';
import { recordAudit } from '../audit/audit.service';
import type { NoticeSettings } from '../notifications/booking-notices';
import { sessionLink } from '../notifications/booking-notice-data';
import { queueEmail } from '../notifications/outbox-writer';
import { renderMinimumNumbersNotice } from './minimum-numbers-notice';

/** The client's page of a provider's session (client/src/route-patterns.ts, PROVIDER_PATHS.session). */
export const providerSessionPath = (sessionId: string) => `/provider/sessions/${sessionId}`;

interface DueSession {
  id: string; partnership_id: string; provider_organisation_id: string; course_title: string; starts_at: Date; ends_at: Date;
  minimum_places: number; confirmed: number; requested: number; partnership_name: string; partnership_slug: string; time_zone: string;
}
interface Recipient { person_id: string; name: string; email: string; is_provider: boolean; seats: number | null }

/**
 * At a session's booking close, a session with minimum numbers is looked at once: if fewer places
 * are held than it needs, its provider's coordinators and the L&D leads of the organisations
 * holding allocations on it are emailed. Each session is claimed by a conditional UPDATE of
 * minimum_checked_at in its own transaction with its emails, so any number of concurrent runs
 * (replicas, a retried job) tell each person once; a session that is rescheduled to close later
 * is looked at again then.
 */
export async function noticeSessionsBelowMinimum(dataSource: DataSource, now: Date, settings: NoticeSettings): Promise<{ checked: number; belowMinimum: number; emails: number }> {
  const due: Array<{ id: string }> = await dataSource.query(
    `SELECT id FROM training_session WHERE minimum_places IS NOT NULL AND minimum_checked_at IS NULL AND status = 'scheduled'
       AND booking_closes_at <= $1 ORDER BY booking_closes_at, id LIMIT 500`, [now]);
  const totals = { checked: 0, belowMinimum: 0, emails: 0 };
  for (const { id } of due) {
    await dataSource.transaction(async (manager) => {
      const [session]: DueSession[] = await manager.query(
        `WITH claimed AS (
           UPDATE training_session SET minimum_checked_at = $2
           WHERE id = $1 AND minimum_checked_at IS NULL AND status = 'scheduled' AND booking_closes_at <= $2 RETURNING *
         )
         SELECT s.id, s.partnership_id, c.provider_organisation_id, c.title AS course_title, s.starts_at, s.ends_at, s.minimum_places,
           (SELECT count(*)::int FROM booking b WHERE b.session_id = s.id AND b.status = 'confirmed') AS confirmed,
           (SELECT count(*)::int FROM booking b WHERE b.session_id = s.id AND b.status = 'requested') AS requested,
           p.name AS partnership_name, p.slug AS partnership_slug, p.time_zone
         FROM claimed s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id`, [id, now]);
      if (!session) return;
      totals.checked += 1;
      if (!isBelowMinimum({ minimumPlaces: session.minimum_places, placesHeld: session.confirmed + session.requested })) return;
      totals.belowMinimum += 1;
      const recipients: Recipient[] = await manager.query(
        `SELECT DISTINCT ON (p.id) p.id AS person_id, p.name, p.email, (g.role = 'provider_coordinator') AS is_provider, a.seats
         FROM role_grant g JOIN person p ON p.id = g.person_id AND p.disabled_at IS NULL
         LEFT JOIN seat_allocation a ON a.session_id = $1 AND a.organisation_id = g.organisation_id
         WHERE g.partnership_id = $2 AND ((g.role = 'provider_coordinator' AND g.organisation_id = $3) OR (g.role = 'ld_lead' AND a.id IS NOT NULL))
         ORDER BY p.id, (g.role = 'provider_coordinator') DESC`, [session.id, session.partnership_id, session.provider_organisation_id]);
      for (const r of recipients) {
        const link = r.is_provider ? `${settings.publicUrl}${providerSessionPath(session.id)}`
          : sessionLink({ partnership: { slug: session.partnership_slug }, session: { id: session.id } }, settings);
        const email = renderMinimumNumbersNotice({
          courseTitle: session.course_title, startsAt: new Date(session.starts_at), endsAt: new Date(session.ends_at), timeZone: session.time_zone,
          partnershipName: session.partnership_name, minimumPlaces: session.minimum_places, confirmed: session.confirmed,
          awaitingApproval: session.requested, link, recipient: { name: r.name, isProvider: r.is_provider, organisationSeats: r.seats },
        });
        await queueEmail(manager, { partnershipId: session.partnership_id, personId: r.person_id, kind: 'session_below_minimum',
          to: r.email, subject: email.subject, text: email.text });
      }
      totals.emails += recipients.length;
      await recordAudit(manager, { ipAddress: null, requestId: 'job:session_minimums' }, { partnershipId: session.partnership_id,
        actorPersonId: null, action: 'sessions.below_minimum', subjectType: 'training_session', subjectId: session.id,
        details: { minimumPlaces: session.minimum_places, confirmed: session.confirmed, requested: session.requested, peopleTold: recipients.length } });
    });
  }
  return totals;
}
