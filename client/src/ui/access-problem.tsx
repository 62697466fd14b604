import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { signInPath } from './safe-next';
import { ViewerQuery } from './viewer.query';
import { useViewer } from './use-viewer';
import type { AccessProblem } from './access-errors';
import { useDocumentTitle } from './use-document-title';
import { paths } from '../paths';

/**
 * Signed out (the session may have expired since the header last asked): the header is told
 * nobody is signed in, and the person goes to sign in, then comes back here.
 */
function SignInRedirect() {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  useDocumentTitle(['Sign in']);
  useEffect(() => {
    client.writeQuery({ query: ViewerQuery, data: { viewer: null } });
    void navigate(signInPath(`${pathname}${search}`), { replace: true });
  }, [client, navigate, pathname, search]);
  return <p role="status">Taking you to sign in…</p>;
}

/**
 * What a page shows instead of itself when the API refuses it: signed out, straight to the
 * sign-in page (which comes back here); signed in without the role, a page that says whose
 * it is.
 */
export function AccessProblemPage({ problem, needs, who }: {
  problem: AccessProblem;
  /** "an administrator" */
  needs: string;
  /** "Partnership administrators" */
  who: string;
}) {
  return problem === 'UNAUTHENTICATED' ? <SignInRedirect /> : <Forbidden needs={needs} who={who} />;
}

function Forbidden({ needs, who }: { needs: string; who: string }) {
  const { viewer } = useViewer();
  const title = `You need to be ${needs}`;
  useDocumentTitle([title]);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        <p>{who} can use this page. If you think you should be able to, ask your partnership administrator.</p>
        <p><Link to={viewer ? paths.findTraining(viewer.partnership.slug) : '/'}>Find training</Link></p>
      </div>
    </div>
  );
}
