import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { LearningRecordCounts } from './learning-record.types';

/**
 * Each person's learning record as counts (completions, informal entries, hours, latest date), in
 * one statement for a page of people, within the viewer's partnership only. Everyone asked for
 * gets an answer: a person with nothing on their record has zeros.
 */
export function createLearningRecordCountsLoader(dataSource: DataSource, partnershipId: string | null): DataLoader<string, LearningRecordCounts> {
  return new DataLoader<string, LearningRecordCounts>(async (personIds) => {
    const rows: Array<{ person_id: string; completions: number; informal: number; hours: string; last_on: string | null }> = partnershipId
      ? await dataSource.query(
        `WITH items AS (
           SELECT b.person_id, round(c.duration_minutes / 60.0, 2) AS hours, 1 AS completion, 0 AS informal,
             (s.ends_at AT TIME ZONE 'Europe/London')::date AS learned_on
           FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
           WHERE b.partnership_id = $1 AND b.person_id = ANY($2::uuid[]) AND b.status = 'attended'
           UNION ALL
           SELECT i.person_id, i.hours, 0, 1, i.learned_on FROM informal_learning i
           WHERE i.partnership_id = $1 AND i.person_id = ANY($2::uuid[])
         )
         SELECT person_id, sum(completion)::int AS completions, sum(informal)::int AS informal, sum(hours)::text AS hours, max(learned_on)::text AS last_on
         FROM items GROUP BY person_id`, [partnershipId, [...personIds]])
      : [];
    const byPerson = new Map(rows.map((row) => [row.person_id, row]));
    return personIds.map((id) => {
      const row = byPerson.get(id);
      return row
        ? { completions: row.completions, informalEntries: row.informal, totalHours: Number(row.hours), lastLearnedOn: row.last_on }
        : { completions: 0, informalEntries: 0, totalHours: 0, lastLearnedOn: null };
    });
  });
}
