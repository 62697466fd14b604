import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import type { SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { FiguresTable } from './figures-table';
import { FundingStreamsQuery } from './funding.operations';
import { ENTRY_KIND_TEXT } from './funding-text';
import type { StreamAddedState } from './new-funding-stream-page';
import type { EntryRecordedState } from './record-entry-page';
import { FUNDING_AUDIENCE } from './require-funding-role';
import { useFundingYear } from './use-funding-year';
import { YearHeading } from './year-switcher';
import './funding.scss';
import { paths } from '../paths';
import { FUNDING_PATHS } from '../route-patterns';

function SuccessBanner({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="funding-outcome"
      data-testid="funding-admin-outcome">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title">Success</h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <h3 className="nhsuk-notification-banner__heading" id="funding-outcome" tabIndex={-1} ref={heading}>{title}</h3>
        {children}
      </div>
    </div>
  );
}

function FundingAdmin({ viewer }: { viewer: SignedInViewer }) {
  const year = useFundingYear();
  const slug = viewer.partnership.slug;
  const location = useLocation();
  const state = (location.state ?? {}) as Partial<StreamAddedState & EntryRecordedState>;
  const { data, loading, error } = useQuery(FundingStreamsQuery, { variables: { partnershipSlug: slug, financialYear: year.year } });
  useDocumentTitle([`Funding streams ${year.year}`, viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={FUNDING_AUDIENCE.admin.needs} who={FUNDING_AUDIENCE.admin.who} />;
  const streams = [...(data?.fundingStreams ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  return (
    <div className="funding-page">
      {state.streamAdded ? (
        <SuccessBanner title={`${state.streamAdded.name} added`}>
          <p>Its budget of {state.streamAdded.amount} for {state.streamAdded.financialYear} is in the ledger.{' '}
            <Link className="nhsuk-notification-banner__link" to={paths.fundingStream(state.streamAdded.id)}>See the stream</Link></p>
        </SuccessBanner>
      ) : null}
      {state.entryRecorded ? (
        <SuccessBanner title={`Entry ${state.entryRecorded.sequence} recorded on ${state.entryRecorded.streamName}`}>
          <p>{ENTRY_KIND_TEXT[state.entryRecorded.kind].text} of {state.entryRecorded.amount}.</p>
        </SuccessBanner>
      ) : null}
      <YearHeading title={`Funding streams ${year.year}`} caption="Administration" year={year} slug={slug} />
      <div className="funding-actions">
        <Link className="nhsuk-button" to={FUNDING_PATHS.adminNewStream} role="button" draggable={false}>Add a funding stream</Link>
        <Link className="nhsuk-button nhsuk-button--secondary" to={FUNDING_PATHS.adminRecordEntry} role="button" draggable={false}>Record an entry</Link>
      </div>
      <p><Link to={paths.fundingOverview(year.param)}>See the funding figures for {year.year}</Link></p>
      <div role="status">{loading && !data ? <p>Loading the streams…</p> : null}</div>
      {error && !data ? <p>{SERVICE_PROBLEM}</p> : null}
      {data && !streams.length ? <p>There are no funding streams for {year.year} yet.</p> : null}
      {streams.length ? (
        <FiguresTable caption={`Funding streams, ${year.year}`} labelHeader="Stream" testId="admin-streams"
          rows={streams.map((s) => ({
            key: s.id, label: s.name, href: paths.fundingStream(s.id), summary: s.summary,
            note: `${s.funderName}${s.pooled ? ' (pooled)' : ''}. Managed by ${s.managingOrganisation.name}`,
          }))} />
      ) : null}
    </div>
  );
}

/** Administrators: the year's streams, and the ways to add a stream or record an entry. */
export function FundingAdminPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.admin}>{(viewer) => <FundingAdmin viewer={viewer} />}</RequireRole>;
}
