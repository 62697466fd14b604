import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../ui/use-document-title';
import { paths } from '../paths';
import { SITE_PAGES } from '../route-patterns';

/** Where signing out ends: it says it worked, so a person on a shared computer can walk away. */
export function SignedOutPage() {
  const { slug = '' } = useParams();
  useDocumentTitle(['You have signed out']);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You have signed out</h1>
        <p>Nothing of your account is left open in this browser.</p>
        <p><Link to={SITE_PAGES.signIn}>Sign in again</Link></p>
        <p><Link to={paths.findTraining(slug)}>Find training</Link></p>
      </div>
    </div>
  );
}
