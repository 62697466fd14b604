import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from '../support/people-fixtures';
import { takenRegister } from '../support/evaluation-fixtures';

/**
 * Feedback (level 1) and impact reviews (level 3) through the API: scheduled by the register,
 * given once by the booked person on an attended booking, and every bad answer a field-level
 * error with nothing written.
 */
let portal: RunningPortal;
const ids: Record<string, string> = {};
let staff: Array<{ personId: string; token: string }>;
let manager: { personId: string; token: string };
let outsider: { personId: string; token: string };
let attended: string[];
let noShows: string[];

const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) {
  feedback { bookingId rating wouldRecommend whatWorked whatToImprove } userErrors { field code message } } }`;
const REVIEW = `mutation($input: RecordImpactReviewInput!) { recordImpactReview(input: $input) {
  impactReview { bookingId viewerRole learner { applying example } manager { applying example } } userErrors { field code message } } }`;
type SubmitData = { submitFeedback: { feedback: Record<string, unknown> | null; userErrors: Array<{ field: string[]; code: string; message: string }> } };
type ReviewData = { recordImpactReview: { impactReview: Record<string, unknown> | null; userErrors: Array<{ field: string[]; code: string }> } };

const count = async (sql: string, params: unknown[] = []) => Number((await portal.dataSource.query(sql, params))[0].n);
const feedbackRows = () => count('SELECT count(*) AS n FROM feedback');
const submit = (token: string | undefined, input: Record<string, unknown>) => portal.graphql<SubmitData>(SUBMIT, { input }, { token });
const good = (bookingId: string) => ({ bookingId, rating: 4, wouldRecommend: 9, whatWorked: 'The practical scenarios', whatToImprove: 'More time for questions' });

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'feedback');
  ids.partnership = p.id;
  ids.provider = await makeOrganisation(db, p.id, { shortCode: 'PROV' });
  ids.employer = await makeOrganisation(db, p.id, { shortCode: 'EMPL', sector: 'care_home' });
  ids.course = await makeCourse(db, p.id, ids.provider, { title: 'Falls Prevention', audience: 'both' });
  staff = await makeSignedInPeople(db, p.id, 6, { organisationId: ids.employer });
  [manager, outsider] = await makeSignedInPeople(db, p.id, 2, { organisationId: ids.employer });
  await db.query(`UPDATE person SET line_manager_id = $1 WHERE id = ANY($2::uuid[])`, [manager.personId, staff.map((s) => s.personId)]);
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'line_manager', $3)`,
    [p.id, manager.personId, ids.employer]);
  const [coordinator] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.provider });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'provider_coordinator', $3)`,
    [p.id, coordinator.personId, ids.provider]);
  ids.coordinatorToken = await sessionFor(db, coordinator.personId);
  ({ attended, noShows } = await takenRegister(portal, { partnershipId: p.id, courseId: ids.course, coordinatorToken: ids.coordinatorToken,
    people: staff, noShows: 1 }));

  // Another partnership's attended booking.
  const other = await makePartnership(db, 'feedback-other');
  const otherProvider = await makeOrganisation(db, other.id, { shortCode: 'OPRV' });
  const otherCourse = await makeCourse(db, other.id, otherProvider, { title: 'Other Course', audience: 'both' });
  const [otherPerson] = await makeSignedInPeople(db, other.id, 1, { organisationId: otherProvider });
  const otherSession = await makeSession(db, other.id, otherCourse, { startsInDays: -2 });
  ids.otherBooking = (await db.query(`INSERT INTO booking (partnership_id, session_id, person_id, status) VALUES ($1, $2, $3, 'attended') RETURNING id`,
    [other.id, otherSession, otherPerson.personId]))[0].id;
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('the register schedules evaluation', () => {
  it('asks for feedback at 08:00 London time the morning after and schedules the review six weeks on, for attended places only', async () => {
    const rows = await portal.dataSource.query(
      `SELECT be.booking_id,
         to_char(be.feedback_due_at AT TIME ZONE 'Europe/London', 'HH24:MI') AS due_time,
         (be.feedback_due_at AT TIME ZONE 'Europe/London')::date - (s.ends_at AT TIME ZONE 'Europe/London')::date AS days_after,
         be.review_due_at - s.ends_at AS review_after, be.manager_person_id
       FROM booking_evaluation be JOIN booking b ON b.id = be.booking_id JOIN training_session s ON s.id = b.session_id
       WHERE be.booking_id = ANY($1::uuid[])`, [[...attended, ...noShows]]);
    expect(rows.map((r: { booking_id: string }) => r.booking_id).sort()).toEqual([...attended].sort());
    for (const row of rows) {
      expect(row.due_time).toBe('08:00');
      expect(row.days_after).toBe(1);
      expect(row.review_after).toMatchObject({ days: 42 });
      expect(row.manager_person_id).toBe(manager.personId);
    }
  });

  it('takes the course\'s own 1 to 3 months, set through updateCourse, and refuses any other number', async () => {
    const UPDATE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { course { id impactReviewMonths } userErrors { field code } } }`;
    for (const months of [0, 4]) {
      const refused = await portal.graphql<{ updateCourse: { course: unknown; userErrors: Array<{ field: string[] }> } }>(UPDATE,
        { input: { courseId: ids.course, impactReviewMonths: months } }, { token: ids.coordinatorToken });
      expect(refused.data!.updateCourse.course).toBeNull();
      expect(refused.data!.updateCourse.userErrors.map((e) => e.field)).toEqual([['input', 'impactReviewMonths']]);
    }
    const set = await portal.graphql<{ updateCourse: { course: { impactReviewMonths: number } } }>(UPDATE,
      { input: { courseId: ids.course, impactReviewMonths: 2 } }, { token: ids.coordinatorToken });
    expect(set.data!.updateCourse.course.impactReviewMonths).toBe(2);
    const [learner] = await makeSignedInPeople(portal.dataSource, ids.partnership, 1, { organisationId: ids.employer });
    const later = await takenRegister(portal, { partnershipId: ids.partnership, courseId: ids.course, coordinatorToken: ids.coordinatorToken, people: [learner] });
    const [row] = await portal.dataSource.query(`SELECT be.review_due_at = s.ends_at + interval '2 months' AS two_months
      FROM booking_evaluation be JOIN booking b ON b.id = be.booking_id JOIN training_session s ON s.id = b.session_id WHERE be.booking_id = $1`,
    [later.attended[0]]);
    expect(row.two_months).toBe(true);
    await portal.graphql(UPDATE, { input: { courseId: ids.course, impactReviewMonths: null } }, { token: ids.coordinatorToken });
  });
});

