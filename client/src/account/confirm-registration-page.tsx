import { useState } from 'react';
import { Link, useOutletContext, useParams, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import type { PartnershipOutletContext } from '../ui/partnership-layout';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { useDocumentTitle } from '../ui/use-document-title';
import { ConfirmRegistrationMutation } from './auth.mutations';
import { REGISTRATION_NEXT_KEY } from './register-page';
import { safeNextPath } from '../ui/safe-next';
import { useAfterSignIn } from './use-session-change';
import { paths } from '../paths';
import { SITE_PAGES } from '../route-patterns';

const NO_INPUTS: Record<never, string> = {};

/**
 * The link in the registration email (?token=…). A button, not an automatic request: mail
 * scanners open links before people do, and the link works once. Then signed in, back where
 * the person registered from when it was this browser, else on Find training.
 */
export function ConfirmRegistrationPage() {
  const { slug = '' } = useParams();
  const { partnershipName } = useOutletContext<PartnershipOutletContext>();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const afterSignIn = useAfterSignIn();
  const [confirm, { loading }] = useMutation(ConfirmRegistrationMutation);
  const [problem, setProblem] = useState<string | null>(token ? null : 'The link is missing part of its address. Register again.');
  useDocumentTitle(['Finish registering', partnershipName], problem !== null);

  const finish = async () => {
    if (loading) return;
    try {
      const { data } = await confirm({ variables: { input: { token } } });
      const payload = data?.confirmRegistration;
      if (!payload?.viewer) {
        setProblem(payload?.userErrors[0]?.message ?? SERVICE_PROBLEM);
        return;
      }
      const next = safeNextPath(window.localStorage.getItem(REGISTRATION_NEXT_KEY));
      window.localStorage.removeItem(REGISTRATION_NEXT_KEY);
      await afterSignIn(next ?? paths.findTraining(payload.viewer.partnership.slug));
    } catch {
      setProblem(SERVICE_PROBLEM);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={problem ? [{ field: null, message: problem }] : []} inputIds={NO_INPUTS} />
        <h1>Finish registering</h1>
        <p>Your email address is confirmed by this link. Finish registering to sign in and book training.</p>
        {problem ? null : <Button type="button" onClick={finish}>Finish registering and sign in</Button>}
        <p><Link to={paths.register(slug)}>Register again</Link> or <Link to={SITE_PAGES.signIn}>sign in</Link></p>
      </div>
    </div>
  );
}
