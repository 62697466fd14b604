import type { RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, oneRow, startAccessPortal, type AccessActor } from '../support/access-actors';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';
import { makeSession } from '../support/catalogue-fixtures';

/**
 * Who gives feedback, records impact reviews and reads evaluation: every operation of the
 * evaluation module, as the nine callers of the access matrix, against objects of the caller's
 * own partnership and of another. Default deny; a booking that is not the caller's to answer for
 * is answered as unknown.
 */
const ACTORS = ACCESS_ACTORS;
type Actor = AccessActor;

let portal: RunningPortal;
const tokens: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};

const one = <T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> => oneRow<T>(portal, sql, params);

beforeAll(async () => {
  const setup = await startAccessPortal();
  portal = setup.portal;
  Object.assign(tokens, setup.tokens);
  const { gp, fen, otherAdmin } = setup;

  const learner = await one(`SELECT id FROM person WHERE email = 'learner@demo.portal'`);
  const fenlandPerson = await one(`SELECT id FROM person WHERE partnership_id = $1 AND kind = 'staff' AND id <> $2
    AND organisation_id IS NOT NULL ORDER BY email LIMIT 1`, [fen.id, otherAdmin.id]);
  Object.assign(ids, { 'own.partnership': gp.id, 'own.slug': gp.slug, 'own.person': learner.id,
    'other.partnership': fen.id, 'other.slug': fen.slug, 'other.person': fenlandPerson.id });
  for (const tenant of ['own', 'other'] as const) {
    ids[`${tenant}.course`] = (await one('SELECT id FROM course WHERE partnership_id = $1 ORDER BY title LIMIT 1', [ids[`${tenant}.partnership`]])).id;
  }
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

/** A fresh attended place, on a session of its own three days ago: the learner's in our partnership, a member's in the other. */
async function attendedBooking(tenant: Tenant): Promise<string> {
  const partnershipId = ids[`${tenant}.partnership`];
  const sessionId = await makeSession(portal.dataSource, partnershipId, ids[`${tenant}.course`], { startsInDays: -3, status: 'completed' });
  return (await one(`INSERT INTO booking (partnership_id, session_id, person_id, status) VALUES ($1, $2, $3, 'attended') RETURNING id`,
    [partnershipId, sessionId, ids[`${tenant}.person`]])).id;
}

const call = (query: string, variables: Record<string, unknown>, token: string | undefined) =>
  portal.graphql<Record<string, unknown>>(query, variables, { token });
const SUBMIT = 'mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedback { bookingId } userErrors { field code } } }';
const REVIEW = 'mutation($input: RecordImpactReviewInput!) { recordImpactReview(input: $input) { impactReview { bookingId viewerRole } userErrors { field code } } }';

const isMember = (actor: Actor, tenant: Tenant) => actor !== 'anonymous' && ((tenant === 'own') === (actor !== 'otherAdmin'));
/** A booking: those allowed may answer for it; for every other member it is unknown, as for non-members. */
const onBooking = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return allowed.includes(actor) && tenant === 'own' ? 'allow' : 'hidden';
};
const asCaller = (allowed: readonly Actor[]) => (actor: Actor): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const inPartnership = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!isMember(actor, tenant)) return 'hidden';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const EVERYONE_SIGNED_IN: readonly Actor[] = ['volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin', 'otherAdmin'];

type Operation = AccessOperation<Actor>;
const OPERATIONS: Operation[] = [
  { name: 'submitFeedback', tenants: ['own', 'other'], pick: (d) => d.submitFeedback, expected: onBooking(['learner']),
    run: async (t, tenant) => call(SUBMIT, { input: { bookingId: await attendedBooking(tenant), rating: 4, wouldRecommend: 9 } }, t) },
  { name: 'recordImpactReview', tenants: ['own', 'other'], pick: (d) => d.recordImpactReview, expected: onBooking(['learner', 'manager']),
    run: async (t, tenant) => call(REVIEW, { input: { bookingId: await attendedBooking(tenant), applying: true, example: 'Access matrix' } }, t) },
  { name: 'bookingEvaluation', tenants: ['own', 'other'], pick: (d) => d.bookingEvaluation, expected: onBooking(['learner', 'manager']),
    run: async (t, tenant) => call('query($id: ID!) { bookingEvaluation(bookingId: $id) { bookingId canGiveFeedback impactReview { viewerRole } } }',
      { id: await attendedBooking(tenant) }, t) },
  { name: 'impactReviewsToRecord', tenants: ['own'], pick: (d) => d.impactReviewsToRecord, expected: asCaller(EVERYONE_SIGNED_IN), readOnly: true,
    run: (t) => call('{ impactReviewsToRecord { bookingId viewerRole } }', {}, t) },
  { name: 'evaluationReport', tenants: ['own', 'other'], pick: (d) => d.evaluationReport, readOnly: true,
    expected: inPartnership(['lead', 'provider', 'steering', 'admin', 'otherAdmin']),
    run: (t, tenant) => call('query($slug: String!) { evaluationReport(partnershipSlug: $slug) { scope totals { responses netPromoterScore } byCourse { key } } }',
      { slug: ids[`${tenant}.slug`] }, t) },
];

it('lets each caller give feedback, record reviews and read reports exactly as product.md gives them, in their own partnership only', async () => {
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { strictUserErrors: true, concurrency: 4 });
  console.log(`evaluation access: ${OPERATIONS.length} operations × ${ACTORS.length} callers × tenants = ${cells} cells, ${allows} allowed`);
  expect(unexpected).toEqual([]);
  expect(allows).toBeGreaterThan(0);
}, 300_000);

it('gives each reader the scope of their role: the whole partnership, or their organisation\'s part of it', async () => {
  const SCOPE = 'query($slug: String!) { evaluationReport(partnershipSlug: $slug) { scope totals { asked } } }';
  const scope = async (actor: Actor) => ((await call(SCOPE, { slug: ids['own.slug'] }, tokens[actor])).data!.evaluationReport as { scope: string; totals: { asked: number } });
  expect((await scope('steering')).scope).toBe('The whole partnership');
  expect((await scope('admin')).scope).toBe('The whole partnership');
  expect((await scope('lead')).scope).toBe('Your organisation\'s staff and the courses it provides');
  expect((await scope('provider')).scope).toBe('The courses your organisation provides');
  expect((await scope('lead')).totals.asked).toBeLessThanOrEqual((await scope('steering')).totals.asked);
});