describe('submitFeedback', () => {
  it('takes the booked person\'s feedback once; a second time and a replay are refused and change nothing', async () => {
    const first = await submit(staff[0].token, good(attended[0]));
    expect(first.data!.submitFeedback).toEqual({ userErrors: [], feedback: { bookingId: attended[0], rating: 4, wouldRecommend: 9,
      whatWorked: 'The practical scenarios', whatToImprove: 'More time for questions' } });
    const again = await submit(staff[0].token, { ...good(attended[0]), rating: 1 });
    expect(again.data!.submitFeedback).toEqual({ feedback: null, userErrors: [
      { field: ['input', 'bookingId'], code: 'ALREADY_GIVEN', message: 'You have already given feedback on this course' }] });
    expect((await portal.dataSource.query('SELECT rating FROM feedback WHERE booking_id = $1', [attended[0]]))[0].rating).toBe(4);

    // The same request sent twice at once: one is taken, the other refused.
    const before = await feedbackRows();
    const both = await Promise.all([submit(staff[1].token, good(attended[1])), submit(staff[1].token, good(attended[1]))]);
    expect(both.map((r) => r.data!.submitFeedback.userErrors.map((e) => e.code)).sort()).toEqual([[], ['ALREADY_GIVEN']]);
    expect(await feedbackRows()).toBe(before + 1);
  });

  it('refuses a session not attended: a no-show, and a place on a session still to come', async () => {
    const before = await feedbackRows();
    const noShow = await submit(staff[5].token, good(noShows[0]));
    expect(noShow.data!.submitFeedback.userErrors).toEqual([expect.objectContaining({ field: ['input', 'bookingId'], code: 'NOT_ATTENDED' })]);
    const future = await makeSession(portal.dataSource, ids.partnership, ids.course, { startsInDays: 20 });
    const booked = await portal.graphql<{ bookSession: { booking: { id: string } } }>(
      'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } } }', { input: { sessionId: future } }, { token: staff[5].token });
    const upcoming = await submit(staff[5].token, good(booked.data!.bookSession.booking.id));
    expect(upcoming.data!.submitFeedback.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ATTENDED' })]);
    expect(await feedbackRows()).toBe(before);
  });

  it('answers every bad field at once, writing nothing', async () => {
    const before = await feedbackRows();
    const cases: Array<[Record<string, unknown>, Array<[string, string]>]> = [
      [{ rating: 0, wouldRecommend: 11 }, [['rating', 'OUT_OF_RANGE'], ['wouldRecommend', 'OUT_OF_RANGE']]],
      [{ rating: 6, wouldRecommend: -1 }, [['rating', 'OUT_OF_RANGE'], ['wouldRecommend', 'OUT_OF_RANGE']]],
      [{ rating: 4.5, wouldRecommend: 8.5 }, [['rating', 'NOT_WHOLE'], ['wouldRecommend', 'NOT_WHOLE']]],
      [{ whatWorked: 'x'.repeat(2001), whatToImprove: 'y'.repeat(2001) }, [['whatWorked', 'TOO_LONG'], ['whatToImprove', 'TOO_LONG']]],
      [{ whatWorked: 'x'.repeat(200_000) }, [['whatWorked', 'INVALID']]],
      [{ bookingId: 'not-a-booking', rating: 9 }, [['bookingId', 'INVALID'], ['rating', 'OUT_OF_RANGE']]],
    ];
    for (const [change, expected] of cases) {
      const answer = await submit(staff[2].token, { ...good(attended[2]), ...change });
      expect(answer.data!.submitFeedback.feedback).toBeNull();
      expect(answer.data!.submitFeedback.userErrors.map((e) => [e.field.at(-1), e.code])).toEqual(expected);
    }
    // A wrong type is refused before any resolver runs.
    const wrongType = await submit(staff[2].token, { ...good(attended[2]), rating: 'five' });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await feedbackRows()).toBe(before);
  });

  it('answers another person\'s booking and another partnership\'s as unknown, and signed out as UNAUTHENTICATED', async () => {
    const before = await feedbackRows();
    for (const [token, bookingId] of [[outsider.token, attended[3]], [manager.token, attended[3]], [staff[3].token, ids.otherBooking]] as const) {
      const answer = await submit(token, good(bookingId));
      expect(answer.data!.submitFeedback.userErrors).toEqual([expect.objectContaining({ field: ['input', 'bookingId'], code: 'NOT_FOUND' })]);
    }
    const signedOut = await submit(undefined, good(attended[3]));
    expect(signedOut.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await feedbackRows()).toBe(before);
  });

  it('shows My bookings which attended places still await feedback', async () => {
    const MINE = '{ myBookings(first: 20) { edges { node { id status awaitingFeedback } } } }';
    const mine = await portal.graphql<{ myBookings: { edges: Array<{ node: { id: string; awaitingFeedback: boolean } }> } }>(MINE, {}, { token: staff[3].token });
    expect(mine.data!.myBookings.edges.find((e) => e.node.id === attended[3])!.node.awaitingFeedback).toBe(true);
    await submit(staff[3].token, good(attended[3]));
    const after = await portal.graphql<{ myBookings: { edges: Array<{ node: { id: string; awaitingFeedback: boolean } }> } }>(MINE, {}, { token: staff[3].token });
    expect(after.data!.myBookings.edges.find((e) => e.node.id === attended[3])!.node.awaitingFeedback).toBe(false);
  });
});

