import { startPortal, type RunningPortal } from '../support/start-portal';

/** The demo's evaluation: consistent with its registers, a realistic response rate, cells over and under 5, reviews due and done. */
let portal: RunningPortal;
const count = async (sql: string) => Number((await portal.dataSource.query(sql))[0].n);

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

it('schedules every attended place and nothing else, and has feedback only on attended places', async () => {
  expect(await count(`SELECT count(*) AS n FROM booking b LEFT JOIN booking_evaluation be ON be.booking_id = b.id
    WHERE (b.status = 'attended') <> (be.booking_id IS NOT NULL)`)).toBe(0);
  expect(await count(`SELECT count(*) AS n FROM feedback f JOIN booking b ON b.id = f.booking_id
    WHERE b.status <> 'attended' OR f.person_id <> b.person_id`)).toBe(0);
  // Nothing old waits to be emailed when the demo starts.
  expect(await count(`SELECT count(*) AS n FROM booking_evaluation WHERE feedback_due_at <= now() AND feedback_requested_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.booking_id = booking_evaluation.booking_id)`)).toBeLessThan(50);
});

it('reports a realistic response rate with cells over and under 5 responses, and impact reviews due and done', async () => {
  const token = await portal.signIn('steering@demo.portal');
  const answer = await portal.graphql<{ evaluationReport: { totals: { responses: number; responseRate: number; netPromoterScore: number; applyingRate: number };
    byCourse: Array<{ responses: number; suppressed: boolean; whatWorked: string[] }> } }>(
    `{ evaluationReport(partnershipSlug: "greater-peterborough") { totals { responses responseRate netPromoterScore applyingRate }
       byCourse { responses suppressed whatWorked } } }`, {}, { token });
  const { totals, byCourse } = answer.data!.evaluationReport;
  expect(totals.responses).toBeGreaterThan(100);
  expect(totals.responseRate).toBeGreaterThan(0.5);
  expect(totals.responseRate).toBeLessThan(0.8);
  expect(totals.netPromoterScore).toBeGreaterThan(-100);
  expect(totals.applyingRate).toBeGreaterThan(0.5);
  expect(byCourse.some((c) => !c.suppressed && c.whatWorked.length > 0)).toBe(true);
  expect(byCourse.some((c) => c.suppressed && c.responses > 0)).toBe(true);
  expect(await count('SELECT count(*) AS n FROM booking_evaluation WHERE learner_reviewed_at IS NOT NULL')).toBeGreaterThan(0);
  expect(await count('SELECT count(*) AS n FROM booking_evaluation WHERE manager_reviewed_at IS NOT NULL')).toBeGreaterThan(0);
  expect(await count(`SELECT count(*) AS n FROM booking_evaluation WHERE review_due_at > now()`)).toBeGreaterThan(0);
  console.log(`demo evaluation: ${totals.responses} responses, rate ${Math.round(totals.responseRate * 100)} %, NPS ${totals.netPromoterScore}, `
    + `${byCourse.filter((c) => !c.suppressed).length} of ${byCourse.length} course cells shown`);
});
