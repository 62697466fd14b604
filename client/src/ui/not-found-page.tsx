import { Link } from 'react-router';
import { SITE_PAGES } from '../route-patterns';
import { PageLayout, PORTAL_NAME } from './page-layout';
import { useDocumentTitle } from './use-document-title';

function NotFoundContent() {
  useDocumentTitle(['Page not found']);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you typed the web address, check it was correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          <Link to={SITE_PAGES.home}>Find training in your partnership</Link>
        </p>
      </div>
    </div>
  );
}

/** Inside a partnership the layout is already there; elsewhere (standalone) the page brings its own. */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  return standalone ? (
    <PageLayout serviceName={PORTAL_NAME} serviceHref="/">
      <NotFoundContent />
    </PageLayout>
  ) : (
    <NotFoundContent />
  );
}