describe('recordImpactReview', () => {
  const review = (token: string | undefined, input: Record<string, unknown>) => portal.graphql<ReviewData>(REVIEW, { input }, { token });

  it('takes the learner\'s and their line manager\'s answers, once each', async () => {
    const mine = await review(staff[0].token, { bookingId: attended[0], applying: true, example: 'I now check for trip hazards on every visit' });
    expect(mine.data!.recordImpactReview).toEqual({ userErrors: [], impactReview: { bookingId: attended[0], viewerRole: 'LEARNER',
      learner: { applying: true, example: 'I now check for trip hazards on every visit' }, manager: null } });
    const theirs = await review(manager.token, { bookingId: attended[0], applying: false, example: 'Not seen it yet on shift' });
    expect(theirs.data!.recordImpactReview.impactReview).toMatchObject({ viewerRole: 'MANAGER', manager: { applying: false } });
    const again = await review(staff[0].token, { bookingId: attended[0], applying: false, example: 'Changed my mind' });
    expect(again.data!.recordImpactReview.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_REVIEWED' })]);
    const [row] = await portal.dataSource.query('SELECT learner_applying, manager_applying FROM booking_evaluation WHERE booking_id = $1', [attended[0]]);
    expect(row).toEqual({ learner_applying: true, manager_applying: false });
  });

  it('refuses a missing or huge example, a no-show, someone else\'s review and another partnership\'s, writing nothing', async () => {
    const snapshot = () => portal.dataSource.query('SELECT * FROM booking_evaluation ORDER BY booking_id');
    const before = await snapshot();
    const codes = async (token: string, input: Record<string, unknown>) =>
      (await review(token, input)).data!.recordImpactReview.userErrors.map((e) => [e.field.at(-1), e.code]);
    expect(await codes(staff[1].token, { bookingId: attended[1], applying: true, example: '   ' })).toEqual([['example', 'REQUIRED']]);
    expect(await codes(staff[1].token, { bookingId: attended[1], applying: true, example: 'x'.repeat(2001) })).toEqual([['example', 'TOO_LONG']]);
    expect(await codes(staff[5].token, { bookingId: noShows[0], applying: true, example: 'Never went' })).toEqual([['bookingId', 'NOT_ATTENDED']]);
    expect(await codes(outsider.token, { bookingId: attended[1], applying: true, example: 'Not mine' })).toEqual([['bookingId', 'NOT_FOUND']]);
    expect(await codes(staff[1].token, { bookingId: ids.otherBooking, applying: true, example: 'Elsewhere' })).toEqual([['bookingId', 'NOT_FOUND']]);
    expect(await snapshot()).toEqual(before);
  });

  it('lists the reviews due that the viewer has still to record, their own and their reports\'', async () => {
    const LIST = '{ impactReviewsToRecord { bookingId viewerRole } }';
    await portal.dataSource.query(`UPDATE booking_evaluation SET review_due_at = now() - interval '1 day' WHERE booking_id = ANY($1::uuid[])`, [attended]);
    const learner = await portal.graphql<{ impactReviewsToRecord: Array<{ bookingId: string; viewerRole: string }> }>(LIST, {}, { token: staff[1].token });
    expect(learner.data!.impactReviewsToRecord).toEqual([{ bookingId: attended[1], viewerRole: 'LEARNER' }]);
    const theirs = await portal.graphql<{ impactReviewsToRecord: Array<{ bookingId: string; viewerRole: string }> }>(LIST, {}, { token: manager.token });
    expect(theirs.data!.impactReviewsToRecord.map((r) => r.bookingId).sort()).toEqual(attended.filter((b) => b !== attended[0]).sort());
    expect(theirs.data!.impactReviewsToRecord.every((r) => r.viewerRole === 'MANAGER')).toBe(true);
  });
});
