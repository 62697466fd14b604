import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership } from '../support/catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from '../support/people-fixtures';
import { takenRegister } from '../support/evaluation-fixtures';

/**
 * The evaluation report's figures against hand-computed ones, the cells under 5 responses that
 * show counts only, each reader's scope, and the statements it costs.
 */
let portal: RunningPortal;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const REPORT = `query($slug: String!, $filter: EvaluationFilter) { evaluationReport(partnershipSlug: $slug, filter: $filter) {
  scope minimumCellSize
  totals { ...Cell } byCourse { ...Cell } byProvider { ...Cell } byOrganisation { ...Cell } bySector { ...Cell } } }
  fragment Cell on EvaluationCell { key label asked responses responseRate suppressed meanRating netPromoterScore reviewAnswers applyingRate whatWorked whatToImprove }`;
interface Cell { key: string; label: string; asked: number; responses: number; responseRate: number | null; suppressed: boolean;
  meanRating: number | null; netPromoterScore: number | null; reviewAnswers: number; applyingRate: number | null; whatWorked: string[]; whatToImprove: string[] }
interface Report { scope: string; minimumCellSize: number; totals: Cell; byCourse: Cell[]; byProvider: Cell[]; byOrganisation: Cell[]; bySector: Cell[] }
const report = (token: string, filter?: Record<string, unknown>) =>
  portal.graphql<{ evaluationReport: Report }>(REPORT, { slug: 'outcomes', filter: filter ?? null }, { token });

async function role(personId: string, name: string, organisationId: string | null) {
  await portal.dataSource.query('INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, $3, $4)',
    [ids.partnership, personId, name, organisationId]);
  return sessionFor(portal.dataSource, personId);
}
const feedback = (token: string, bookingId: string, rating: number, wouldRecommend: number, whatWorked: string | null = null) =>
  portal.graphql('mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { userErrors { code } } }',
    { input: { bookingId, rating, wouldRecommend, whatWorked, whatToImprove: whatWorked ? 'Longer breaks' : null } }, { token });
const review = (token: string, bookingId: string, applying: boolean) =>
  portal.graphql('mutation($input: RecordImpactReviewInput!) { recordImpactReview(input: $input) { userErrors { code } } }',
    { input: { bookingId, applying, example: 'An example' } }, { token });

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'outcomes');
  ids.partnership = p.id;
  ids.trust = await makeOrganisation(db, p.id, { shortCode: 'TRUST', sector: 'acute_trust' });
  ids.home = await makeOrganisation(db, p.id, { shortCode: 'HOME', sector: 'care_home' });
  ids.pharmacy = await makeOrganisation(db, p.id, { shortCode: 'PHARM', sector: 'pharmacy' });
  ids.falls = await makeCourse(db, p.id, ids.trust, { title: 'Falls Prevention', audience: 'both' });
  ids.meds = await makeCourse(db, p.id, ids.pharmacy, { title: 'Medicines Safety', audience: 'both' });
  const [coordinator, otherCoordinator, steering, lead, learnerRole] = await makeSignedInPeople(db, p.id, 5, { organisationId: ids.trust });
  tokens.trustProvider = await role(coordinator.personId, 'provider_coordinator', ids.trust);
  const [pharmacist] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.pharmacy });
  tokens.pharmacyProvider = await role(pharmacist.personId, 'provider_coordinator', ids.pharmacy);
  tokens.steering = await role(steering.personId, 'steering_group', null);
  tokens.homeLead = await role(lead.personId, 'ld_lead', ids.home);
  tokens.learner = learnerRole.token;
  void otherCoordinator;

  // Falls Prevention: 6 care-home staff attend, 5 answer. Ratings 5 4 4 3 5 (mean 4.2); recommend 10 9 8 6 3:
  // 2 promoters, 1 passive, 2 detractors, NPS 0.
  const home = await makeSignedInPeople(db, p.id, 6, { organisationId: ids.home });
  const [manager] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.home });
  await db.query('UPDATE person SET line_manager_id = $1 WHERE id = ANY($2::uuid[])', [manager.personId, home.map((h) => h.personId)]);
  const falls = await takenRegister(portal, { partnershipId: p.id, courseId: ids.falls, coordinatorToken: tokens.trustProvider, people: home, endedHoursAgo: 48 });
  const answers: Array<[number, number]> = [[5, 10], [4, 9], [4, 8], [3, 6], [5, 3]];
  for (const [i, [rating, recommend]] of answers.entries()) await feedback(home[i].token, falls.attended[i], rating, recommend, `Scenario ${i}`);
  // Impact: three learners answer (applying, applying, not) and the manager for the first (applying): 3 of 4.
  await review(home[0].token, falls.attended[0], true);
  await review(home[1].token, falls.attended[1], true);
  await review(home[2].token, falls.attended[2], false);
  await review(manager.token, falls.attended[0], true);

  // Medicines Safety (the pharmacy provides it): 3 trust staff attend, 2 answer (2 and 3, both 10) — under 5.
  const trustStaff = await makeSignedInPeople(db, p.id, 3, { organisationId: ids.trust });
  const meds = await takenRegister(portal, { partnershipId: p.id, courseId: ids.meds, coordinatorToken: tokens.pharmacyProvider, people: trustStaff, endedHoursAgo: 48 });
  await feedback(trustStaff[0].token, meds.attended[0], 2, 10, 'Pharmacist was great');
  await feedback(trustStaff[1].token, meds.attended[1], 3, 10);
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

