import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, organisationsWithRole, type Viewer } from '../auth/viewer';
import type { PersonEntity } from './person.entity';

/**
 * Who may see and change people. Default deny: signed out is UNAUTHENTICATED; signed in without
 * one of the rules below is FORBIDDEN. The steering group sees aggregates elsewhere, never people.
 *
 * - Partnership administrators: everyone in their own partnership; they alone change people,
 *   roles and organisations, and import people.
 * - L&D leads: the people of the organisations they lead.
 * - Line managers: their direct reports.
 *
 * The list rule (peopleScope, applied in SQL by people.service.ts) and the single-object rule
 * (canSeePerson, for Person.lineManager and mutation results) are tested side by side.
 */
/** For every administration mutation and read: returns the viewer, whose partnership is the only one they act in. */
export function requirePartnershipAdmin(viewer: Viewer | null, doing = 'do this'): Viewer {
  if (!viewer) throw new UnauthenticatedError(`Sign in as a partnership administrator to ${doing}.`);
  if (!isPartnershipAdmin(viewer)) throw new ForbiddenError(`Only partnership administrators can ${doing}.`);
  return viewer;
}

export type PeopleScope =
  /** Administrators; organisationId, when given, has still to be found in the partnership. */
  | { kind: 'partnership'; partnershipId: string; organisationId: string | null }
  | { kind: 'organisation'; partnershipId: string; organisationId: string }
  | { kind: 'reports'; partnershipId: string; managerId: string; organisationId: string | null };

/** The organisations a viewer leads, their own first, so "their first" is stable between requests. */
function ledOrganisations(viewer: Viewer): string[] {
  const led = [...new Set(organisationsWithRole(viewer, 'ld_lead'))].sort();
  return viewer.organisationId && led.includes(viewer.organisationId)
    ? [viewer.organisationId, ...led.filter((id) => id !== viewer.organisationId)]
    : led;
}

/** Which people a viewer may list, or the access error. `organisationId` is the client's argument. */
export function peopleScope(viewer: Viewer | null, organisationId: string | null, directReportsOnly = false): PeopleScope {
  if (!viewer) throw new UnauthenticatedError('Sign in to see people.');
  const { partnershipId } = viewer;
  if (directReportsOnly) {
    if (!hasRole(viewer, 'line_manager')) throw new ForbiddenError('Only line managers have direct reports to list.');
    return { kind: 'reports', partnershipId, managerId: viewer.personId, organisationId: null };
  }
  if (isPartnershipAdmin(viewer)) return { kind: 'partnership', partnershipId, organisationId };
  const led = ledOrganisations(viewer);
  if (led.length && (organisationId === null || led.includes(organisationId))) {
    return { kind: 'organisation', partnershipId, organisationId: organisationId ?? led[0] };
  }
  if (hasRole(viewer, 'line_manager')) {
    // Their reports are whoever they manage: another organisation's id (of their partnership; the
    // service refuses any other) narrows nothing, so it is ignored.
    return { kind: 'reports', partnershipId, managerId: viewer.personId,
      organisationId: organisationId !== null && organisationId === viewer.organisationId ? organisationId : null };
  }
  if (led.length) throw new ForbiddenError('You can see the people of the organisations you lead only.');
  throw new ForbiddenError('Only administrators, L&D leads and line managers can see people.');
}

/**
 * After peopleScope, the organisation the client named must be one of the viewer's partnership:
 * an unknown id and another partnership's get the same answer, as neither is theirs to see.
 */
export function requireNamedOrganisationFound(found: boolean): void {
  if (!found) throw new ForbiddenError('You can see the people of your own partnership\'s organisations only.');
}

/** Whether a viewer may see one person: whether some people() call of theirs would list them, or it is themselves. */
export function canSeePerson(viewer: Viewer | null,
  person: Pick<PersonEntity, 'id' | 'partnershipId' | 'organisationId' | 'lineManagerId'>): boolean {
  if (!viewer || viewer.partnershipId !== person.partnershipId) return false;
  if (person.id === viewer.personId || isPartnershipAdmin(viewer)) return true;
  if (person.organisationId !== null && ledOrganisations(viewer).includes(person.organisationId)) return true;
  return hasRole(viewer, 'line_manager') && person.lineManagerId === viewer.personId;
}
