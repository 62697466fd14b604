import { cellShowsDetail, EVALUATION_MIN_CELL, netPromoterScore, recommendCounts, responseRate, sectorLabel } from '@portal/domain';
import type { DataSource } from 'typeorm';
import type { EvaluationScope } from './evaluation.policy';
import type { EvaluationFilter } from './evaluation.inputs';
import type { EvaluationCell, EvaluationReport } from './evaluation.types';

const COMMENTS_PER_CELL = 20;

/**
 * Every cell of the report (the total, each course, provider, organisation of the learners and
 * sector) in one statement by GROUPING SETS over the attended bookings in the viewer's scope.
 * The Net Promoter Score is the domain rule over each cell's answers; a cell of fewer than
 * EVALUATION_MIN_CELL responses keeps its counts and withholds the rest (rating, score, applying,
 * free text), so no small group's answers can be told apart; and a larger cell quotes only the
 * words of responses whose every group is large enough.
 */
const REPORT = `
  WITH answered AS (
    SELECT be.feedback_due_at <= $8 OR f.booking_id IS NOT NULL AS asked,
      c.id AS course_id, c.title AS course_title, c.provider_organisation_id AS provider_id, prov.name AS provider_name,
      coalesce(p.organisation_id::text, 'none') AS organisation_key, coalesce(o.name, 'Independent volunteers') AS organisation_name,
      coalesce(o.sector, 'none') AS sector,
      f.rating, f.recommend, f.what_worked, f.what_to_improve, f.submitted_at,
      (be.learner_applying IS NOT NULL)::int + (be.manager_applying IS NOT NULL)::int AS review_answers,
      coalesce(be.learner_applying, false)::int + coalesce(be.manager_applying, false)::int AS applying_answers
    FROM booking_evaluation be
    JOIN booking b ON b.id = be.booking_id
    JOIN training_session s ON s.id = b.session_id
    JOIN course c ON c.id = s.course_id
    JOIN organisation prov ON prov.id = c.provider_organisation_id
    JOIN person p ON p.id = be.person_id
    LEFT JOIN organisation o ON o.id = p.organisation_id
    LEFT JOIN feedback f ON f.booking_id = be.booking_id
    WHERE be.partnership_id = $1 AND b.status = 'attended'
      AND ($2 OR p.organisation_id = ANY($3::uuid[]) OR c.provider_organisation_id = ANY($4::uuid[]))
      AND ($5::timestamptz IS NULL OR s.ends_at >= $5) AND ($6::timestamptz IS NULL OR s.ends_at < $6)
      AND ($7::uuid IS NULL OR c.provider_organisation_id = $7)
  ), base AS (
    -- Free text leaves the database only from a response whose every group (course, provider,
    -- organisation, sector) has enough responses: a comment cannot point into a small group.
    SELECT answered.*, least(count(rating) OVER (PARTITION BY course_id), count(rating) OVER (PARTITION BY provider_id),
      count(rating) OVER (PARTITION BY organisation_key), count(rating) OVER (PARTITION BY sector)) >= $9 AS quotable
    FROM answered
  )
  SELECT CASE WHEN GROUPING(course_id) = 0 THEN 'course' WHEN GROUPING(provider_id) = 0 THEN 'provider'
              WHEN GROUPING(organisation_key) = 0 THEN 'organisation' WHEN GROUPING(sector) = 0 THEN 'sector' ELSE 'total' END AS dimension,
    coalesce(course_id::text, provider_id::text, organisation_key, sector, 'total') AS key,
    coalesce(course_title, provider_name, organisation_name, sector, 'All courses') AS label,
    count(*) FILTER (WHERE asked)::int AS asked, count(rating)::int AS responses, avg(rating)::float AS mean_rating,
    coalesce(array_agg(recommend) FILTER (WHERE recommend IS NOT NULL), '{}') AS recommends,
    coalesce(sum(review_answers), 0)::int AS review_answers, coalesce(sum(applying_answers), 0)::int AS applying_answers,
    coalesce((array_agg(what_worked ORDER BY submitted_at DESC) FILTER (WHERE what_worked IS NOT NULL AND quotable))[1:${COMMENTS_PER_CELL}], '{}') AS what_worked,
    coalesce((array_agg(what_to_improve ORDER BY submitted_at DESC) FILTER (WHERE what_to_improve IS NOT NULL AND quotable))[1:${COMMENTS_PER_CELL}], '{}') AS what_to_improve
  FROM base
  GROUP BY GROUPING SETS ((), (course_id, course_title), (provider_id, provider_name), (organisation_key, organisation_name), (sector))`;

interface CellRow {
  dimension: 'total' | 'course' | 'provider' | 'organisation' | 'sector'; key: string; label: string; asked: number; responses: number;
  mean_rating: number | null; recommends: number[]; review_answers: number; applying_answers: number; what_worked: string[]; what_to_improve: string[];
}

function cellOf(row: CellRow): EvaluationCell {
  const shown = cellShowsDetail(row.responses);
  return {
    key: row.key,
    label: row.dimension === 'sector' ? (row.key === 'none' ? 'Independent volunteers' : sectorLabel(row.key)) : row.label,
    asked: row.asked, responses: row.responses, responseRate: responseRate(row.responses, row.asked),
    suppressed: !shown,
    meanRating: shown && row.mean_rating !== null ? Math.round(row.mean_rating * 100) / 100 : null,
    netPromoterScore: shown ? netPromoterScore(recommendCounts(row.recommends)) : null,
    reviewAnswers: row.review_answers,
    applyingRate: shown && row.review_answers > 0 ? row.applying_answers / row.review_answers : null,
    whatWorked: shown ? row.what_worked : [],
    whatToImprove: shown ? row.what_to_improve : [],
  };
}

const EMPTY: CellRow = { dimension: 'total', key: 'total', label: 'All courses', asked: 0, responses: 0, mean_rating: null, recommends: [],
  review_answers: 0, applying_answers: 0, what_worked: [], what_to_improve: [] };

export class EvaluationReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(scope: EvaluationScope, scopeWords: string, filter: EvaluationFilter | null | undefined, now: Date): Promise<EvaluationReport> {
    const limited = scope.everything ? null : scope;
    const rows: CellRow[] = await this.dataSource.query(REPORT, [scope.partnershipId, scope.everything,
      limited?.staffOfOrganisationIds ?? [], limited?.coursesOfProviderIds ?? [], filter?.from ?? null, filter?.to ?? null,
      filter?.providerOrganisationId ?? null, now, EVALUATION_MIN_CELL]);
    const of = (dimension: CellRow['dimension']) => rows.filter((r) => r.dimension === dimension).map(cellOf)
      .sort((a, b) => b.responses - a.responses || a.label.localeCompare(b.label, 'en-GB'));
    return {
      scope: scopeWords, minimumCellSize: EVALUATION_MIN_CELL,
      totals: cellOf(rows.find((r) => r.dimension === 'total') ?? EMPTY),
      byCourse: of('course'), byProvider: of('provider'), byOrganisation: of('organisation'), bySector: of('sector'),
    };
  }
}
