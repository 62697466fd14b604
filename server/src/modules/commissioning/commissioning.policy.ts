import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, leadsOrganisation, organisationsWithRole, requireSignedIn, type Viewer } from '../auth/viewer';

/**
 * Who takes part in shared commissioning. Default deny: signed out is UNAUTHENTICATED; signed in
 * without one of the rules below is FORBIDDEN; another partnership's proposal is unknown.
 *
 * - L&D leads, the steering group and administrators of the partnership see its proposals.
 *   Volunteers, learners, line managers and provider coordinators see none (a provider named as a
 *   delivery option hears of it from the lead who asked for the quote, not from the portal).
 * - An L&D lead proposes and pledges for an organisation they lead, pledging money only from a
 *   stream that organisation manages or funds; they withdraw their organisation's pledges.
 * - Administrators and steering group members approve and decline; they pledge nothing.
 */

/** The organisations a viewer leads, their own first, so "their first" is stable between requests. */
export function ledOrganisations(viewer: Viewer | null): string[] {
  const led = [...new Set(organisationsWithRole(viewer, 'ld_lead'))].sort();
  return viewer?.organisationId && led.includes(viewer.organisationId)
    ? [viewer.organisationId, ...led.filter((id) => id !== viewer.organisationId)]
    : led;
}

export function mayDecideProposals(viewer: Viewer | null): boolean {
  return !!viewer && (isPartnershipAdmin(viewer) || hasRole(viewer, 'steering_group'));
}

export function maySeeProposals(viewer: Viewer | null): boolean {
  return mayDecideProposals(viewer) || ledOrganisations(viewer).length > 0;
}

/** commissioningProposals and commissioningProposal, before anything is read. */
export function requireProposalReader(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in to see commissioning proposals.');
  if (!maySeeProposals(signedIn)) throw new ForbiddenError('Commissioning proposals are shown to L&D leads, the steering group and administrators.');
  return signedIn;
}

/** A list asked for by partnership slug: another partnership's is refused. */
export function requireOwnPartnership(viewer: Viewer, partnershipId: string): void {
  if (viewer.partnershipId !== partnershipId) throw new ForbiddenError('You can see only your own partnership\'s proposals.');
}

/** Whether one proposal is the viewer's to see (another partnership's is answered as none). */
export function canSeeProposal(viewer: Viewer | null, proposal: { partnershipId: string }): boolean {
  return maySeeProposals(viewer) && viewer!.partnershipId === proposal.partnershipId;
}

/** proposeCommissioning, pledgeToProposal and withdrawPledge, before their input is read. */
export function requireLead(viewer: Viewer | null, doing: string): Viewer {
  const signedIn = requireSignedIn(viewer, `Sign in as an L&D lead to ${doing}.`);
  if (!ledOrganisations(signedIn).length) throw new ForbiddenError(`Only L&D leads can ${doing}.`);
  return signedIn;
}

/** The organisation a lead acts for: the one named, which they must lead, else their own first. */
export function requireActingFor(viewer: Viewer, organisationId: string | null | undefined, doing: string): string {
  if (organisationId == null) return ledOrganisations(viewer)[0];
  if (!leadsOrganisation(viewer, organisationId)) throw new ForbiddenError(`You can ${doing} only for an organisation you lead.`);
  return organisationId;
}

/** Money is pledged from a stream the pledging organisation manages or funds. */
export function canPledgeFromStream(organisationId: string, stream: { managingOrganisationId: string; funderOrganisationId: string | null }): boolean {
  return stream.managingOrganisationId === organisationId || stream.funderOrganisationId === organisationId;
}

/** withdrawPledge, once the pledge is read: its own organisation's leads. */
export function requireWithdrawing(viewer: Viewer, pledge: { organisationId: string }): void {
  if (!leadsOrganisation(viewer, pledge.organisationId)) throw new ForbiddenError('Only the L&D leads of the organisation that pledged can withdraw its pledge.');
}

/** approveProposal and declineProposal, before their input is read. */
export function requireDecider(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in as an administrator or steering group member to decide proposals.');
  if (!mayDecideProposals(signedIn)) throw new ForbiddenError('Only administrators and steering group members can approve or decline proposals.');
  return signedIn;
}
