import type { EntityManager } from 'typeorm';
import { nameUuidSql } from './name-uuid';

/**
 * The demo's compliance picture, written after the partnerships' rows: which staff groups need
 * which subjects (every organisation: the core subjects for staff, a few for volunteers, higher
 * levels in clinical and care settings), a few organisations' own renewal periods, one refusal,
 * and past completions (e-learning sessions of each subject every ten days over the demo's past
 * year and a month, attended by the people they are for) dated so that every organisation has people
 * compliant, expiring in each band, overdue and never done: a person's target status for a subject
 * turns with their place in the organisation and the subject's. A council worker who moved to a
 * care home keeps their council completions (one refused by the care home, with its reason).
 * The same `now` always gives the same rows.
 */
const STAFF_SUBJECTS = ['equality-and-diversity', 'health-safety-welfare', 'conflict-resolution', 'fire-safety', 'infection-prevention',
  'moving-and-handling', 'safeguarding-adults-1', 'safeguarding-children-1', 'preventing-radicalisation', 'resuscitation', 'information-governance'];
/** The title the demo's e-learning courses start with. */
const E_LEARNING = 'Statutory and mandatory e-learning: ';
const VOLUNTEER_SUBJECTS = ['safeguarding-adults-1', 'fire-safety', 'information-governance', 'equality-and-diversity'];
/** Sectors whose staff need level 2 safeguarding (children's services level 3). */
const CLINICAL = ['acute_trust', 'mental_health', 'ambulance', 'primary_care', 'general_practice', 'care_home', 'domiciliary_care'];

