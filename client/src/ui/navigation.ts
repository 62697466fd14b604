import type { Role } from '../gql/graphql';
import { paths } from '../paths';
import { AREA_PATHS, COMPLIANCE_PATHS, EVALUATION_PATHS, FUNDING_PATHS, PROVIDER_PATHS, RECORDS_PATHS, SITE_PAGES } from '../route-patterns';

export interface NavigationItem {
  href: string;
  text: string;
}

/**
 * Where a person goes after signing in (when no page asked for it): where their work is. An
 * administrator to the administration, the steering group to the funding overview, an L&D lead
 * to their organisation's bookings, a line manager to the requests to decide, a provider
 * coordinator to their courses and sessions; everyone else to Find training.
 */
export function landingPathFor(roles: ReadonlyArray<{ role: Role }>, partnershipSlug: string): string {
  const held = new Set(roles.map((grant) => grant.role));
  if (held.has('PARTNERSHIP_ADMIN')) return AREA_PATHS.adminOrganisations;
  if (held.has('STEERING_GROUP')) return FUNDING_PATHS.overview;
  if (held.has('LD_LEAD')) return AREA_PATHS.organisationBookings;
  if (held.has('LINE_MANAGER')) return AREA_PATHS.bookingRequests;
  if (held.has('PROVIDER_COORDINATOR')) return PROVIDER_PATHS.courses;
  return paths.findTraining(partnershipSlug);
}

/**
 * The header's links for what this person may do. Everyone finds training; the other areas
 * follow the roles held (the API checks each request again). Everyone signed in has their own
 * bookings. Roles whose areas do not exist yet (reports) add nothing, so there are no dead links.
 */
export function navigationFor(
  roles: ReadonlyArray<{ role: Role }>, partnershipSlug: string | null, signedIn = roles.length > 0,
): NavigationItem[] {
  const held = new Set(roles.map((grant) => grant.role));
  const items: NavigationItem[] = [{ href: partnershipSlug ? paths.findTraining(partnershipSlug) : '/', text: 'Find training' }];
  if (signedIn) items.push({ href: AREA_PATHS.myBookings, text: 'My bookings' });
  if (signedIn) items.push({ href: RECORDS_PATHS.myRecord, text: 'My learning record' });
  // Impact reviews are asked of those who attend courses and of their line managers.
  if (held.has('LEARNER') || held.has('VOLUNTEER') || held.has('LINE_MANAGER')) items.push({ href: EVALUATION_PATHS.impactReviews, text: 'Impact reviews' });
  if (held.has('LINE_MANAGER') || held.has('LD_LEAD')) items.push({ href: AREA_PATHS.bookingRequests, text: 'Requests to decide' });
  if (held.has('LD_LEAD')) items.push({ href: AREA_PATHS.organisationBookings, text: "My organisation's bookings" });
  if (held.has('PROVIDER_COORDINATOR')) items.push({ href: PROVIDER_PATHS.courses, text: 'Your courses' });
  // An administrator publishes for any provider: every organisation's courses, on the same page.
  else if (held.has('PARTNERSHIP_ADMIN')) items.push({ href: PROVIDER_PATHS.courses, text: 'Courses' });
  if (held.has('STEERING_GROUP') || held.has('PARTNERSHIP_ADMIN')) items.push({ href: FUNDING_PATHS.overview, text: 'Funding' });
  if (held.has('STEERING_GROUP') || held.has('PARTNERSHIP_ADMIN')) items.push({ href: EVALUATION_PATHS.outcomes, text: 'Outcomes' });
  if (held.has('STEERING_GROUP') || held.has('PARTNERSHIP_ADMIN')) items.push({ href: RECORDS_PATHS.activity, text: 'Learning activity' });
  if (partnershipSlug && (held.has('LD_LEAD') || held.has('STEERING_GROUP') || held.has('PARTNERSHIP_ADMIN'))) {
    items.push({ href: paths.sharedDemand(partnershipSlug), text: 'Commissioning' });
  }
  if (held.has('PARTNERSHIP_ADMIN')) {
    items.push(
      { href: AREA_PATHS.adminOrganisations, text: 'Organisations' },
      { href: AREA_PATHS.adminPeople, text: 'People and roles' },
      { href: AREA_PATHS.adminImport, text: 'Import people' },
      { href: AREA_PATHS.adminAudit, text: 'Audit log' },
      { href: FUNDING_PATHS.admin, text: 'Funding streams' },
    );
  }
  if (held.has('LD_LEAD')) items.push({ href: AREA_PATHS.organisationPeople, text: "My organisation's people" });
  if (held.has('LD_LEAD')) items.push({ href: FUNDING_PATHS.myOrganisation, text: "My organisation's spend" });
  if (held.has('LD_LEAD')) items.push({ href: RECORDS_PATHS.organisationRecords, text: 'Learning records' });
  if (held.has('LD_LEAD')) items.push({ href: COMPLIANCE_PATHS.organisation, text: 'Mandatory training' });
  if (held.has('LINE_MANAGER')) items.push({ href: AREA_PATHS.team, text: 'My team' });
  if (held.has('LINE_MANAGER')) items.push({ href: COMPLIANCE_PATHS.team, text: "My team's mandatory training" });
  if (held.has('STEERING_GROUP') || held.has('PARTNERSHIP_ADMIN')) items.push({ href: COMPLIANCE_PATHS.partnership, text: 'Compliance' });
  // Last, so that where the header runs out of room it is the first to go behind "More".
  if (signedIn) items.push({ href: SITE_PAGES.directory, text: 'Partnership directory' });
  return items;
}

/** The item for the page being shown: the longest href the path starts with. */
export function currentItem(items: NavigationItem[], pathname: string): NavigationItem | null {
  const matches = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  return matches.sort((a, b) => b.href.length - a.href.length)[0] ?? null;
}

/** The partnership a path belongs to: "/p/greater-peterborough/find-training" → "greater-peterborough". */
export function partnershipSlugOfPath(path: string | null | undefined): string | null {
  const match = /^\/p\/([^/?#]+)/.exec(path ?? '');
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
