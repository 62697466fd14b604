import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, leadsOrganisation, requireSignedIn, type Viewer } from '../auth/viewer';

/**
 * Who may see and change learning records. Default deny: signed out is UNAUTHENTICATED; signed
 * in without one of the rules below is FORBIDDEN; a person of another partnership is answered
 * as unknown (the caller says NOT_FOUND), whoever asks.
 *
 * - A person's record (completions, informal learning, their 70:20:10 balance, certificates and
 *   evidence files): the person themselves, their line manager (holding the role, named on the
 *   person), and an L&D lead of the organisation they work for. Administrators and the steering
 *   group run the partnership, not people's development: they see no one's record by name.
 * - Logging informal learning: anyone signed in, for their own record only.
 * - Confirming an entry of informal learning: the person's line manager, never the person.
 * - The partnership's learning activity (counts, hours and the balance by organisation, no
 *   names): the steering group and administrators.
 */

/** A person as access sees them. */
export interface RecordHolder {
  id: string;
  partnershipId: string;
  organisationId: string | null;
  lineManagerId: string | null;
}

/** learningRecord, logInformalLearning, confirmInformalLearning: signed in before anything is read. */
export function requireRecordsCaller(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to see learning records.');
}

function managesPerson(viewer: Viewer, person: RecordHolder): boolean {
  return hasRole(viewer, 'line_manager') && person.lineManagerId === viewer.personId;
}

export function canSeeLearningRecord(viewer: Viewer | null, person: RecordHolder): boolean {
  if (!viewer || viewer.partnershipId !== person.partnershipId) return false;
  return person.id === viewer.personId || managesPerson(viewer, person) || leadsOrganisation(viewer, person.organisationId);
}

/** Once the person is read (and found in the viewer's partnership). */
export function requireSeeingLearningRecord(viewer: Viewer, person: RecordHolder): void {
  if (!canSeeLearningRecord(viewer, person)) {
    throw new ForbiddenError('You can see your own learning record, your reports\' and, as an L&D lead, your organisation\'s.');
  }
}

export function canConfirmInformalLearning(viewer: Viewer | null, person: RecordHolder): boolean {
  return viewer !== null && viewer.partnershipId === person.partnershipId && person.id !== viewer.personId && managesPerson(viewer, person);
}

export function requireConfirmingInformalLearning(viewer: Viewer, person: RecordHolder): void {
  if (!canConfirmInformalLearning(viewer, person)) throw new ForbiddenError('Only the person\'s line manager can confirm their informal learning.');
}

/** logInformalLearning writes to the viewer's own record: nobody logs for another person. */
export function requireLoggingOwnLearning(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to log learning on your record.');
}

export function canSeeLearningActivity(viewer: Viewer | null, partnershipId: string): boolean {
  return viewer !== null && viewer.partnershipId === partnershipId && (isPartnershipAdmin(viewer) || hasRole(viewer, 'steering_group'));
}

/** The partnership's counts: signed in, then the steering group or an administrator of this very partnership. */
export function requireLearningActivityReader(viewer: Viewer | null, partnershipId: string): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in to see the partnership\'s learning activity.');
  if (!canSeeLearningActivity(signedIn, partnershipId)) {
    throw new ForbiddenError('Only the steering group and administrators of the partnership see its learning activity.');
  }
  return signedIn;
}
