import { Link, Navigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { PageLayout, PORTAL_NAME } from '../ui/page-layout';
import { useDocumentTitle } from '../ui/use-document-title';
import { PartnershipsQuery } from './partnerships.query';
import { paths } from '../paths';

/** The front door: pick a partnership; with only one there is nothing to pick (its start page). */
export function ChoosePartnershipPage() {
  useDocumentTitle(['Choose your partnership']);
  const { data, loading, error } = useQuery(PartnershipsQuery);
  const partnerships = data?.partnerships ?? [];

  if (partnerships.length === 1) return <Navigate to={paths.partnership(partnerships[0].slug)} replace />;

  return (
    <PageLayout serviceName={PORTAL_NAME} serviceHref="/">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Find training in your partnership</h1>
          {loading ? <p role="status">Loading partnerships…</p> : null}
          {error ? <p>Sorry, the list of partnerships could not be loaded. Try again later.</p> : null}
          {!loading && !error && partnerships.length === 0 ? <p>No partnerships have been set up yet.</p> : null}
          {partnerships.length > 1 ? (
            <>
              <p>Choose the health and social care partnership you work or volunteer in.</p>
              <ul className="nhsuk-list nhsuk-list--border">
                {partnerships.map((partnership) => (
                  <li key={partnership.id}>
                    <Link to={paths.partnership(partnership.slug)}>{partnership.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </PageLayout>
  );
}
