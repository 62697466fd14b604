import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Table } from 'nhsuk-react-components';
import { AREA_PATHS } from '../route-patterns';
import type { SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { AdminOrganisationsQuery } from './admin.operations';
import { ORGANISATION_ROLE_TEXT, SECTOR_TEXT } from './admin-text';

/** What the "Add an organisation" page leaves in the history entry, to confirm here. */
export interface OrganisationAddedState {
  organisationAdded?: { name: string; lead: { name: string; email: string } | null };
}

function Added({ added }: { added: NonNullable<OrganisationAddedState['organisationAdded']> }) {
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert"
      aria-labelledby="organisation-added-title">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="organisation-added-title">Success</h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{added.name} has been added</p>
        {added.lead ? (
          <p>{added.lead.name} is its L&amp;D lead. To sign in, they choose a password with “Forgotten your password?”
            on the sign-in page, using {added.lead.email}.</p>
        ) : null}
      </div>
    </div>
  );
}

function OrganisationsList({ viewer }: { viewer: SignedInViewer }) {
  const { state } = useLocation();
  const added = (state as OrganisationAddedState | null)?.organisationAdded;
  const { data, loading, error } = useQuery(AdminOrganisationsQuery, {
    variables: { partnershipSlug: viewer.partnership.slug }, fetchPolicy: 'cache-and-network',
  });
  const problem = accessProblemOf(error);
  const organisations = [...(data?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  useDocumentTitle(['Organisations', viewer.partnership.name]);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.PARTNERSHIP_ADMIN} />;

  return (
    <>
      {added ? <Added added={added} /> : null}
      <h1>Organisations</h1>
      <p>The partner organisations of {viewer.partnership.name}.</p>
      <Button asElement={Link} to={AREA_PATHS.adminNewOrganisation} secondary>Add an organisation</Button>
      {loading && !data ? <p role="status">Loading organisations…</p> : null}
      {error && !data ? <p>Sorry, the organisations could not be loaded. Try again later.</p> : null}
      {data ? (
        <Table responsive caption={`${organisations.length} organisations`} captionProps={{ size: 'm' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Short code</Table.Cell>
              <Table.Cell>Sector</Table.Cell>
              <Table.Cell>Role</Table.Cell>
              <Table.Cell format="numeric">Staff</Table.Cell>
              <Table.Cell format="numeric">Volunteers</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {organisations.map((organisation) => (
              <Table.Row key={organisation.id}>
                <Table.Cell>
                  {organisation.name}
                  {organisation.sectorGroup ? <span className="nhsuk-body-s portal-table-note">Represented by {organisation.sectorGroup.name}</span> : null}
                </Table.Cell>
                <Table.Cell>{organisation.shortCode}</Table.Cell>
                <Table.Cell>{SECTOR_TEXT[organisation.sector]}</Table.Cell>
                <Table.Cell>
                  {ORGANISATION_ROLE_TEXT[organisation.role].text}
                  {organisation.deliversTraining ? <span className="nhsuk-body-s portal-table-note">Delivers training</span> : null}
                </Table.Cell>
                <Table.Cell format="numeric">{organisation.staffHeadcount.toLocaleString('en-GB')}</Table.Cell>
                <Table.Cell format="numeric">{organisation.volunteerHeadcount.toLocaleString('en-GB')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </>
  );
}

/** Administrators: the partnership's organisations, and the way to add one. */
export function OrganisationsPage() {
  return <RequireRole role="PARTNERSHIP_ADMIN">{(viewer) => <OrganisationsList viewer={viewer} />}</RequireRole>;
}
