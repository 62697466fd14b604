import type { DataSource } from 'typeorm';
import { COMPLIANCE_STATES, type ComplianceState } from '@portal/domain';
import type { Viewer } from '../auth/viewer';
import type { CellsQuery } from './compliance-facts.queries';
import { ComplianceMatrixService } from './compliance-matrix.service';
import type { MatrixFilter } from './compliance-matrix';
import { canSeeOrganisationCompliance, canSeeTeamCompliance } from './compliance.policy';

/**
 * The matrix's CSV as a download (http/compliance-export-routes.ts streams it): the same rows,
 * filters and access as `complianceMatrix` and `teamComplianceMatrix`, read a batch at a time.
 */
export const COMPLIANCE_EXPORTS = '/exports/compliance';

/** The download of a matrix with these filters (what `ComplianceMatrix.csvPath` answers). */
export function complianceCsvPath(query: CellsQuery): string {
  const search = new URLSearchParams();
  if (query.subjectCode) search.set('subject', query.subjectCode);
  if (query.status) search.set('status', query.status);
  if (query.team) search.set('team', query.team);
  const tail = search.size ? `?${search}` : '';
  if (query.scope.kind === 'organisation') return `${COMPLIANCE_EXPORTS}/organisations/${query.scope.organisationId}.csv${tail}`;
  return `${COMPLIANCE_EXPORTS}/team.csv${tail}`;
}

/** The filters of a download's address, or the problem with them. */
export function exportFilterOf(search: Record<string, unknown>): { filter: MatrixFilter } | { problem: string } {
  const text = (key: string, max: number): string | null | undefined => {
    const value = search[key];
    if (value === undefined || value === '') return null;
    return typeof value === 'string' && value.length <= max ? value : undefined;
  };
  const subjectCode = text('subject', 60);
  const team = text('team', 200);
  const status = text('status', 20);
  if (subjectCode === undefined) return { problem: 'subject must be a mandatory subject code.' };
  if (team === undefined) return { problem: 'team must be 200 characters or fewer.' };
  if (status === undefined || (status !== null && !COMPLIANCE_STATES.includes(status as ComplianceState))) {
    return { problem: `status must be one of ${COMPLIANCE_STATES.join(', ')}.` };
  }
  return { filter: { subjectCode, team, status: status as ComplianceState | null } };
}

export type ComplianceExportDecision = { allowed: true } | { allowed: false; status: 401 | 403 | 404; message: string };

/** As the matrix: the organisation's L&D leads and the partnership's administrators; another partnership's organisation does not exist. */
export function organisationCsvDecision(viewer: Viewer | null, organisation: { id: string; partnershipId: string } | null): ComplianceExportDecision {
  if (!viewer) return { allowed: false, status: 401, message: 'Sign in to download mandatory training compliance.' };
  if (!organisation || organisation.partnershipId !== viewer.partnershipId) {
    return { allowed: false, status: 404, message: 'There is no such organisation in your partnership.' };
  }
  if (canSeeOrganisationCompliance(viewer, organisation)) return { allowed: true };
  return { allowed: false, status: 403, message: 'Only the organisation\'s L&D leads and administrators see and manage its compliance.' };
}

/** As the team matrix: line managers, of their direct reports. */
export function teamCsvDecision(viewer: Viewer | null): ComplianceExportDecision {
  if (!viewer) return { allowed: false, status: 401, message: 'Sign in to download mandatory training compliance.' };
  if (canSeeTeamCompliance(viewer)) return { allowed: true };
  return { allowed: false, status: 403, message: 'Only line managers see their team\'s compliance.' };
}

export async function exportedComplianceOrganisation(dataSource: DataSource, id: string): Promise<{ id: string; partnershipId: string } | null> {
  const [found]: Array<{ id: string; partnership_id: string }> = await dataSource.query('SELECT id, partnership_id FROM organisation WHERE id = $1', [id]);
  return found ? { id: found.id, partnershipId: found.partnership_id } : null;
}

/** The CSV's chunks for an organisation's matrix or a manager's team's, once the decision allowed it. */
export async function complianceCsv(dataSource: DataSource, viewer: Viewer, target: { organisationId: string } | 'team', now: Date,
  filter: MatrixFilter): Promise<AsyncGenerator<string>> {
  const service = new ComplianceMatrixService(dataSource);
  const matrix = target === 'team'
    ? await service.teamMatrix(viewer.partnershipId, viewer.personId, now, { subjectCode: filter.subjectCode, status: filter.status })
    : await service.organisationMatrix(viewer.partnershipId, { id: target.organisationId }, now, filter);
  return service.csv(matrix.source);
}
