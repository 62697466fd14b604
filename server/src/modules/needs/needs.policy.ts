import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, leadsOrganisation, organisationsWithRole, requireSignedIn, type Viewer } from '../auth/viewer';
import { TrainingNeedScope } from './needs.enums';

/**
 * Who may raise, withdraw, meet and see training needs, and who sees shared demand. Default deny:
 * signed out is UNAUTHENTICATED; signed in without one of the rules below is FORBIDDEN.
 *
 * - Raising: an L&D lead for an organisation they lead; a line manager for their team (the need
 *   is their team's, in their organisation); anyone who works for a partner organisation for
 *   themselves, from their 1:1 (it goes to their organisation's lead). A person of no
 *   organisation (an independent volunteer) raises nothing.
 * - Withdrawing: whoever raised the need, or an L&D lead of its organisation.
 * - Meeting by an existing course: an L&D lead of its organisation.
 * - Seeing needs: administrators and the steering group every need of the partnership; an L&D
 *   lead their organisations' needs; a line manager their team's; everyone the needs they raised
 *   or that are for them.
 * - Shared demand (trainingNeedGroups): L&D leads, the steering group and administrators. A lead
 *   sees the needs of the organisations they lead in full and the other organisations of a group
 *   only as a name, a count of needs and a count of people (needDemandView).
 */

/** A need as access sees it. */
export interface NeedParties {
  partnershipId: string;
  organisationId: string;
  raisedByPersonId: string;
  teamManagerPersonId: string | null;
  forPersonId: string | null;
}

/** Every needs mutation, before its input is read. */
export function requireNeedsWriter(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to raise or change training needs.');
}

/** Whether the viewer may raise a need of this scope (for an ORGANISATION need: for this organisation). */
export function canRaiseNeed(viewer: Viewer, scope: TrainingNeedScope, organisationId: string | null): boolean {
  switch (scope) {
    case TrainingNeedScope.ORGANISATION: return leadsOrganisation(viewer, organisationId);
    case TrainingNeedScope.TEAM: return viewer.organisationId !== null && hasRole(viewer, 'line_manager', viewer.organisationId);
    case TrainingNeedScope.PERSON: return viewer.organisationId !== null;
  }
}

export function requireRaisingNeed(viewer: Viewer, scope: TrainingNeedScope, organisationId: string | null): void {
  if (canRaiseNeed(viewer, scope, organisationId)) return;
  if (scope === TrainingNeedScope.ORGANISATION) {
    throw new ForbiddenError(organisationsWithRole(viewer, 'ld_lead').length
      ? 'You can raise needs only for the organisations you lead.'
      : 'Only L&D leads can raise a need for their organisation.');
  }
  if (scope === TrainingNeedScope.TEAM) throw new ForbiddenError('Only line managers can raise a need for their team.');
  throw new ForbiddenError('Only people who work for a partner organisation can raise a training need.');
}

/** The organisation an ORGANISATION need is for when the input names none: the one they lead, when they lead exactly one. */
export function defaultNeedOrganisation(viewer: Viewer): string | null {
  const led = [...new Set(organisationsWithRole(viewer, 'ld_lead'))];
  return led.length === 1 ? led[0] : null;
}

export function canWithdrawNeed(viewer: Viewer, need: NeedParties): boolean {
  return viewer.partnershipId === need.partnershipId
    && (need.raisedByPersonId === viewer.personId || leadsOrganisation(viewer, need.organisationId));
}

export function requireWithdrawingNeed(viewer: Viewer, need: NeedParties): void {
  if (!canWithdrawNeed(viewer, need)) throw new ForbiddenError('Only whoever raised a need, or an L&D lead of its organisation, can withdraw it.');
}

export function canMeetNeed(viewer: Viewer, need: NeedParties): boolean {
  return viewer.partnershipId === need.partnershipId && leadsOrganisation(viewer, need.organisationId);
}

export function requireMeetingNeed(viewer: Viewer, need: NeedParties): void {
  if (!canMeetNeed(viewer, need)) throw new ForbiddenError('Only an L&D lead of its organisation can mark a need as met.');
}

/** Which needs a list may hold: the whole partnership, or any of the organisations and the person's own. */
export interface NeedsScope {
  partnershipId: string;
  everyNeed: boolean;
  /** Organisations whose every need is seen (those the viewer leads). */
  organisationIds: string[];
  /** Needs raised by, for, or for the team of this person. */
  personId: string;
}

/** trainingNeeds, before the partnership is looked up: anyone signed in has some needs of their own to see. */
export function requireNeedsReader(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to see training needs.');
}

/** trainingNeeds: a member of the partnership named; another partnership's is FORBIDDEN. */
export function needsScope(viewer: Viewer | null, partnershipId: string): NeedsScope {
  const signedIn = requireSignedIn(viewer, 'Sign in to see training needs.');
  if (signedIn.partnershipId !== partnershipId) throw new ForbiddenError('You can see only your own partnership\'s training needs.');
  return {
    partnershipId,
    everyNeed: isPartnershipAdmin(signedIn) || hasRole(signedIn, 'steering_group'),
    organisationIds: [...new Set(organisationsWithRole(signedIn, 'ld_lead'))].sort(),
    personId: signedIn.personId,
  };
}

/** Whether one need is in the viewer's scope: what needsScope lists, as a rule on one row. */
export function canSeeNeed(viewer: Viewer | null, need: NeedParties): boolean {
  if (!viewer || viewer.partnershipId !== need.partnershipId) return false;
  const scope = needsScope(viewer, need.partnershipId);
  return scope.everyNeed || scope.organisationIds.includes(need.organisationId)
    || [need.raisedByPersonId, need.forPersonId, need.teamManagerPersonId].includes(viewer.personId);
}

/** What shared demand shows: every need, or only the needs of these organisations in full (the rest as counts). */
export type NeedDemandView = { everyNeed: true } | { everyNeed: false; organisationIds: string[] };

export function canSeeDemand(viewer: Viewer | null, partnershipId: string): boolean {
  return !!viewer && viewer.partnershipId === partnershipId
    && (isPartnershipAdmin(viewer) || hasRole(viewer, 'steering_group') || organisationsWithRole(viewer, 'ld_lead').length > 0);
}

/** trainingNeedGroups, once the partnership is known from its slug. */
export function requireDemandReader(viewer: Viewer | null, partnershipId: string): NeedDemandView {
  const signedIn = requireSignedIn(viewer, 'Sign in as an L&D lead, a steering group member or an administrator to see shared demand.');
  if (!canSeeDemand(signedIn, partnershipId)) {
    throw new ForbiddenError(signedIn.partnershipId !== partnershipId
      ? 'You can see only your own partnership\'s shared demand.'
      : 'Only L&D leads, the steering group and administrators can see shared demand.');
  }
  return isPartnershipAdmin(signedIn) || hasRole(signedIn, 'steering_group')
    ? { everyNeed: true }
    : { everyNeed: false, organisationIds: [...new Set(organisationsWithRole(signedIn, 'ld_lead'))].sort() };
}

/** trainingNeedGroups, before the partnership is looked up: whether the viewer reads shared demand at all. */
export function requireSomeDemandReader(viewer: Viewer | null): Viewer {
  requireDemandReader(viewer, viewer?.partnershipId ?? '');
  return viewer!;
}

/** Whether shared demand shows this need itself (not only its organisation's counts) to the viewer. */
export function demandShowsNeed(view: NeedDemandView, organisationId: string): boolean {
  return view.everyNeed || view.organisationIds.includes(organisationId);
}
