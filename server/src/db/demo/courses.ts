import { organisationOf, type Tenancy } from './organisations';
import type { CourseTemplate, PartnershipSpec } from './partnership-spec';
import type { Rng } from './prng';
import { learningCategoryForMethod } from '@portal/domain';
import type { CourseRow } from './rows';
import { DAY_MS, addMs } from './uk-time';


// When more courses are asked for than the catalogue has, later rounds reuse it with these
// plausible variations rather than inventing nonsense titles.
const VARIANTS: readonly { suffix: string; priceFactor: number }[] = [
  { suffix: ' – Refresher', priceFactor: 0.6 },
  { suffix: ' – Train the Trainer', priceFactor: 2 },
  { suffix: ' for Team Leaders', priceFactor: 1.2 },
  { suffix: ' – Evening Course', priceFactor: 1 },
];

export interface DemoCourse {
  row: CourseRow;
  template: CourseTemplate;
}

function courseRow(template: CourseTemplate, round: number, tenancy: Tenancy, rng: Rng, now: Date): CourseRow {
  const variant = round === 0 ? null : VARIANTS[(round - 1) % VARIANTS.length];
  const repeat = round === 0 ? '' : round > VARIANTS.length ? ` (${Math.ceil(round / VARIANTS.length)})` : '';
  const title = `${template.title}${variant?.suffix ?? ''}${repeat}`.slice(0, 200);
  const derived = learningCategoryForMethod(template.method);
  const category = template.category ?? derived;
  const pence = Math.round(template.pounds * (variant?.priceFactor ?? 1)) * 100;
  const visibility = template.visibility ?? 'public';
  if ((visibility === 'organisation') !== (template.visibleTo !== undefined)) {
    throw new Error(`course "${template.title}": visibleTo goes with visibility 'organisation' and only with it`);
  }
  return {
    id: rng.uuid(),
    partnership_id: tenancy.partnership.id,
    provider_organisation_id: organisationOf(tenancy, template.provider).id,
    title,
    summary: template.summary,
    learning_outcomes: [...template.outcomes],
    method: template.method,
    learning_category: category,
    learning_category_overridden: category !== derived,
    duration_minutes: template.minutes,
    accreditation: template.accreditation ?? 'none',
    cpd_points: template.cpdPoints ?? null,
    ksf_dimensions: [...template.ksf],
    mandatory_subject: template.mandatory ?? null,
    audience: template.audience,
    eligible_sectors: [...(template.sectors ?? [])],
    visibility,
    visibility_organisation_id: template.visibleTo === undefined ? null : organisationOf(tenancy, template.visibleTo).id,
    cost_per_place_pence: pence,
    is_joint: template.joint ?? false,
    created_at: addMs(now, -rng.int(500, 720) * DAY_MS),
  };
}

/**
 * `count` courses: the catalogue in order, then variations of it. Never fewer than the anchor
 * sessions need, since the journeys depend on those courses.
 */
export function buildCourses(spec: PartnershipSpec, tenancy: Tenancy, rng: Rng, now: Date, count: number): DemoCourse[] {
  const templates = spec.courses;
  const needed = Math.max(1, ...spec.anchors.map((a) => 1 + templates.findIndex((t) => t.title === a.courseTitle)));
  const courses: DemoCourse[] = [];
  for (let i = 0; i < Math.max(count, needed); i++) {
    const template = templates[i % templates.length];
    courses.push({ row: courseRow(template, Math.floor(i / templates.length), tenancy, rng, now), template });
  }
  return courses;
}
