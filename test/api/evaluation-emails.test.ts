import type { ParsedMail } from 'mailparser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { makeCourse, makeOrganisation, makePartnership } from '../support/catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from '../support/people-fixtures';
import { takenRegister } from '../support/evaluation-fixtures';

/**
 * The morning-after feedback request and the impact review reminders: queued by the
 * evaluation_emails job, delivered over real SMTP (a catcher in this process), each once per
 * booking (and per side) however many job runners take the job at the same time.
 */
let mail: MailCatcher;
let a: RunningPortal;
let b: RunningPortal;
const ids: Record<string, string> = {};
let staff: Array<{ personId: string; token: string }>;
let manager: { personId: string; token: string };
let attended: string[];

const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
const addressOf = (personId: string) => `person.${personId}@people.example`;
const mailsTo = (personId: string, subject: RegExp) => mail.messages.filter((m) => toOf(m) === addressOf(personId) && subject.test(m.subject ?? ''));
const count = async (sql: string, params: unknown[] = []) => Number((await a.dataSource.query(sql, params))[0].n);

/** Two ticks of the job, taken by the two replicas' runners at once, then the deliveries they queued. */
async function runEvaluationJobsOnBothReplicas() {
  await a.dataSource.query(`SELECT graphile_worker.add_job('evaluation_emails'), graphile_worker.add_job('evaluation_emails')`);
  await Promise.all([a.runDueJobs(), b.runDueJobs()]);
  await Promise.all([a.runDueJobs(), b.runDueJobs()]);
}

beforeAll(async () => {
  mail = await startMailCatcher();
  const config = { smtpUrl: mail.url, publicUrl: 'https://portal.test' };
  a = await startPortal({ template: 'empty', config, jobs: 'off' });
  b = await startPortal({ replicaOf: a, config, jobs: 'off' });
  const db = a.dataSource;
  const p = await makePartnership(db, 'evaluation-mail');
  const provider = await makeOrganisation(db, p.id, { shortCode: 'PROV' });
  const employer = await makeOrganisation(db, p.id, { shortCode: 'EMPL', sector: 'care_home' });
  const course = await makeCourse(db, p.id, provider, { title: 'Dementia Awareness', audience: 'both' });
  staff = await makeSignedInPeople(db, p.id, 4, { organisationId: employer });
  [manager] = await makeSignedInPeople(db, p.id, 1, { organisationId: employer });
  await db.query('UPDATE person SET line_manager_id = $1 WHERE id = ANY($2::uuid[])', [manager.personId, staff.map((s) => s.personId)]);
  const [coordinator] = await makeSignedInPeople(db, p.id, 1, { organisationId: provider });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'provider_coordinator', $3)`,
    [p.id, coordinator.personId, provider]);
  ids.coordinatorToken = await sessionFor(db, coordinator.personId);
  // Ended two days ago: the morning after has come. The last person did not come.
  ({ attended } = await takenRegister(a, { partnershipId: p.id, courseId: course, coordinatorToken: ids.coordinatorToken,
    people: staff, noShows: 1, endedHoursAgo: 48 }));
  // The first learner has already given feedback from My bookings: nobody asks them again.
  await a.graphql('mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { userErrors { code } } }',
    { input: { bookingId: attended[0], rating: 5, wouldRecommend: 10 } }, { token: staff[0].token });
}, 180_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await mail?.stop();
});

it('emails each attended learner one feedback request with a link to the form, once across two job runners', async () => {
  await runEvaluationJobsOnBothReplicas();
  for (const bookingId of attended.slice(1)) {
    const [{ person_id: personId }] = await a.dataSource.query('SELECT person_id FROM booking WHERE id = $1', [bookingId]);
    await mail.waitFor((m) => toOf(m) === addressOf(personId) && /^How was Dementia Awareness\?/.test(m.subject ?? ''));
    const request = mailsTo(personId, /^How was/);
    expect(request).toHaveLength(1);
    expect(request[0].text).toContain(`Give feedback: https://portal.test/bookings/${bookingId}/feedback`);
  }
  expect(mailsTo(staff[0].personId, /^How was/)).toHaveLength(0);
  expect(mailsTo(staff[3].personId, /^How was/)).toHaveLength(0);
  expect(await count(`SELECT count(*) AS n FROM email_outbox WHERE kind = 'feedback_request'`)).toBe(2);

  await runEvaluationJobsOnBothReplicas();
  expect(await count(`SELECT count(*) AS n FROM email_outbox WHERE kind = 'feedback_request'`)).toBe(2);
});

it('reminds the learner and their line manager of a review due and not done, once each', async () => {
  // Due now; the second learner has already recorded theirs.
  await a.dataSource.query(`UPDATE booking_evaluation SET review_due_at = now() - interval '1 minute' WHERE booking_id = ANY($1::uuid[])`, [attended]);
  await a.graphql('mutation($input: RecordImpactReviewInput!) { recordImpactReview(input: $input) { userErrors { code } } }',
    { input: { bookingId: attended[1], applying: true, example: 'I use the life-story approach' } }, { token: staff[1].token });
  await runEvaluationJobsOnBothReplicas();
  await runEvaluationJobsOnBothReplicas();

  const learnersReminded = [staff[0], staff[2]].map((s) => mailsTo(s.personId, /^Impact review due: Dementia Awareness/).length);
  expect(learnersReminded).toEqual([1, 1]);
  expect(mailsTo(staff[1].personId, /^Impact review due/)).toHaveLength(0);
  // The manager: one reminder for each of the three reports who attended.
  await mail.waitFor(() => mailsTo(manager.personId, /^Impact review due/).length === 3);
  const toManager = mailsTo(manager.personId, /^Impact review due/);
  expect(toManager).toHaveLength(3);
  expect(toManager.map((m) => m.text).join('\n')).toContain('https://portal.test/impact-reviews/');
  expect(await count(`SELECT count(*) AS n FROM email_outbox WHERE kind = 'impact_review_due'`)).toBe(5);
  expect(await count('SELECT count(*) AS n FROM email_outbox WHERE sent_at IS NULL')).toBe(0);
});
