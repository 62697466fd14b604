import { organisationOf, type Tenancy } from './organisations';
import type { DemoAccountSpec, PartnershipSpec } from './partnership-spec';
import type { DemoPerson, Population, Staffing } from './people';

/**
 * Turns chosen generated people into the documented demo accounts (volunteer@demo.portal …).
 * Taking over existing people, rather than adding new ones, keeps the people count exact and
 * puts the accounts inside real teams: the learner's line manager is the manager account.
 */
function findSlot(account: DemoAccountSpec, staffing: Staffing, claimed: Set<DemoPerson>): DemoPerson | undefined {
  const firstTeam = staffing.teams[0];
  switch (account.slot) {
    case 'lead':
      return staffing.lead;
    case 'coordinator':
      return staffing.coordinator ?? undefined;
    case 'first-team-manager':
      return firstTeam?.manager;
    case 'first-team-member':
      return firstTeam?.members[0];
    case 'first-volunteer':
      return staffing.volunteers[0];
    case 'spare-member':
      // From the last team backwards, away from the people the other slots take.
      for (let t = staffing.teams.length - 1; t >= 0; t--) {
        const members = staffing.teams[t].members;
        for (let m = members.length - 1; m >= 0; m--) if (!claimed.has(members[m])) return members[m];
      }
      return undefined;
  }
}

export function claimDemoAccounts(spec: PartnershipSpec, tenancy: Tenancy, population: Population): void {
  const claimed = new Set<DemoPerson>();
  for (const account of spec.demoAccounts) {
    const organisation = organisationOf(tenancy, account.organisation);
    const staffing = population.staffingByOrganisation.get(organisation.id);
    const person = staffing && findSlot(account, staffing, claimed);
    if (!person || claimed.has(person)) {
      throw new Error(`no ${account.slot} in ${account.organisation} for demo account ${account.email}`);
    }
    claimed.add(person);
    person.row.name = account.name;
    person.row.email = account.email;
    if (account.jobTitle !== undefined) person.row.job_title = account.jobTitle;
    if (account.team !== undefined) person.row.team = account.team;
    if (account.slot === 'spare-member') person.row.line_manager_id = null;
    person.roles = account.roles.map((r) => ({
      role: r.role,
      organisation_id: r.organisation === null ? null : organisationOf(tenancy, r.organisation).id,
    }));
  }
}
