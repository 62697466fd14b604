import type { EntityManager } from 'typeorm';
import { learningBalance, type LearningCategory as Category } from '@portal/domain';
import type { LearningCategory } from '../catalogue/catalogue.enums';
import { informalLearningCategorySql } from './informal-learning-category.sql';
import type { LearningActivity, LearningBalance, OrganisationLearningActivity } from './learning-record.types';

const toBalance = (items: Array<{ category: Category; hours: number }>): LearningBalance => {
  const balance = learningBalance(items);
  return { totalHours: balance.totalHours, categories: balance.categories.map((c) => ({ ...c, category: c.category as LearningCategory })) };
};

/**
 * The partnership's learning records as counts, for the steering group: per organisation (and
 * in all) how many people have learning on their record, how many completions and informal
 * entries, and the hours by 70:20:10 category. One statement, grouped in SQL, so it names no one
 * and costs the same whatever the number of people.
 */
export async function readLearningActivity(manager: EntityManager, partnershipId: string): Promise<LearningActivity> {
  const rows: Array<{ organisation_id: string | null; organisation_name: string | null; category: Category | null; learners: number;
    completions: number; informal: number; hours: string | null; all_organisations: number; all_categories: number }> = await manager.query(
    `WITH items AS (
       SELECT b.person_id, p.organisation_id, c.learning_category AS category, round(c.duration_minutes / 60.0, 2) AS hours, 1 AS completion, 0 AS informal
       FROM booking b JOIN person p ON p.id = b.person_id JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
       WHERE b.partnership_id = $1 AND b.status = 'attended'
       UNION ALL
       SELECT i.person_id, p.organisation_id, ${informalLearningCategorySql('i.kind')}, i.hours, 0, 1
       FROM informal_learning i JOIN person p ON p.id = i.person_id WHERE i.partnership_id = $1
     )
     SELECT it.organisation_id, o.name AS organisation_name, it.category, count(DISTINCT it.person_id)::int AS learners,
       sum(it.completion)::int AS completions, sum(it.informal)::int AS informal, sum(it.hours) AS hours,
       grouping(it.organisation_id)::int AS all_organisations, grouping(it.category)::int AS all_categories
     FROM items it LEFT JOIN organisation o ON o.id = it.organisation_id
     GROUP BY GROUPING SETS ((it.organisation_id, o.name, it.category), (it.organisation_id, o.name), ())
     ORDER BY o.name NULLS LAST, it.category NULLS FIRST`, [partnershipId]);
  // The grouping sets: (organisation, category) for the hours, (organisation) and () for the distinct learners and counts.
  const total = rows.find((r) => r.all_organisations === 1);
  const perCategory = rows.filter((r) => r.all_categories === 0);
  const organisationTotals = rows.filter((r) => r.all_categories === 1 && r.all_organisations === 0);
  const byOrganisation: OrganisationLearningActivity[] = organisationTotals.map((org) => ({
    organisationId: org.organisation_id, organisationName: org.organisation_name ?? 'No organisation (independent volunteers)',
    learners: org.learners, completions: org.completions, informalEntries: org.informal,
    balance: toBalance(perCategory.filter((r) => r.organisation_id === org.organisation_id)
      .map((r) => ({ category: r.category as Category, hours: Number(r.hours) }))),
  }));
  return {
    learners: total?.learners ?? 0, completions: total?.completions ?? 0, informalEntries: total?.informal ?? 0,
    balance: toBalance(perCategory.map((r) => ({ category: r.category as Category, hours: Number(r.hours) }))),
    byOrganisation,
  };
}
