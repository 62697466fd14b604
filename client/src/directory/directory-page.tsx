import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { SummaryList } from 'nhsuk-react-components';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import { ORGANISATION_ROLE_TEXT, SECTOR_TEXT } from '../admin/admin-text';
import type { PartnershipDirectoryQuery as DirectoryResult } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { useDocumentTitle } from '../ui/use-document-title';
import { PartnershipDirectoryQuery } from './directory.operations';
import { orgIdText } from './directory-form';
import type { EntryUpdatedState } from './directory-paths';
import { paths } from '../paths';

type Entry = DirectoryResult['partnershipDirectory'][number];

export const MEMBERS = { needs: 'signed in', who: 'Members of the partnership who are signed in' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}

function Updated({ name }: { name: string }) {
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="entry-updated-title">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="entry-updated-title">Success</h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">The directory entry of {name} has been updated</p>
      </div>
    </div>
  );
}

function EntryCard({ entry }: { entry: Entry }) {
  const { organisation, leads } = entry;
  const headingId = `entry-${organisation.id}`;
  return (
    <section className="nhsuk-card portal-directory-entry" aria-labelledby={headingId} data-organisation-id={organisation.id}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>{organisation.name}</h2>
        {entry.description ? <p className="portal-directory-entry__description">{entry.description}</p> : null}
        <SummaryList className="nhsuk-u-margin-bottom-3">
          <Row label="Sector">{SECTOR_TEXT[organisation.sector]}</Row>
          {organisation.sectorGroup ? <Row label="Represented by">{organisation.sectorGroup.name}</Row> : null}
          <Row label="Role">{ORGANISATION_ROLE_TEXT[organisation.role].text}</Row>
          <Row label="Provides training">{organisation.deliversTraining ? 'Yes' : 'No'}</Row>
          <Row label={leads.length === 1 ? 'L&D lead' : 'L&D leads'}>
            {leads.length ? (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {leads.map((lead) => (
                  <li key={lead.id}>
                    <strong>{lead.name}</strong>{lead.jobTitle ? <>, {lead.jobTitle}</> : null}
                    <br /><a href={`mailto:${lead.email}`}>{lead.email}</a>
                  </li>
                ))}
              </ul>
            ) : 'None yet'}
          </Row>
          {entry.contactEmail || entry.contactPhone ? (
            <Row label="Learning enquiries">
              {entry.contactEmail ? <a href={`mailto:${entry.contactEmail}`}>{entry.contactEmail}</a> : null}
              {entry.contactEmail && entry.contactPhone ? <br /> : null}
              {entry.contactPhone ? <a href={`tel:${entry.contactPhone.replace(/[^0-9+]/g, '')}`}>{entry.contactPhone}</a> : null}
            </Row>
          ) : null}
          {entry.website ? (
            <Row label="Website"><a href={entry.website} rel="noopener noreferrer">{entry.website.replace(/^https?:\/\//, '')}</a></Row>
          ) : null}
          <Row label="Registered identifier">
            {organisation.orgId ? <><span className="portal-directory-entry__org-id">{organisation.orgId}</span>
              <span className="nhsuk-body-s nhsuk-u-secondary-text-color"> ({orgIdText(organisation.orgId)})</span></> : 'Not recorded'}
          </Row>
        </SummaryList>
        {entry.viewerCanEdit ? (
          <p className="nhsuk-u-margin-bottom-0">
            <Link to={paths.directoryEntryEdit(organisation.id)}>
              Change this entry<span className="nhsuk-u-visually-hidden"> for {organisation.name}</span>
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}

function Directory({ viewer }: { viewer: SignedInViewer }) {
  const { state } = useLocation();
  const updated = (state as EntryUpdatedState | null)?.entryUpdated;
  const { data, loading, error } = useQuery(PartnershipDirectoryQuery, {
    variables: { partnershipSlug: viewer.partnership.slug }, fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(['Partnership directory', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...MEMBERS} />;
  const entries = data?.partnershipDirectory ?? [];
  const own = entries.filter((entry) => entry.viewerCanEdit);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {updated ? <Updated name={updated.name} /> : null}
        <h1>Partnership directory</h1>
        <p className="nhsuk-lede-text">
          The organisations of {viewer.partnership.name} and their learning and development (L&amp;D) leads: who to ask about training.
        </p>
        {own.length === 1 ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You can <Link to={paths.directoryEntryEdit(own[0].organisation.id)}>change the entry for {own[0].organisation.name}</Link>.</p>
          </div>
        ) : null}
        {loading && !data ? <p role="status">Loading the directory…</p> : null}
        {error && !data ? <p>Sorry, the directory could not be loaded. Try again later.</p> : null}
        {data ? (
          <>
            <p className="nhsuk-body-s">{entries.length} organisations, by name.</p>
            {entries.map((entry) => <EntryCard key={entry.id} entry={entry} />)}
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Everyone signed in to the partnership: its organisations and their L&D leads (the strategy's Annex B). */
export function DirectoryPage() {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...MEMBERS} />;
  return <Directory viewer={viewer} />;
}
