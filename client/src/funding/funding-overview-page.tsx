import { useQuery } from '@apollo/client/react';
import type { SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { FundingOverviewQuery } from './funding.operations';
import { FundingOverviewView, ScopeStatement } from './funding-overview-view';
import { FUNDING_AUDIENCE } from './require-funding-role';
import { useFundingYear } from './use-funding-year';
import { YearHeading } from './year-switcher';
import './funding.scss';

function FundingOverviewContent({ viewer }: { viewer: SignedInViewer }) {
  const year = useFundingYear();
  const slug = viewer.partnership.slug;
  const { data, loading, error } = useQuery(FundingOverviewQuery, { variables: { partnershipSlug: slug, financialYear: year.year } });
  useDocumentTitle([`Funding ${year.year}`, viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={FUNDING_AUDIENCE.partnership.needs} who={FUNDING_AUDIENCE.partnership.who} />;
  const overview = data?.fundingOverview ?? null;

  return (
    <div className="funding-page">
      <YearHeading title={`Funding for learning ${year.year}`} caption={viewer.partnership.name} year={year} slug={slug} />
      {overview ? <ScopeStatement overview={overview} /> : null}
      <div role="status">{loading && !overview ? <p>Loading the funding figures…</p> : null}</div>
      {error && !overview ? <p>{SERVICE_PROBLEM}</p> : null}
      {overview && !overview.byStream.length ? (
        <p data-testid="no-funding">There are no funding streams for {overview.financialYear} yet.</p>
      ) : null}
      {overview && overview.byStream.length ? <FundingOverviewView overview={overview} slug={slug} yearParam={year.param} /> : null}
    </div>
  );
}

/** Steering group and administrators: journey 5, where the partnership's money comes from and goes. */
export function FundingOverviewPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.partnership}>{(viewer) => <FundingOverviewContent viewer={viewer} />}</RequireRole>;
}
