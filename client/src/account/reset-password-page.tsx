import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button, PasswordInput } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import {
  fieldErrorsFrom, messagesByField, requiredErrors, SERVICE_PROBLEM, type FieldError,
} from '../ui/form-errors';
import { useDocumentTitle } from '../ui/use-document-title';
import { ResetPasswordMutation } from './auth.mutations';
import { NEW_PASSWORD_HINT } from './auth-fields';
import { findTrainingPath } from './navigation';
import { useAfterSignIn } from './use-session-change';

type Field = 'password';
const INPUT_IDS: Record<Field, string> = { password: 'password' };

function LinkNotValid({ message }: { message: string }) {
  useDocumentTitle(['Reset link not valid']);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>This reset link cannot be used</h1>
        <p>{message}</p>
        <p><Link to="/forgot-password">Ask for a new reset link</Link></p>
      </div>
    </div>
  );
}

/** Choose a new password from the emailed link (?token=…); then signed in, on Find training. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const afterSignIn = useAfterSignIn();
  const [resetPassword, { loading }] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Array<FieldError<Field>>>([]);
  const [invalidLink, setInvalidLink] = useState<string | null>(null);
  useDocumentTitle(['Choose a new password'], errors.length > 0);

  if (!token) return <LinkNotValid message="The link is missing part of its address. Ask for a new one." />;
  if (invalidLink) return <LinkNotValid message={invalidLink} />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const blank = requiredErrors({ password }, { password: 'Enter a new password' });
    setErrors(blank);
    if (blank.length) return;
    try {
      const { data } = await resetPassword({ variables: { input: { token, password } } });
      const payload = data?.resetPassword;
      const expired = payload?.userErrors.find((userError) => userError.code === 'INVALID_TOKEN');
      if (expired) {
        setInvalidLink(expired.message);
        return;
      }
      if (!payload?.viewer) {
        setErrors(payload?.userErrors.length ? fieldErrorsFrom(payload.userErrors, ['password']) : [{ field: null, message: SERVICE_PROBLEM }]);
        return;
      }
      await afterSignIn(findTrainingPath(payload.viewer.partnership.slug));
    } catch {
      setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
        <h1>Choose a new password</h1>
        <form noValidate onSubmit={submit}>
          <PasswordInput id={INPUT_IDS.password} name="password" label="New password" hint={NEW_PASSWORD_HINT}
            autoComplete="new-password" value={password} error={messagesByField(errors).password}
            onChange={(event) => setPassword(event.currentTarget.value)} />
          <Button type="submit">Save password and sign in</Button>
        </form>
      </div>
    </div>
  );
}
