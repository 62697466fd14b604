import { apportion } from './allocate';
import { FIRST_NAMES, LAST_NAMES, emailPart } from './names';
import { organisationOf, type Tenancy } from './organisations';
import type { OrganisationSpec, PartnershipSpec } from './partnership-spec';
import type { Rng } from './prng';
import type { PersonKind, PersonRow, Role, RoleGrantRow, Sector } from './rows';
import { TEAMS_BY_SECTOR, VOLUNTEER_TEAMS } from './teams';
import { DAY_MS, addMs } from './uk-time';

export interface DemoPerson {
  row: PersonRow;
  /** Sector of the person's organisation, null for independent volunteers: decides course eligibility. */
  sector: Sector | null;
  roles: Array<{ role: Role; organisation_id: string | null }>;
}

export interface Team {
  manager: DemoPerson;
  members: DemoPerson[];
}

export interface Staffing {
  lead: DemoPerson;
  coordinator: DemoPerson | null;
  teams: Team[];
  volunteers: DemoPerson[];
}

export interface Population {
  people: DemoPerson[];
  staffingByOrganisation: ReadonlyMap<string, Staffing>;
}

// Enough for a lead, a team manager and two members; providers also need a coordinator.
const MIN_STAFF = 4;
const MIN_VOLUNTEERS = 3;

class PersonFactory {
  private sequence = 0;
  readonly people: DemoPerson[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly partnershipId: string,
    private readonly now: Date,
  ) {}

  make(
    organisationId: string | null,
    sector: Sector | null,
    domain: string,
    kind: PersonKind,
    jobTitle: string,
    team: string | null,
    lineManagerId: string | null,
    roles: DemoPerson['roles'],
  ): DemoPerson {
    const first = this.rng.pick(FIRST_NAMES);
    const last = this.rng.pick(LAST_NAMES);
    this.sequence += 1;
    const person: DemoPerson = {
      row: {
        id: this.rng.uuid(),
        partnership_id: this.partnershipId,
        organisation_id: organisationId,
        kind,
        line_manager_id: lineManagerId,
        name: `${first} ${last}`,
        // The running number keeps addresses unique however often a name repeats.
        email: `${emailPart(first)}.${emailPart(last)}.${this.sequence}@${domain}.example`,
        job_title: jobTitle,
        team,
        // Registered before the demo's year of past sessions, so no booking predates its person.
        created_at: addMs(this.now, -this.rng.int(500, 1500) * DAY_MS),
      },
      sector,
      roles,
    };
    this.people.push(person);
    return person;
  }
}

function teamName(sector: Sector, index: number): string {
  const templates = TEAMS_BY_SECTOR[sector];
  const name = templates[index % templates.length].team;
  const round = Math.floor(index / templates.length);
  return round === 0 ? name : `${name} (Team ${round + 1})`;
}

function buildStaff(factory: PersonFactory, rng: Rng, spec: OrganisationSpec, organisationId: string, count: number): Staffing {
  const own = (role: Role) => ({ role, organisation_id: organisationId });
  const lead = factory.make(organisationId, spec.sector, spec.domain, 'staff', spec.leadTitle,
    'Learning and Development', null, [own('ld_lead'), own('learner')]);
  const coordinator = spec.deliversTraining
    ? factory.make(organisationId, spec.sector, spec.domain, 'staff', 'Training Coordinator', 'Education and Training',
      null, [own('provider_coordinator'), own('learner')])
    : null;
  const templates = TEAMS_BY_SECTOR[spec.sector];
  const teams: Team[] = [];
  let remaining = count - 1 - (coordinator ? 1 : 0);
  while (remaining > 0) {
    let size = Math.min(remaining, rng.int(6, 12));
    if (remaining - size === 1) size += 1; // nobody is left in a team of one
    const index = teams.length;
    const template = templates[index % templates.length];
    const team = teamName(spec.sector, index);
    const manager = factory.make(organisationId, spec.sector, spec.domain, 'staff', template.manager, team, null,
      [own('line_manager'), own('learner')]);
    const members: DemoPerson[] = [];
    for (let k = 1; k < size; k++) {
      members.push(factory.make(organisationId, spec.sector, spec.domain, 'staff', rng.pick(template.titles), team,
        manager.row.id, [own('learner')]));
    }
    teams.push({ manager, members });
    remaining -= size;
  }
  return { lead, coordinator, teams, volunteers: [] };
}

