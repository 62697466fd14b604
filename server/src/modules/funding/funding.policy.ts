import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, organisationsWithRole, requireSignedIn, type Viewer } from '../auth/viewer';

/**
 * Who sees which money. Steering group members and administrators see the whole partnership's
 * funding (aggregates only: no person's data); an L&D lead sees their own organisation's slice:
 * the streams it manages, funds or contributes to, and the money its people commit and spend.
 * Everyone else is refused.
 */
export type FundingScope =
  | { kind: 'partnership'; partnershipId: string }
  | { kind: 'organisations'; partnershipId: string; organisationIds: string[] };

export function fundingScope(maybeViewer: Viewer | null): FundingScope {
  const viewer = requireSignedIn(maybeViewer, 'Sign in to see funding.');
  if (hasRole(viewer, 'steering_group') || isPartnershipAdmin(viewer)) {
    return { kind: 'partnership', partnershipId: viewer.partnershipId };
  }
  const led = organisationsWithRole(viewer, 'ld_lead');
  if (led.length) return { kind: 'organisations', partnershipId: viewer.partnershipId, organisationIds: led };
  throw new ForbiddenError('Funding is shown to the steering group, administrators and L&D leads.');
}

/** Creating streams sets up the partnership's money: administrators only. */
export function requireFundingAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in as an administrator to set up funding streams.');
  if (!isPartnershipAdmin(signedIn)) throw new ForbiddenError('Only partnership administrators can set up funding streams.');
  return signedIn;
}

/** Recording entries: administrators, and the L&D leads of the organisation that manages the stream. */
export function mayRecordEntries(viewer: Viewer | null): viewer is Viewer {
  return !!viewer && (isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'ld_lead').length > 0);
}

export function mayRecordOnStream(viewer: Viewer, stream: { partnershipId: string; managingOrganisationId: string }): boolean {
  if (stream.partnershipId !== viewer.partnershipId) return false;
  return isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'ld_lead').includes(stream.managingOrganisationId);
}

/** recordLedgerEntry, before its input is read. */
export function requireEntryRecorder(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in to record funding.');
  if (!mayRecordEntries(signedIn)) throw new ForbiddenError('Only administrators and L&D leads can record funding.');
  return signedIn;
}

/** recordLedgerEntry, once the stream is read. */
export function requireRecorderOnStream(viewer: Viewer, stream: { partnershipId: string; managingOrganisationId: string }): void {
  if (!mayRecordOnStream(viewer, stream)) {
    throw new ForbiddenError('Only administrators and the L&D leads of the organisation that manages this stream can record its entries.');
  }
}

/** A report asked for by partnership slug: another partnership's is refused. */
export function requirePartnershipInScope(scope: FundingScope, partnershipId: string): void {
  if (partnershipId !== scope.partnershipId) throw new ForbiddenError('You can see only your own partnership\'s funding.');
}

/** SQL condition on a funding_stream aliased `fs` for the scope; $1 is the partnership, $2 the organisations. */
export const STREAM_IN_SCOPE = `fs.partnership_id = $1 AND ($2::uuid[] IS NULL OR fs.managing_organisation_id = ANY($2) OR fs.funder_organisation_id = ANY($2)
  OR EXISTS (SELECT 1 FROM ledger_entry le WHERE le.stream_id = fs.id AND le.organisation_id = ANY($2)))`;

export function scopeParams(scope: FundingScope): [string, string[] | null] {
  return [scope.partnershipId, scope.kind === 'organisations' ? scope.organisationIds : null];
}

/** SQL condition on a ledger_entry `le` of a stream `fs` for the scope; $1 and $2 as above. */
export const ENTRY_IN_SCOPE = `le.partnership_id = $1 AND ($2::uuid[] IS NULL OR le.organisation_id = ANY($2)
  OR fs.managing_organisation_id = ANY($2) OR fs.funder_organisation_id = ANY($2))`;

/**
 * SQL condition on a ledger_entry `le` (or a ledger_cell, which has the same two columns) for the figures of a scope's overview; $1 and $2 as above.
 * Access and figures differ for an L&D lead: they may see every entry of the streams their
 * organisation manages or funds (ENTRY_IN_SCOPE), but their overview adds up their organisation's
 * own money only, the entries that name it (its people's places, what it funds and contributes,
 * what is paid to it), so that every figure on the page is the organisation's, none the partnership's.
 */
export const FIGURE_IN_SCOPE = `le.partnership_id = $1 AND ($2::uuid[] IS NULL OR le.organisation_id = ANY($2))`;

/**
 * SQL condition on a funding_stream `fs` that the scope holds: for an L&D lead the streams their
 * organisation manages, funds or contributes to, each counted whole (it holds the budget, so the
 * figures are the stream's); for the partnership every stream. $1 and $2 as above.
 */
export const STREAM_HELD = `fs.partnership_id = $1 AND ($2::uuid[] IS NULL OR fs.managing_organisation_id = ANY($2) OR fs.funder_organisation_id = ANY($2)
  OR EXISTS (SELECT 1 FROM ledger_cell c WHERE c.stream_id = fs.id AND c.kind = 'contribution' AND c.organisation_id = ANY($2)))`;