it('adds up the partnership for the steering group, by hand-computed figures', async () => {
  const answer = await report(tokens.steering);
  const r = answer.data!.evaluationReport;
  expect(r.scope).toBe('The whole partnership');
  expect(r.minimumCellSize).toBe(5);
  // 9 asked, 7 answered; ratings sum 26 / 7 = 3.714…; 4 promoters, 1 passive, 2 detractors: (4 - 2) / 7 = 28.6 → 29.
  expect(r.totals).toMatchObject({ key: 'total', asked: 9, responses: 7, suppressed: false, meanRating: 3.71, netPromoterScore: 29,
    reviewAnswers: 4, applyingRate: 0.75 });
  expect(r.totals.responseRate).toBeCloseTo(7 / 9, 10);
  const falls = r.byCourse.find((c) => c.label === 'Falls Prevention')!;
  expect(falls).toMatchObject({ key: ids.falls, asked: 6, responses: 5, suppressed: false, meanRating: 4.2, netPromoterScore: 0, applyingRate: 0.75 });
  expect(falls.whatWorked).toHaveLength(5);
  expect(falls.whatToImprove).toEqual(Array(5).fill('Longer breaks'));
  expect(r.byCourse.map((c) => c.label)).toEqual(['Falls Prevention', 'Medicines Safety']);
});

it('shows a cell under 5 responses as counts only: no rating, score or free text', async () => {
  const r = (await report(tokens.steering)).data!.evaluationReport;
  const meds = r.byCourse.find((c) => c.label === 'Medicines Safety')!;
  expect(meds).toEqual({ key: ids.meds, label: 'Medicines Safety', asked: 3, responses: 2, responseRate: 2 / 3, suppressed: true,
    meanRating: null, netPromoterScore: null, reviewAnswers: 0, applyingRate: null, whatWorked: [], whatToImprove: [] });
  expect(r.byOrganisation.map((c) => [c.label.slice(0, 40), c.responses, c.suppressed])).toEqual([
    [expect.any(String), 5, false], [expect.any(String), 2, true]]);
  expect(r.byOrganisation[0].key).toBe(ids.home);
  expect(r.bySector.map((c) => [c.key, c.label, c.responses, c.suppressed])).toEqual([
    ['care_home', 'Independent: care home', 5, false], ['acute_trust', expect.any(String), 2, true]]);
  expect(r.byProvider.map((c) => [c.key, c.responses])).toEqual([[ids.trust, 5], [ids.pharmacy, 2]]);
  // The small course's words appear nowhere, not even in the total, which has 7 responses.
  expect(JSON.stringify(r)).not.toContain('Pharmacist was great');
  expect(r.totals.whatWorked).toHaveLength(5);
});

it('gives a lead their organisation\'s staff and the courses it provides, a provider their own courses, a learner nothing', async () => {
  const lead = (await report(tokens.homeLead)).data!.evaluationReport;
  expect(lead.scope).toBe('Your organisation\'s staff and the courses it provides');
  expect(lead.totals).toMatchObject({ asked: 6, responses: 5 });
  expect(lead.byOrganisation.map((c) => c.key)).toEqual([ids.home]);
  const pharmacy = (await report(tokens.pharmacyProvider)).data!.evaluationReport;
  expect(pharmacy.byCourse.map((c) => c.key)).toEqual([ids.meds]);
  expect(pharmacy.totals).toMatchObject({ responses: 2, suppressed: true, meanRating: null });
  const trust = (await report(tokens.trustProvider)).data!.evaluationReport;
  expect(trust.byCourse.map((c) => c.key)).toEqual([ids.falls]);
  expect((await report(tokens.learner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await portal.graphql(REPORT, { slug: 'outcomes' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

it('narrows by provider and by when sessions ended', async () => {
  const narrowed = await report(tokens.steering, { providerOrganisationId: ids.pharmacy });
  if (!narrowed.data) throw new Error(JSON.stringify(narrowed.errors));
  const byProvider = narrowed.data.evaluationReport;
  expect(byProvider.totals).toMatchObject({ asked: 3, responses: 2 });
  const later = await report(tokens.steering, { from: new Date(Date.now() + 86_400_000).toISOString() });
  if (!later.data) throw new Error(JSON.stringify(later.errors));
  const future = later.data.evaluationReport;
  expect(future.totals).toMatchObject({ asked: 0, responses: 0, responseRate: null, meanRating: null, netPromoterScore: null, suppressed: true });
  expect(future.byCourse).toEqual([]);
  const bad = await report(tokens.steering, { providerOrganisationId: 'nope' });
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('costs the same few statements whoever reads it and however many cells it has', async () => {
  const steering = await report(tokens.steering);
  const lead = await report(tokens.homeLead);
  const narrowed = await report(tokens.steering, { providerOrganisationId: ids.pharmacy });
  console.log(`evaluationReport: ${steering.extensions!.sqlStatements} statements a request`);
  expect(steering.extensions!.sqlStatements).toBeLessThanOrEqual(3);
  expect(lead.extensions!.sqlStatements).toBe(steering.extensions!.sqlStatements);
  expect(narrowed.extensions!.sqlStatements).toBe(steering.extensions!.sqlStatements);
});
