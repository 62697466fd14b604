import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button, TextInput } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import { messagesByField, requiredErrors } from '../ui/form-errors';
import { useFormSubmit } from '../ui/use-form-submit';
import { useDocumentTitle } from '../ui/use-document-title';
import { RequestPasswordResetMutation } from './auth.mutations';
import { EMAIL_INPUT } from './auth-fields';
import { SITE_PAGES } from '../route-patterns';

type Field = 'email';
const INPUT_IDS: Record<Field, string> = { email: 'email' };

/**
 * Ask for a reset link. The answer is the same whether or not the email has an account, so the
 * page cannot be used to find out who has one.
 */
export function ForgotPasswordPage() {
  const [requestReset, { loading }] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const { errors, send } = useFormSubmit<Field>(['email']);
  const [sent, setSent] = useState(false);
  useDocumentTitle([sent ? 'Check your email' : 'Reset your password'], errors.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const blank = requiredErrors({ email }, { email: 'Enter your email address' });
    await send({
      own: blank,
      request: blank.length ? null : async () => (await requestReset({ variables: { input: { email: email.trim() } } })).data?.requestPasswordReset,
      succeeded: (payload) => payload.accepted,
      done: () => setSent(true),
    });
  };

  if (sent) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check your email</h1>
          <p>If an account exists for that email, we have sent a link to reset your password.</p>
          <p>The link works once. If it does not arrive in a few minutes, check your spam folder or
            {' '}<Link to={SITE_PAGES.forgotPassword} onClick={() => setSent(false)}>ask for another link</Link>.</p>
          <p><Link to={SITE_PAGES.signIn}>Back to sign in</Link></p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
        <h1>Reset your password</h1>
        <p>Enter the email address you use for the portal. We will send you a link to choose a new password.</p>
        <form noValidate onSubmit={submit}>
          <TextInput id={INPUT_IDS.email} name="email" label="Email address" {...EMAIL_INPUT}
            value={email} error={messagesByField(errors).email} onChange={(event) => setEmail(event.currentTarget.value)} />
          <Button type="submit">Send reset link</Button>
        </form>
        <p><Link to={SITE_PAGES.signIn}>Back to sign in</Link></p>
      </div>
    </div>
  );
}
