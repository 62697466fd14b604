import { Link, useOutletContext, useParams, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import type { PartnershipOutletContext } from '../ui/partnership-layout';
import { useFormSubmit } from '../ui/use-form-submit';
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
  // No fields: whatever is wrong (a used or expired link, the service) is said once, above the heading.
  const { errors, send } = useFormSubmit<never>([]);
  const problems = token ? errors : [{ field: null, message: 'The link is missing part of its address. Register again.' }];
  useDocumentTitle(['Finish registering', partnershipName], problems.length > 0);

  const finish = async () => {
    if (loading) return;
    await send({
      request: async () => (await confirm({ variables: { input: { token } } })).data?.confirmRegistration,
      succeeded: (payload) => !!payload.viewer,
      toErrors: (userErrors) => userErrors.slice(0, 1).map((error) => ({ field: null, message: error.message })),
      done: async (payload) => {
        const next = safeNextPath(window.localStorage.getItem(REGISTRATION_NEXT_KEY));
        window.localStorage.removeItem(REGISTRATION_NEXT_KEY);
        await afterSignIn(next ?? paths.findTraining(payload.viewer!.partnership.slug));
      },
    });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={problems} inputIds={NO_INPUTS} />
        <h1>Finish registering</h1>
        <p>Your email address is confirmed by this link. Finish registering to sign in and book training.</p>
        {problems.length ? null : <Button type="button" onClick={finish}>Finish registering and sign in</Button>}
        <p><Link to={paths.register(slug)}>Register again</Link> or <Link to={SITE_PAGES.signIn}>sign in</Link></p>
      </div>
    </div>
  );
}
