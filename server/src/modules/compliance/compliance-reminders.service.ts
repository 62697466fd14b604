import type { DataSource } from 'typeorm';
import { reminderThreshold, type ReminderThreshold } from '@portal/domain';
import type { NoticeSettings } from '../notifications/booking-notice-data';
import { queueEmails } from '../notifications/outbox-writer';
import { complianceRules, peopleWithCompletions } from './compliance-facts.queries';
import { buildComplianceMatrix } from './compliance-matrix';

const TIME_ZONE = 'Europe/London';
export const COMPLIANCE_REMINDER_KIND = 'compliance_reminder';

interface Due { personId: string; subjectCode: string; expiresOn: string; threshold: ReminderThreshold }

const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  .format(new Date(`${iso}T00:00:00Z`));

function wording(threshold: ReminderThreshold, subject: string, expiresOn: string): { headline: string; subjectLine: string } {
  if (threshold === 'overdue') {
    return { headline: `${subject} training expired on ${longDate(expiresOn)} and is now overdue.`, subjectLine: `Overdue: ${subject}` };
  }
  const days = threshold === '60_days' ? 60 : 30;
  return { headline: `${subject} training expires on ${longDate(expiresOn)}, within ${days} days.`, subjectLine: `${subject} expires within ${days} days` };
}

/**
 * Emails the person, and their line manager, 60 and 30 days before a required subject expires and
 * once it is overdue: one email each per threshold and expiry (a renewal starts again). Each
 * reminder is claimed by inserting its compliance_reminder row (ON CONFLICT DO NOTHING) in the
 * transaction that queues its emails through the outbox, so two runs at once, on two replicas,
 * send it once: the second waits for the first's row and finds it taken. A person first seen well
 * inside a band gets that band's reminder only, not the ones before it.
 */
export async function sendComplianceReminders(dataSource: DataSource, now: Date, notices: NoticeSettings): Promise<{ reminders: number; emails: number }> {
  const partnerships: Array<{ id: string; slug: string }> = await dataSource.query('SELECT id, slug FROM partnership ORDER BY id');
  let reminders = 0;
  let emails = 0;
  for (const partnership of partnerships) {
    const manager = dataSource.manager;
    const people = await peopleWithCompletions(manager, { kind: 'partnership', partnershipId: partnership.id });
    if (!people.length) continue;
    const organisations = [...new Set(people.map((p) => p.organisationId!))];
    const rules = await complianceRules(manager, partnership.id, organisations);
    const due: Due[] = [];
    for (const row of buildComplianceMatrix(people, rules, now, TIME_ZONE).rows) {
      for (const cell of row.cells) {
        const threshold = reminderThreshold(cell);
        if (threshold && cell.expiresOn) due.push({ personId: row.person.id, subjectCode: cell.subjectCode, expiresOn: cell.expiresOn, threshold });
      }
    }
    if (!due.length) continue;
    const byId = new Map(people.map((p) => [p.id, p]));
    const subjects = new Map(rules.subjects.map((s) => [s.code, s.name]));
    const sent = await dataSource.transaction(async (tx) => {
      const claimed: Array<{ person_id: string; subject_code: string; expires_on: string; threshold: ReminderThreshold; manager_email: string | null;
        manager_id: string | null }> = await tx.query(
        `WITH claimed AS (
           INSERT INTO compliance_reminder (partnership_id, person_id, subject_code, expires_on, threshold)
           SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::date[], $5::text[])
           ON CONFLICT DO NOTHING
           RETURNING person_id, subject_code, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, threshold)
         SELECT c.*, m.id AS manager_id, m.email AS manager_email
         FROM claimed c JOIN person p ON p.id = c.person_id LEFT JOIN person m ON m.id = p.line_manager_id AND m.disabled_at IS NULL`,
        [partnership.id, due.map((d) => d.personId), due.map((d) => d.subjectCode), due.map((d) => d.expiresOn), due.map((d) => d.threshold)]);
      const link = `${notices.publicUrl}/p/${partnership.slug}/find-training`;
      const items = claimed.flatMap((c) => {
        const person = byId.get(c.person_id)!;
        const { headline, subjectLine } = wording(c.threshold, subjects.get(c.subject_code) ?? c.subject_code, c.expires_on);
        const own = { personId: person.id, to: person.email, subject: subjectLine,
          text: `Hello ${person.name},\n\nYour ${headline}\n\nFind a session and book it: ${link}\n` };
        const forManager = c.manager_id && c.manager_email ? [{ personId: c.manager_id, to: c.manager_email, subject: `${person.name}: ${subjectLine}`,
          text: `Hello,\n\n${person.name}'s ${headline}\n\nYou are told because you are their line manager. Sessions: ${link}\n` }] : [];
        return [own, ...forManager];
      });
      await queueEmails(tx, { partnershipId: partnership.id, kind: COMPLIANCE_REMINDER_KIND, items });
      return { reminders: claimed.length, emails: items.length };
    });
    reminders += sent.reminders;
    emails += sent.emails;
  }
  return { reminders, emails };
}
