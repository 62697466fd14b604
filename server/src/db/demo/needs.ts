import { calendarDateIn } from '@portal/domain';
import type { DemoCourse } from './courses';
import { organisationOf, type Tenancy } from './organisations';
import type { PartnershipSpec } from './partnership-spec';
import type { Population, Staffing } from './people';
import type { Rng } from './prng';
import type { TrainingNeedRow } from './rows';
import { DAY_MS, addMs } from './uk-time';

/** Who raises a demo need: the organisation's lead, its first team's manager (a team need), or that team's first member (from their 1:1). */
type Raiser = 'lead' | 'manager' | 'member';

interface DemoNeed {
  organisation: string;
  raiser: Raiser;
  topic: string;
  detail: string;
  mandatorySubject?: string;
  ksfDimension?: string;
  people: number;
  audience: TrainingNeedRow['audience'];
  priority: TrainingNeedRow['priority'];
  wantedInDays: number;
  raisedDaysAgo: number;
  /** A need met by a course the partnership already runs (its title, the first of its name). */
  metBy?: string;
  withdrawn?: string;
}

/**
 * Journey 6's starting point: Moving and Handling needs from four organisations, 230 people in
 * all (60 + 90 + 40 + 40), which share demand by their mandatory subject; two needs sharing a KSF
 * dimension; two sharing a topic (one a line manager's team need), which group by similarity; a
 * need met by an existing course, a withdrawn one and one raised from a 1:1. OPEN and GROUPED are
 * set after the insert by refreshNeedGrouping, the services' own rule.
 */
const GREATER_PETERBOROUGH_NEEDS: readonly DemoNeed[] = [
  { organisation: 'PCC', raiser: 'lead', topic: 'Moving and handling people for reablement and home care staff',
    detail: 'Reablement support workers and home care staff moving people at home, with hoists and slide sheets; most are due to renew this year.',
    mandatorySubject: 'moving-and-handling', ksfDimension: 'C3', people: 60, audience: 'staff', priority: 'high', wantedInDays: 90, raisedDaysAgo: 21 },
  { organisation: 'HFDC', raiser: 'lead', topic: 'Moving and handling for domiciliary care workers',
    detail: 'New starters and refreshers across three rotas; practical sessions in Peterborough, weekday mornings.',
    mandatorySubject: 'moving-and-handling', people: 90, audience: 'staff', priority: 'high', wantedInDays: 75, raisedDaysAgo: 18 },
  { organisation: 'NVCH', raiser: 'lead', topic: 'Moving and handling refresher (care home)',
    detail: 'Day and night staff, including the use of standing aids.',
    mandatorySubject: 'moving-and-handling', people: 40, audience: 'staff', priority: 'medium', wantedInDays: 120, raisedDaysAgo: 14 },
  { organisation: 'LHNH', raiser: 'lead', topic: 'Moving and handling of people, nursing home',
    detail: 'Registered nurses and care assistants; we can host a session in our training room.',
    mandatorySubject: 'moving-and-handling', people: 40, audience: 'staff', priority: 'high', wantedInDays: 60, raisedDaysAgo: 10 },
  { organisation: 'EAANHST', raiser: 'lead', topic: 'Communicating with people in distress',
    detail: 'Call handlers and emergency care assistants.', ksfDimension: 'C1', people: 25, audience: 'staff', priority: 'medium',
    wantedInDays: 150, raisedDaysAgo: 30 },
  { organisation: 'GPPCP', raiser: 'lead', topic: 'Communication skills for reception and care navigation teams',
    detail: 'Practice reception teams across the primary care networks.', ksfDimension: 'C1', people: 15, audience: 'staff', priority: 'low',
    wantedInDays: 180, raisedDaysAgo: 25 },
  { organisation: 'PCC', raiser: 'manager', topic: 'Lone working and personal safety',
    detail: 'The reablement team visits people alone, often in the evening.', people: 8, audience: 'staff', priority: 'medium',
    wantedInDays: 100, raisedDaysAgo: 12 },
  { organisation: 'HFDC', raiser: 'lead', topic: 'Personal safety for lone working carers',
    detail: 'Carers on evening and weekend calls.', people: 30, audience: 'staff', priority: 'medium', wantedInDays: 110, raisedDaysAgo: 9 },
  { organisation: 'FML', raiser: 'lead', topic: 'Dementia awareness for night staff', detail: '', people: 12, audience: 'staff',
    priority: 'medium', wantedInDays: 80, raisedDaysAgo: 16 },
  { organisation: 'PCVS', raiser: 'lead', topic: 'Dementia awareness for befriending volunteers', detail: 'Volunteers visiting people at home.',
    people: 20, audience: 'volunteers', priority: 'low', wantedInDays: 140, raisedDaysAgo: 20 },
  { organisation: 'PSHNHSFT', raiser: 'lead', topic: 'Basic life support for ward clerks', detail: 'Met by the trust\'s own BLS course.',
    mandatorySubject: 'resuscitation', people: 18, audience: 'staff', priority: 'high', wantedInDays: 45, raisedDaysAgo: 40,
    metBy: 'Basic Life Support (Adult)' },
  { organisation: 'CPMHPNHST', raiser: 'lead', topic: 'Information governance refresher for community teams', detail: '',
    mandatorySubject: 'information-governance', people: 35, audience: 'staff', priority: 'low', wantedInDays: 60, raisedDaysAgo: 35,
    withdrawn: 'Covered by the national e-learning module, which our staff now take.' },
  { organisation: 'PCC', raiser: 'member', topic: 'Level 3 Diploma in Adult Care', detail: 'Raised at my 1:1: I would like to work towards a senior role.',
    people: 1, audience: 'staff', priority: 'medium', wantedInDays: 200, raisedDaysAgo: 5 },
];