export async function loadComplianceDemo(manager: EntityManager, partnershipIds: readonly string[], now: Date): Promise<void> {
  const ids = [...partnershipIds];
  await manager.query(
    `INSERT INTO compliance_requirement (partnership_id, organisation_id, subject_code, person_kind)
     SELECT o.partnership_id, o.id, s.code, 'staff' FROM organisation o CROSS JOIN unnest($2::text[]) AS s(code) WHERE o.partnership_id = ANY($1::uuid[])
     UNION ALL
     SELECT o.partnership_id, o.id, s.code, 'volunteer' FROM organisation o CROSS JOIN unnest($3::text[]) AS s(code) WHERE o.partnership_id = ANY($1::uuid[])
     UNION ALL
     SELECT o.partnership_id, o.id, s.code, 'staff' FROM organisation o CROSS JOIN unnest(ARRAY['safeguarding-adults-2', 'safeguarding-children-2']) AS s(code)
       WHERE o.partnership_id = ANY($1::uuid[]) AND o.sector = ANY($4::text[])
     UNION ALL
     SELECT o.partnership_id, o.id, 'safeguarding-children-3', 'staff' FROM organisation o WHERE o.partnership_id = ANY($1::uuid[]) AND o.sector = 'childrens_services'
     UNION ALL
     SELECT o.partnership_id, o.id, 'moving-and-handling-2', 'staff' FROM organisation o
       WHERE o.partnership_id = ANY($1::uuid[]) AND o.sector IN ('acute_trust', 'care_home', 'domiciliary_care')`,
    [ids, STAFF_SUBJECTS, VOLUNTEER_SUBJECTS, CLINICAL]);

  // Renewal periods of their own: the council renews fire safety every two years, care homes moving and handling yearly.
  await manager.query(
    `INSERT INTO compliance_renewal_period (partnership_id, organisation_id, subject_code, renewal_months)
     SELECT partnership_id, id, 'fire-safety', 24 FROM organisation WHERE partnership_id = ANY($1::uuid[]) AND short_code = 'PCC'
     UNION ALL
     SELECT partnership_id, id, 'moving-and-handling-2', 12 FROM organisation WHERE partnership_id = ANY($1::uuid[]) AND sector = 'care_home'`, [ids]);

  // E-learning for every subject a requirement names, in each partnership, from its first provider; ids from their content, so a
  // second load with the same `now` gives the same rows.
  await manager.query(
    `INSERT INTO course (id, partnership_id, provider_organisation_id, title, summary, method, learning_category, duration_minutes, mandatory_subject,
       audience, visibility, created_at)
     SELECT DISTINCT ON (q.partnership_id, q.subject_code) ${nameUuidSql("'compliance-course' || q.partnership_id || q.subject_code")}, q.partnership_id, prov.id,
       '${E_LEARNING}' || m.name, 'Completions recorded from the partners'' e-learning before the portal.', 'e_learning', 'formal', 60, m.code,
       'both', 'partnership', $2::timestamptz - interval '400 days'
     FROM compliance_requirement q JOIN mandatory_subject m ON m.code = q.subject_code
     CROSS JOIN LATERAL (SELECT id FROM organisation WHERE partnership_id = q.partnership_id AND delivers_training ORDER BY short_code LIMIT 1) prov
     WHERE q.partnership_id = ANY($1::uuid[])
     ORDER BY q.partnership_id, q.subject_code`, [ids, now]);
  // A session every ten days over the demo's past year and a month (none on Christmas, Boxing Day or New Year's Day).
  await manager.query(
    `INSERT INTO training_session (id, partnership_id, course_id, starts_at, ends_at, delivery_mode, capacity, booking_closes_at, release_at, status, created_at)
     SELECT ${nameUuidSql("c.id::text || g.d::text")}, c.partnership_id, c.id, (g.d + time '10:00') AT TIME ZONE 'Europe/London',
       (g.d + time '11:00') AT TIME ZONE 'Europe/London', 'online', 10000,
       (g.d + time '09:00') AT TIME ZONE 'Europe/London', (g.d + time '09:00') AT TIME ZONE 'Europe/London', 'completed', $2::timestamptz - interval '400 days'
     FROM course c CROSS JOIN LATERAL (SELECT ($2::timestamptz AT TIME ZONE 'Europe/London')::date - 10 * n + 9 AS d FROM generate_series(1, 39) AS n) g
     WHERE c.partnership_id = ANY($1::uuid[]) AND c.title LIKE '${E_LEARNING}%' AND to_char(g.d, 'MM-DD') NOT IN ('12-25', '12-26', '01-01')`, [ids, now]);

  // Each person's highest required level of each subject, a target status, and the session whose date gives it. The demo's past
  // is a year and a month, so subjects renewed within a year take every status in turn; those renewed less often are done or never done.
  await manager.query(
    `WITH today AS (SELECT ($2::timestamptz AT TIME ZONE 'Europe/London')::date AS d),
     needed AS (
       SELECT DISTINCT ON (p.id, m.subject) p.id AS person_id, p.partnership_id, p.organisation_id, p.kind, m.code, m.subject,
         coalesce(r.renewal_months, m.renewal_months) AS months
       FROM person p
       JOIN compliance_requirement q ON q.organisation_id = p.organisation_id AND (q.person_kind IS NULL OR q.person_kind = p.kind)
       JOIN mandatory_subject m ON m.code = q.subject_code
       LEFT JOIN compliance_renewal_period r ON r.organisation_id = p.organisation_id AND r.subject_code = m.code
       WHERE p.partnership_id = ANY($1::uuid[]) AND p.disabled_at IS NULL
       ORDER BY p.id, m.subject, coalesce(m.level, 1) DESC),
     ranked AS (
       SELECT n.*, n.months <= 12 AS yearly,
         (dense_rank() OVER (PARTITION BY n.organisation_id, n.kind ORDER BY n.person_id)
           + dense_rank() OVER (PARTITION BY n.organisation_id, n.kind, n.months <= 12 ORDER BY n.subject)) % 6 AS band,
         abs(hashtext(n.person_id::text || n.code)) AS h
       FROM needed n),
     target AS (
       -- Yearly: 0 compliant, 1 within 90 days, 2 within 60, 3 within 30, 4 overdue, 5 never done, kept 5 days inside each band.
       -- Less often: never done on band 5, else done within the last year.
       SELECT r.*, CASE
           WHEN NOT r.yearly THEN today.d - (20 + r.h % 320)
           ELSE ((today.d + CASE r.band WHEN 0 THEN 110 + r.h % 140 WHEN 1 THEN 70 + r.h % 11 WHEN 2 THEN 40 + r.h % 11 WHEN 3 THEN 10 + r.h % 11
             ELSE -10 - r.h % 6 END) - make_interval(months => r.months))::date END AS done_on
       FROM ranked r CROSS JOIN today WHERE r.band <> 5)
     INSERT INTO booking (id, partnership_id, session_id, person_id, organisation_id, status, created_at, updated_at)
     SELECT ${nameUuidSql("s.id::text || t.person_id::text")}, t.partnership_id, s.id, t.person_id, t.organisation_id, 'attended', s.starts_at - interval '7 days', s.ends_at
     FROM target t
     JOIN course c ON c.partnership_id = t.partnership_id AND c.mandatory_subject = t.code AND c.title LIKE '${E_LEARNING}%'
     CROSS JOIN LATERAL (
       SELECT s.id, s.starts_at, s.ends_at FROM training_session s WHERE s.course_id = c.id
       ORDER BY abs((s.ends_at AT TIME ZONE 'Europe/London')::date - t.done_on), s.id LIMIT 1) s`,
    [ids, now]);

  // A move: a care home's staff member came from the council, and brought completions made there.
  const [mover] = await manager.query(
    `SELECT p.id, p.partnership_id, p.organisation_id, pcc.id AS council_id FROM person p
     JOIN organisation o ON o.id = p.organisation_id AND o.short_code = 'NVCH'
     JOIN organisation pcc ON pcc.partnership_id = p.partnership_id AND pcc.short_code = 'PCC'
     WHERE p.partnership_id = ANY($1::uuid[]) AND p.kind = 'staff' AND p.email NOT LIKE '%@demo.portal' ORDER BY p.name, p.id LIMIT 1`, [ids]);
  if (mover) {
    await manager.query(
      `UPDATE booking b SET organisation_id = $3 FROM training_session s JOIN course c ON c.id = s.course_id
       WHERE b.session_id = s.id AND b.person_id = $1 AND b.status = 'attended' AND c.mandatory_subject IN ('fire-safety', 'moving-and-handling-2')
         AND b.partnership_id = $2`, [mover.id, mover.partnership_id, mover.council_id]);
    await manager.query(
      `INSERT INTO compliance_refusal (partnership_id, organisation_id, from_organisation_id, subject_code, reason)
       VALUES ($1, $2, $3, 'moving-and-handling-2', 'The council''s moving and handling covers office lifting, not moving people: we need our own practical assessment')`,
      [mover.partnership_id, mover.organisation_id, mover.council_id]);
  }

  // The sessions hold exactly their places: utilisation figures stay honest.
  await manager.query(
    `UPDATE training_session s SET capacity = greatest(1, (SELECT count(*) FROM booking b WHERE b.session_id = s.id))
     FROM course c WHERE c.id = s.course_id AND s.partnership_id = ANY($1::uuid[]) AND c.title LIKE '${E_LEARNING}%'`, [ids]);
}
