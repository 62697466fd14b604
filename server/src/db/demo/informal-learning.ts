import type { EntityManager } from 'typeorm';
import { nameUuidSql } from './name-uuid';

/**
 * Informal learning on demo records: the demo learner's own (two confirmed by their manager, one
 * waiting) and a few entries for the first staff with a line manager in each organisation, every
 * third confirmed. Made in SQL from rows already loaded, with ids derived from the person and
 * the entry's place (md5), so the same options still give the same rows, ids included. Dates are
 * days before `now`, never after it.
 */
const LEARNER_ENTRIES: ReadonlyArray<{ kind: string; daysAgo: number; hours: number; description: string; evidenceUrl: string | null; confirmed: boolean }> = [
  { kind: 'shadowing', daysAgo: 40, hours: 7.5, description: 'Shadowed the reablement team for a day: home assessments and handover notes', evidenceUrl: null, confirmed: true },
  { kind: 'coaching', daysAgo: 26, hours: 1, description: 'Coaching session with my manager on difficult conversations with families', evidenceUrl: null, confirmed: true },
  { kind: 'e_learning', daysAgo: 12, hours: 2, description: 'Dementia awareness (Tier 1) on the e-Learning for Healthcare hub',
    evidenceUrl: 'https://portal.e-lfh.org.uk/', confirmed: false },
  { kind: 'reading', daysAgo: 5, hours: 1.5, description: 'Read the Care Act 2014 statutory guidance chapter on safeguarding',
    evidenceUrl: 'https://www.gov.uk/government/publications/care-act-statutory-guidance', confirmed: false },
];

const STAFF_ENTRIES: ReadonlyArray<{ kind: string; daysAgo: number; hours: number; description: string }> = [
  { kind: 'mentoring', daysAgo: 33, hours: 1, description: 'Monthly mentoring conversation about my development plan' },
  { kind: 'shadowing', daysAgo: 21, hours: 3.5, description: 'Shadowed a senior colleague on a complex case review' },
  { kind: 'reading', daysAgo: 9, hours: 0.75, description: 'Read the team\'s updated moving and handling procedures' },
];

export async function loadDemoInformalLearning(manager: EntityManager, partnershipIds: readonly string[], now: Date): Promise<void> {
  await manager.query(
    `INSERT INTO informal_learning (id, partnership_id, person_id, kind, learned_on, hours, description, evidence_url,
       confirmed_by_person_id, confirmed_at, created_at)
     SELECT ${nameUuidSql("'informal:' || p.id || ':' || e.n")}, p.partnership_id, p.id, e.kind,
       (($3::timestamptz AT TIME ZONE 'Europe/London')::date - e.days_ago), e.hours, e.description, e.evidence_url,
       CASE WHEN e.confirmed THEN p.line_manager_id END,
       CASE WHEN e.confirmed THEN $3::timestamptz - make_interval(days => e.days_ago - 2) END,
       $3::timestamptz - make_interval(days => e.days_ago)
     FROM person p
     CROSS JOIN LATERAL (SELECT j.n, x.* FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS j(value, n),
       jsonb_to_record(j.value) AS x(kind text, days_ago int, hours numeric, description text, evidence_url text, confirmed boolean)) e
     WHERE p.email = 'learner@demo.portal' AND p.partnership_id = ANY($1::uuid[]) AND p.line_manager_id IS NOT NULL`,
    [partnershipIds, JSON.stringify(LEARNER_ENTRIES.map((e) => ({ kind: e.kind, days_ago: e.daysAgo, hours: e.hours, description: e.description,
      evidence_url: e.evidenceUrl, confirmed: e.confirmed }))), now]);
  await manager.query(
    `WITH chosen AS (
       SELECT p.id, p.partnership_id, p.line_manager_id, row_number() OVER (ORDER BY p.partnership_id, p.email) AS k
       FROM (SELECT DISTINCT ON (organisation_id) * FROM person
             WHERE partnership_id = ANY($1::uuid[]) AND line_manager_id IS NOT NULL AND kind = 'staff' AND email NOT LIKE '%@demo.portal'
             ORDER BY organisation_id, email) p
     )
     INSERT INTO informal_learning (id, partnership_id, person_id, kind, learned_on, hours, description, confirmed_by_person_id, confirmed_at, created_at)
     SELECT ${nameUuidSql("'informal:' || c.id || ':' || e.n")}, c.partnership_id, c.id, e.kind,
       (($3::timestamptz AT TIME ZONE 'Europe/London')::date - e.days_ago), e.hours, e.description,
       CASE WHEN (c.k + e.n) % 3 = 0 THEN c.line_manager_id END,
       CASE WHEN (c.k + e.n) % 3 = 0 THEN $3::timestamptz - make_interval(days => e.days_ago - 2) END,
       $3::timestamptz - make_interval(days => e.days_ago)
     FROM chosen c CROSS JOIN LATERAL (SELECT j.n, x.* FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS j(value, n),
       jsonb_to_record(j.value) AS x(kind text, days_ago int, hours numeric, description text)) e`,
    [partnershipIds, JSON.stringify(STAFF_ENTRIES.map((e) => ({ kind: e.kind, days_ago: e.daysAgo, hours: e.hours, description: e.description }))), now]);
}