const NEEDS_BY_PARTNERSHIP: Readonly<Record<string, readonly DemoNeed[]>> = { 'greater-peterborough': GREATER_PETERBOROUGH_NEEDS };

function raiserOf(staffing: Staffing, raiser: Raiser): string {
  const team = staffing.teams[0];
  if (raiser === 'lead') return staffing.lead.row.id;
  if (!team) throw new Error('demo needs: the organisation has no team');
  return raiser === 'manager' ? team.manager.row.id : team.members[0].row.id;
}

export function buildNeeds(spec: PartnershipSpec, tenancy: Tenancy, population: Population, courses: readonly DemoCourse[],
  rng: Rng, now: Date): TrainingNeedRow[] {
  const partnershipId = tenancy.partnership.id;
  return (NEEDS_BY_PARTNERSHIP[spec.slug] ?? []).map((need) => {
    const organisation = organisationOf(tenancy, need.organisation);
    const staffing = population.staffingByOrganisation.get(organisation.id);
    if (!staffing) throw new Error(`demo needs: no staff in ${need.organisation}`);
    const raisedBy = raiserOf(staffing, need.raiser);
    const createdAt = addMs(now, -need.raisedDaysAgo * DAY_MS);
    const course = need.metBy ? courses.find((c) => c.row.title === need.metBy) : undefined;
    if (need.metBy && !course) throw new Error(`demo needs: no course "${need.metBy}"`);
    const scope: TrainingNeedRow['scope'] = need.raiser === 'lead' ? 'organisation' : need.raiser === 'manager' ? 'team' : 'person';
    return {
      id: rng.uuid(), partnership_id: partnershipId, organisation_id: organisation.id, raised_by_person_id: raisedBy, scope,
      team_manager_person_id: scope === 'team' ? raisedBy : null, for_person_id: scope === 'person' ? raisedBy : null,
      topic: need.topic, detail: need.detail, mandatory_subject: need.mandatorySubject ?? null, ksf_dimension: need.ksfDimension ?? null,
      people_count: need.people, audience: need.audience, priority: need.priority,
      wanted_by: calendarDateIn(tenancy.partnership.time_zone, addMs(now, need.wantedInDays * DAY_MS)),
      status: need.withdrawn ? 'withdrawn' : course ? 'met' : 'open',
      met_by_course_id: course?.row.id ?? null, withdrawn_reason: need.withdrawn ?? null,
      withdrawn_at: need.withdrawn ? addMs(createdAt, 3 * DAY_MS) : null,
      created_at: createdAt, updated_at: need.withdrawn ? addMs(createdAt, 3 * DAY_MS) : createdAt,
    };
  });
}
