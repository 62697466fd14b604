import type { EntityManager } from 'typeorm';
import { scheduleEvaluations } from '../../modules/evaluation/evaluation-schedule';

/**
 * Evaluation consistent with the demo's registers: every attended place is scheduled as the
 * register schedules it; of those whose feedback was asked for, about two in three answered
 * (ratings mostly 4 and 5, would-recommend following the rating, a comment from some); of the
 * impact reviews due, about half the learners and fewer managers have answered, most saying the
 * learning is applied. What was due before `now` counts as already emailed, so starting the demo
 * sends nothing old. The demo accounts' own places are left unanswered, so their forms are there
 * to try. Deterministic: every choice is a hash of the booking's id.
 */
const WORKED = ['The practical scenarios', 'Time to practise with the equipment', 'Trainer knew the subject well',
  'Learning alongside people from other organisations', 'Clear handouts to take away', 'Short and to the point'];
const IMPROVE = ['More time for questions', 'A bigger room', 'Send the joining instructions earlier', 'Fewer slides',
  'More examples from social care', 'Start on time'];
const EXAMPLES = ['Used it in a handover the next week', 'Changed how I record this in the notes', 'Shared it at our team meeting',
  'Not had the chance to use it yet', 'Applied it with a resident the following day', 'Now check this on every visit'];

export async function loadDemoEvaluation(manager: EntityManager, partnershipIds: string[], now: Date): Promise<void> {
  const attended: Array<{ id: string }> = await manager.query(
    `SELECT id FROM booking WHERE partnership_id = ANY($1::uuid[]) AND status = 'attended'`, [partnershipIds]);
  await scheduleEvaluations(manager, attended.map((b) => b.id));
  await manager.query(
    `UPDATE booking_evaluation SET feedback_requested_at = feedback_due_at WHERE partnership_id = ANY($1::uuid[]) AND feedback_due_at <= $2`,
    [partnershipIds, now]);
  await manager.query(
    `WITH chosen AS (
       SELECT be.booking_id, be.partnership_id, be.person_id, be.feedback_due_at, abs(hashtext(be.booking_id::text)) AS h
       FROM booking_evaluation be JOIN person p ON p.id = be.person_id
       WHERE be.partnership_id = ANY($1::uuid[]) AND be.feedback_due_at <= $2 AND p.email NOT LIKE '%@demo.portal'
     ), answered AS (
       SELECT *, CASE WHEN h % 10 = 0 THEN 2 WHEN h % 10 < 3 THEN 3 WHEN h % 10 < 7 THEN 4 ELSE 5 END AS rating
       FROM chosen WHERE h % 100 < 64
     )
     INSERT INTO feedback (booking_id, partnership_id, person_id, rating, recommend, what_worked, what_to_improve, submitted_at)
     SELECT booking_id, partnership_id, person_id, rating, least(10, greatest(0, rating * 2 + (h / 10) % 3 - 1)),
       CASE WHEN (h / 100) % 3 = 0 THEN ($3::text[])[1 + (h / 1000) % ${WORKED.length}] END,
       CASE WHEN (h / 100) % 4 = 0 THEN ($4::text[])[1 + (h / 10000) % ${IMPROVE.length}] END,
       feedback_due_at + make_interval(hours => (h % 40)::int)
     FROM answered`, [partnershipIds, now, WORKED, IMPROVE]);
  await manager.query(
    `UPDATE booking_evaluation be SET
       learner_applying = CASE WHEN h % 100 < 52 THEN (h / 7) % 4 <> 0 END,
       learner_example = CASE WHEN h % 100 < 52 THEN ($3::text[])[1 + (h / 13) % ${EXAMPLES.length}] END,
       learner_reviewed_at = CASE WHEN h % 100 < 52 THEN review_due_at + interval '2 days' END,
       manager_applying = CASE WHEN manager_person_id IS NOT NULL AND (h / 100) % 100 < 38 THEN (h / 11) % 5 <> 0 END,
       manager_example = CASE WHEN manager_person_id IS NOT NULL AND (h / 100) % 100 < 38 THEN ($3::text[])[1 + (h / 17) % ${EXAMPLES.length}] END,
       manager_reviewed_at = CASE WHEN manager_person_id IS NOT NULL AND (h / 100) % 100 < 38 THEN review_due_at + interval '5 days' END,
       learner_reminded_at = review_due_at, manager_reminded_at = CASE WHEN manager_person_id IS NOT NULL THEN review_due_at END
     FROM (SELECT booking_id, abs(hashtext(booking_id::text)) AS h FROM booking_evaluation) hashed, person p
     WHERE hashed.booking_id = be.booking_id AND p.id = be.person_id
       AND be.partnership_id = ANY($1::uuid[]) AND be.review_due_at <= $2 AND p.email NOT LIKE '%@demo.portal'`,
    [partnershipIds, now, EXAMPLES]);
  // The demo accounts' reviews already due were reminded (so nothing old is sent), but not answered.
  await manager.query(
    `UPDATE booking_evaluation be SET learner_reminded_at = review_due_at,
       manager_reminded_at = CASE WHEN manager_person_id IS NOT NULL THEN review_due_at END
     FROM person p WHERE p.id = be.person_id AND be.partnership_id = ANY($1::uuid[]) AND be.review_due_at <= $2 AND p.email LIKE '%@demo.portal'`,
    [partnershipIds, now]);
}