function buildVolunteers(factory: PersonFactory, rng: Rng, spec: OrganisationSpec, organisationId: string,
  staffing: Staffing, count: number): void {
  // Volunteers are supervised by the organisation's staff managers, one per volunteer team.
  const supervisors = staffing.teams.length > 0 ? staffing.teams.map((t) => t.manager) : [staffing.lead];
  for (let k = 0; k < count; k++) {
    const teamIndex = k % VOLUNTEER_TEAMS.length;
    const team = VOLUNTEER_TEAMS[teamIndex];
    staffing.volunteers.push(factory.make(organisationId, spec.sector, spec.domain, 'volunteer', rng.pick(team.titles),
      team.team, supervisors[teamIndex % supervisors.length].row.id, [{ role: 'volunteer', organisation_id: organisationId }]));
  }
}

/**
 * Everyone in the partnership: staff in teams under a manager, a lead per organisation, a
 * coordinator per training provider, volunteers, and independent volunteers. `total` is met
 * exactly unless it is below what every organisation needs.
 */
export function buildPopulation(spec: PartnershipSpec, tenancy: Tenancy, rng: Rng, now: Date, total: number): Population {
  const factory = new PersonFactory(rng, tenancy.partnership.id, now);
  const independentCount = spec.independentVolunteers ? Math.max(3, Math.round(total * 0.01)) : 0;
  const spareClaims = (code: string) =>
    spec.demoAccounts.filter((a) => a.organisation === code && a.slot === 'spare-member').length;
  const buckets = spec.organisations.flatMap((o) => [
    { spec: o, kind: 'staff' as const, weight: o.staff, min: MIN_STAFF + (o.deliversTraining ? 1 : 0) + spareClaims(o.code) },
    ...(o.volunteers > 0 ? [{ spec: o, kind: 'volunteer' as const, weight: o.volunteers, min: MIN_VOLUNTEERS }] : []),
  ]);
  const counts = apportion(total - independentCount, buckets.map((b) => b.weight), buckets.map((b) => b.min));
  const staffingByOrganisation = new Map<string, Staffing>();
  buckets.forEach((bucket, i) => {
    const organisationId = organisationOf(tenancy, bucket.spec.code).id;
    const staffing = staffingByOrganisation.get(organisationId);
    if (bucket.kind === 'staff') {
      staffingByOrganisation.set(organisationId, buildStaff(factory, rng, bucket.spec, organisationId, counts[i]));
    } else if (staffing) {
      buildVolunteers(factory, rng, bucket.spec, organisationId, staffing, counts[i]);
    }
  });
  for (let k = 0; k < independentCount; k++) {
    factory.make(null, null, `${spec.slug}-volunteers`, 'volunteer', 'Independent Volunteer', null, null,
      [{ role: 'volunteer', organisation_id: null }]);
  }
  return { people: factory.people, staffingByOrganisation };
}

export function roleGrants(population: Population, rng: Rng): RoleGrantRow[] {
  return population.people.flatMap((person) =>
    person.roles.map((r) => ({
      id: rng.uuid(),
      partnership_id: person.row.partnership_id,
      person_id: person.row.id,
      role: r.role,
      organisation_id: r.organisation_id,
      granted_at: person.row.created_at,
    })));
}

/** People in an order the self-referencing line manager foreign key accepts chunk by chunk. */
export function managersFirst(population: Population): PersonRow[] {
  const rows = population.people.map((p) => p.row);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depths = new Map<string, number>();
  const depth = (row: PersonRow): number => {
    const known = depths.get(row.id);
    if (known !== undefined) return known;
    const manager = row.line_manager_id === null ? undefined : byId.get(row.line_manager_id);
    const d = manager ? depth(manager) + 1 : 0;
    depths.set(row.id, d);
    return d;
  };
  return rows
    .map((row, index) => ({ row, index, depth: depth(row) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((entry) => entry.row);
}
