import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { BackLink } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { FundingOrganisationsQuery, FundingOverviewQuery } from './funding.operations';
import { OrganisationFundingView, ScopeStatement } from './funding-overview-view';
import { LedgerEntriesList } from './ledger-entries-list';
import { FUNDING_AUDIENCE, fundingHomeOf, ledOrganisation } from './require-funding-role';
import { useFundingYear } from './use-funding-year';
import { YearHeading } from './year-switcher';
import './funding.scss';

/** The overview's key for entries that name no organisation (independent volunteers' places). */
const NO_ORGANISATION = 'none';

function OrganisationFunding({ viewer }: { viewer: SignedInViewer }) {
  const { id = '' } = useParams();
  const year = useFundingYear();
  const slug = viewer.partnership.slug;
  const { data } = useQuery(FundingOrganisationsQuery, { variables: { partnershipSlug: slug } });
  const organisation = data?.organisations.find((o) => o.id === id) ?? null;
  const name = id === NO_ORGANISATION ? 'No organisation (independent volunteers)' : organisation?.name ?? 'Organisation';
  useDocumentTitle([`${name}: funding ${year.year}`, viewer.partnership.name]);
  const home = fundingHomeOf(viewer);
  return (
    <div className="funding-page">
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={`${home.path}?year=${year.param}`}>{home.text} {year.year}</BackLink>
      <YearHeading title={name} caption={`Funding for learning ${year.year}`} year={year} slug={slug} />
      <p>The money this organisation’s people committed and spent in {year.year}, and what it contributed to pooled streams,
        entry by entry.</p>
      <LedgerEntriesList filter={{ partnershipSlug: slug, financialYear: year.year, organisationId: id }}
        caption={`Entries for ${name}`} filename={`funding-${year.param}-organisation-entries.csv`} />
    </div>
  );
}

/** One organisation drilled into from the funding page: the entries behind its row. */
export function FundingOrganisationPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.anyFunding}>{(viewer) => <OrganisationFunding viewer={viewer} />}</RequireRole>;
}

function MyOrganisationFunding({ viewer }: { viewer: SignedInViewer }) {
  const year = useFundingYear();
  const slug = viewer.partnership.slug;
  const organisation = ledOrganisation(viewer);
  const { data, loading, error } = useQuery(FundingOverviewQuery, { variables: { partnershipSlug: slug, financialYear: year.year } });
  const title = 'My organisation’s spend';
  useDocumentTitle([`${title} ${year.year}`, viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={FUNDING_AUDIENCE.lead.needs} who={FUNDING_AUDIENCE.lead.who} />;
  const overview = data?.fundingOverview ?? null;
  return (
    <div className="funding-page">
      <YearHeading title={`${title} ${year.year}`} caption={organisation?.name ?? viewer.partnership.name} year={year} slug={slug} />
      {overview ? <ScopeStatement overview={overview} /> : null}
      <div role="status">{loading && !overview ? <p>Loading the funding figures…</p> : null}</div>
      {error && !overview ? <p>{SERVICE_PROBLEM}</p> : null}
      {overview && !overview.byStream.length && !overview.streamsHeld.length
        ? <p data-testid="no-funding">Your organisation has no funding recorded for {year.year}.</p> : null}
      {overview && (overview.byStream.length || overview.streamsHeld.length) ? <OrganisationFundingView overview={overview} /> : null}
      {organisation ? (
        <LedgerEntriesList filter={{ partnershipSlug: slug, financialYear: year.year, organisationId: organisation.id }} withBudget={false}
          caption={`Entries for ${organisation.name}`} filename={`funding-${year.param}-my-organisation-entries.csv`} />
      ) : null}
    </div>
  );
}

/** L&D leads: their own organisation's slice of the year's funding, and its entries. */
export function MyOrganisationFundingPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.lead}>{(viewer) => <MyOrganisationFunding viewer={viewer} />}</RequireRole>;
}
