import type { OrganisationRole, PersonKind, Role, Sector } from '../gql/graphql';

/** Words for the API's codes in the admin pages, in the NHS.UK content style. */

export const ROLE_TEXT: Record<Role, string> = {
  LEARNER: 'Learner',
  VOLUNTEER: 'Volunteer',
  LINE_MANAGER: 'Line manager',
  LD_LEAD: 'L&D lead',
  PROVIDER_COORDINATOR: 'Provider coordinator',
  STEERING_GROUP: 'Steering group member',
  PARTNERSHIP_ADMIN: 'Partnership administrator',
};

export const ROLES: Role[] = Object.keys(ROLE_TEXT) as Role[];

/**
 * Whether a role is held for one organisation. The API's rule, so the form can ask for an
 * organisation only when it means something: required for roles within an organisation,
 * optional for volunteers (none: independent), never for partnership-wide roles.
 */
export function roleOrganisation(role: Role): 'required' | 'optional' | 'none' {
  if (role === 'VOLUNTEER') return 'optional';
  if (role === 'STEERING_GROUP' || role === 'PARTNERSHIP_ADMIN') return 'none';
  return 'required';
}

/** "L&D lead, Peterborough City Council" or "Partnership administrator" */
export function roleGrantText(grant: { role: Role; organisation: { name: string } | null }): string {
  return grant.organisation ? `${ROLE_TEXT[grant.role]}, ${grant.organisation.name}` : ROLE_TEXT[grant.role];
}

export const SECTOR_TEXT: Record<Sector, string> = {
  ACUTE_TRUST: 'Acute trust',
  PRIMARY_CARE: 'Primary care',
  MENTAL_HEALTH: 'Mental health',
  AMBULANCE: 'Ambulance service',
  LOCAL_AUTHORITY: 'Local authority',
  CHILDRENS_SERVICES: "Children's services",
  VOLUNTARY: 'Voluntary sector',
  GENERAL_PRACTICE: 'Independent: general practice',
  DENTISTRY: 'Independent: dentistry',
  PHARMACY: 'Independent: pharmacy',
  OPTOMETRY: 'Independent: optometry',
  CARE_HOME: 'Independent: care home',
  DOMICILIARY_CARE: 'Independent: domiciliary care',
  EDUCATION_PROVIDER: 'Education provider',
  FIRE_AND_RESCUE: 'Fire and rescue',
};

export const SECTORS: Sector[] = Object.keys(SECTOR_TEXT) as Sector[];

export const ORGANISATION_ROLE_TEXT: Record<OrganisationRole, { text: string; hint: string }> = {
  CORE_STAKEHOLDER: { text: 'Core stakeholder', hint: 'Plans and funds learning with the partnership' },
  AFFECTED: { text: 'Affected organisation', hint: 'Its people take part, but it does not plan or fund' },
  PROVIDER: { text: 'Provider', hint: 'Mainly delivers training to others' },
};

export const PERSON_KIND_TEXT: Record<PersonKind, string> = { STAFF: 'Staff', VOLUNTEER: 'Volunteer' };
