import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { pageNumberOf, pageStateOf } from '../ui/paging';
import type { ComplianceStatus } from '../gql/graphql';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { ComplianceMatrixQuery, TeamComplianceMatrixQuery } from './compliance.operations';
import { COMPLIANCE_STATUSES } from './compliance-text';
import { ComplianceMatrixView } from './compliance-matrix-view';
import './compliance.scss';

function statusOf(search: URLSearchParams): ComplianceStatus | null {
  const status = search.get('status');
  return status && (COMPLIANCE_STATUSES as string[]).includes(status) ? status as ComplianceStatus : null;
}

/** People a page: a subject's people, or everyone's rows to choose one person from. */
export const MATRIX_PAGE_SIZE = 50;

/** The page of rows the address asks for: one subject's people (or everyone's while one person is shown), from its cursor. */
function rowsVariables(search: URLSearchParams) {
  return { subjectCode: search.get('person') ? null : search.get('subject') || null, first: MATRIX_PAGE_SIZE, after: pageStateOf(search).after };
}

function OrganisationMatrix({ viewer }: { viewer: SignedInViewer }) {
  const led = viewer.roles.find((grant) => grant.role === 'LD_LEAD' && grant.organisation)?.organisation;
  const [search] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(ComplianceMatrixQuery, {
    variables: { organisationId: led?.id ?? '', status: statusOf(search), team: search.get('team') || null, ...rowsVariables(search) },
    skip: !led, fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(['Mandatory training', led?.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.LD_LEAD} />;
  return (
    <>
      <span className="nhsuk-caption-l">{led?.name}</span>
      <h1>Mandatory training</h1>
      <p><Link to={paths.complianceSettings(led?.id)}>Change the compliance settings</Link>: renewal periods, who needs which subjects, and whose completions count.</p>
      {loading && !data ? <p role="status">Loading the compliance matrix…</p> : null}
      {error && !data ? <p>Sorry, the compliance matrix could not be loaded. Try again later.</p> : null}
      {data ? (
        <ComplianceMatrixView matrix={data.complianceMatrix} rows={data.matrixRows.rowsPage} page={pageNumberOf(pageStateOf(search))}
          pageSize={MATRIX_PAGE_SIZE} organisationId={led!.id} pathFor={paths.compliance}
          onBooked={() => { void refetch(); }} fileName={`mandatory-training-${led!.shortCode.toLowerCase()}-${data.complianceMatrix.today}.csv`} />
      ) : null}
    </>
  );
}

/** An L&D lead's organisation: who is compliant, expiring or overdue per subject, and booking the overdue onto the next sessions. */
export function ComplianceMatrixPage() {
  return <RequireRole role="LD_LEAD">{(viewer) => <OrganisationMatrix viewer={viewer} />}</RequireRole>;
}

function TeamMatrix() {
  const [search] = useSearchParams();
  const { data, loading, error } = useQuery(TeamComplianceMatrixQuery, {
    variables: { status: statusOf(search), ...rowsVariables(search) }, fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(["My team's mandatory training"]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.LINE_MANAGER} />;
  return (
    <>
      <h1>My team&rsquo;s mandatory training</h1>
      {loading && !data ? <p role="status">Loading your team&rsquo;s compliance…</p> : null}
      {error && !data ? <p>Sorry, your team&rsquo;s compliance could not be loaded. Try again later.</p> : null}
      {data ? (
        <ComplianceMatrixView matrix={data.teamComplianceMatrix} rows={data.matrixRows.rowsPage} page={pageNumberOf(pageStateOf(search))}
          pageSize={MATRIX_PAGE_SIZE} organisationId={null} pathFor={paths.teamCompliance}
          onBooked={() => {}} fileName={`team-mandatory-training-${data.teamComplianceMatrix.today}.csv`} />
      ) : null}
    </>
  );
}

/** A line manager's direct reports, the same matrix without booking (their L&D lead books). */
export function TeamCompliancePage() {
  return <RequireRole role="LINE_MANAGER">{() => <TeamMatrix />}</RequireRole>;
}
