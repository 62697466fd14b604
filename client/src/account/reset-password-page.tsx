import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button, PasswordInput } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import { messagesByField, requiredErrors } from '../ui/form-errors';
import { useFormSubmit } from '../ui/use-form-submit';
import { useDocumentTitle } from '../ui/use-document-title';
import { ResetPasswordMutation } from './auth.mutations';
import { NEW_PASSWORD_HINT } from './auth-fields';
import { useAfterSignIn } from './use-session-change';
import { paths } from '../paths';
import { SITE_PAGES } from '../route-patterns';

type Field = 'password';
const INPUT_IDS: Record<Field, string> = { password: 'password' };

/** What differs between a reset link and an invitation's (the same single-use link underneath). */
const WORDING = {
  reset: {
    title: 'Choose a new password', heading: 'Choose a new password', label: 'New password', intro: null,
    notValidTitle: 'Reset link not valid', notValidHeading: 'This reset link cannot be used', askAgain: 'Ask for a new reset link',
    expired: null,
  },
  invitation: {
    title: 'Choose your password', heading: 'Choose your password', label: 'Password',
    intro: 'You have been added to your partnership\'s learning portal. Choose a password to finish setting up your account and sign in.',
    notValidTitle: 'Invitation link not valid', notValidHeading: 'This invitation link cannot be used', askAgain: 'Ask for a link to set your password',
    expired: 'This invitation link has expired or been used. Ask for a new link to set your password.',
  },
} as const;

function LinkNotValid({ message, wording }: { message: string; wording: (typeof WORDING)[keyof typeof WORDING] }) {
  useDocumentTitle([wording.notValidTitle]);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{wording.notValidHeading}</h1>
        <p>{message}</p>
        <p><Link to={SITE_PAGES.forgotPassword}>{wording.askAgain}</Link></p>
      </div>
    </div>
  );
}

/**
 * Choose a new password from the emailed link (?token=…); then signed in, on Find training. The
 * same page, worded for a first password, answers an invitation's link (/accept-invitation).
 */
export function ResetPasswordPage({ purpose = 'reset' }: { purpose?: keyof typeof WORDING }) {
  const wording = WORDING[purpose];
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const afterSignIn = useAfterSignIn();
  const [resetPassword, { loading }] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState('');
  const { errors, send } = useFormSubmit<Field>(['password']);
  const [invalidLink, setInvalidLink] = useState<string | null>(null);
  useDocumentTitle([wording.title], errors.length > 0);

  if (!token) return <LinkNotValid wording={wording} message="The link is missing part of its address. Ask for a new one." />;
  if (invalidLink) return <LinkNotValid wording={wording} message={invalidLink} />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const blank = requiredErrors({ password }, { password: purpose === 'invitation' ? 'Enter a password' : 'Enter a new password' });
    const expiredOf = (payload: { userErrors: ReadonlyArray<{ code: string; message: string }> }) =>
      payload.userErrors.find((userError) => userError.code === 'INVALID_TOKEN');
    await send({
      own: blank,
      request: blank.length ? null : async () => (await resetPassword({ variables: { input: { token, password } } })).data?.resetPassword,
      // An expired link is not the password's problem: it gets a page of its own.
      succeeded: (payload) => !!payload.viewer || !!expiredOf(payload),
      done: async (payload) => {
        const expired = expiredOf(payload);
        if (expired) setInvalidLink(wording.expired ?? expired.message);
        else await afterSignIn(paths.findTraining(payload.viewer!.partnership.slug));
      },
    });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
        <h1>{wording.heading}</h1>
        {wording.intro && <p>{wording.intro}</p>}
        <form noValidate onSubmit={submit}>
          <PasswordInput id={INPUT_IDS.password} name="password" label={wording.label} hint={NEW_PASSWORD_HINT}
            autoComplete="new-password" value={password} error={messagesByField(errors).password}
            onChange={(event) => setPassword(event.currentTarget.value)} />
          <Button type="submit">Save password and sign in</Button>
        </form>
      </div>
    </div>
  );
}
