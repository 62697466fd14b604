import { addMonths, complianceStatus, complianceToday, daysBetween } from '@portal/domain';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { makeOrganisation, makePartnership } from '../support/catalogue-fixtures';
import { addCompletion, makePerson, requireSubject } from '../support/compliance-fixtures';
import { COMPLIANCE_REMINDERS_TASK } from '../../server/src/jobs/task-list';

/**
 * Mandatory-training reminders through the outbox: 60 and 30 days before a subject expires and
 * once it is overdue, to the person and their line manager, each once per threshold, even with
 * two job runners (two portals' workers over one database) running the job at the same time
 * and again later. Delivered over real SMTP to the catcher.
 */
let mail: MailCatcher;
let a: RunningPortal;
let b: RunningPortal;
const people: Record<string, { id: string; email: string }> = {};

/** A completion date whose 12-month expiry is `days` from today in London (checked against the rule itself). */
function completedFor(days: number): string {
  const today = complianceToday(new Date());
  const target = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const completedOn = addMonths(target, -12);
  const result = complianceStatus({ subject: 'fire-safety', level: null, renewalMonths: 12 }, [{ completedOn, subject: 'fire-safety', level: null }], new Date());
  expect(daysBetween(today, result.expiresOn!)).toBe(days);
  return completedOn;
}

const queueReminderJob = (portal: RunningPortal, key: string) =>
  portal.dataSource.query(`SELECT graphile_worker.add_job($1, '{}'::json, job_key => $2)`, [COMPLIANCE_REMINDERS_TASK, key]);

async function settle(expected: number) {
  const deadline = Date.now() + 20_000;
  while (mail.messages.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  // And nothing more arrives.
  await new Promise((r) => setTimeout(r, 2_500));
}

async function jobsDone() {
  for (let i = 0; i < 100; i += 1) {
    const [{ left }] = await a.dataSource.query(`SELECT count(*)::int AS left FROM graphile_worker.jobs WHERE task_identifier = $1`, [COMPLIANCE_REMINDERS_TASK]);
    if (!left) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the reminder jobs did not finish');
}

beforeAll(async () => {
  mail = await startMailCatcher();
  const config = { dbPoolSize: 20, smtpUrl: mail.url };
  a = await startPortal({ template: 'empty', config, jobs: 'run' });
  b = await startPortal({ replicaOf: a, config, jobs: 'run' });
  const db = a.dataSource;
  const p = await makePartnership(db, 'reminders');
  const home = await makeOrganisation(db, p.id, { name: 'Reminder Care', sector: 'care_home' });
  const provider = await makeOrganisation(db, p.id, { name: 'Reminder College' });
  const add = async (name: string, lineManagerId: string | null = null) => {
    const email = `${name.toLowerCase()}@reminders.example`;
    people[name] = { id: await makePerson(db, p.id, home, { name, email, lineManagerId }), email };
  };
  await add('Manager');
  for (const name of ['Sixty', 'Thirty']) await add(name, people.Manager.id);
  for (const name of ['Overdue', 'Fine', 'Never']) await add(name);
  await requireSubject(db, p.id, home, 'fire-safety');
  const done = (who: string, days: number) => addCompletion(db, p.id, people[who].id,
    { subjectCode: 'fire-safety', completedOn: completedFor(days), fromOrganisationId: home, providerId: provider });
  await done('Manager', 300);
  await done('Sixty', 45);
  await done('Thirty', 10);
  await done('Overdue', -5);
  await done('Fine', 200);
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await mail?.stop();
});

it('sends each reminder once, to the person and their manager, though two runners run the job together and again', async () => {
  await Promise.all([queueReminderJob(a, 'first-a'), queueReminderJob(b, 'first-b')]);
  await settle(5);
  const sent = mail.messages.map((m) => `${(m.to as { text: string }).text} | ${m.subject}`).sort();
  expect(sent).toEqual([
    'manager@reminders.example | Sixty: Fire safety expires within 60 days',
    'manager@reminders.example | Thirty: Fire safety expires within 30 days',
    'overdue@reminders.example | Overdue: Fire safety',
    'sixty@reminders.example | Fire safety expires within 60 days',
    'thirty@reminders.example | Fire safety expires within 30 days',
  ]);
  expect(mail.messages.find((m) => m.subject === 'Overdue: Fire safety')!.text).toContain('is now overdue');
  const [{ n }] = await a.dataSource.query('SELECT count(*)::int AS n FROM compliance_reminder');
  expect(n).toBe(3);
  // Both runners ran the job (two jobs, both done), yet nothing was sent twice.
  const [{ left }] = await a.dataSource.query(`SELECT count(*)::int AS left FROM graphile_worker.jobs WHERE task_identifier = $1`, [COMPLIANCE_REMINDERS_TASK]);
  expect(left).toBe(0);

  await Promise.all([queueReminderJob(a, 'second-a'), queueReminderJob(b, 'second-b')]);
  await jobsDone();
  await settle(5);
  expect(mail.messages).toHaveLength(5);
}, 60_000);

it('reminds again after a renewal, at the new expiry\'s threshold', async () => {
  const db = a.dataSource;
  const [{ partnership_id: partnershipId, organisation_id: home }] = await db.query('SELECT partnership_id, organisation_id FROM person WHERE id = $1', [people.Sixty.id]);
  const [{ id: provider }] = await db.query(`SELECT id FROM organisation WHERE name = 'Reminder College'`);
  // Overdue renews, but only for 12 months from a date that leaves 20 days: a new expiry, the 30-day band.
  await addCompletion(db, partnershipId, people.Overdue.id, { subjectCode: 'fire-safety', completedOn: completedFor(20), fromOrganisationId: home, providerId: provider });
  await queueReminderJob(a, 'third');
  await settle(6);
  expect(mail.messages.map((m) => m.subject)).toContain('Fire safety expires within 30 days');
  expect(mail.messages.filter((m) => (m.to as { text: string }).text === 'overdue@reminders.example')).toHaveLength(2);
}, 60_000);
