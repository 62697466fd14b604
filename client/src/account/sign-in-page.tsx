import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, PasswordInput, TextInput } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import { requiredErrors } from '../ui/form-errors';
import { useFormSubmit } from '../ui/use-form-submit';
import { useDocumentTitle } from '../ui/use-document-title';
import { PartnershipsQuery } from '../find-training/partnerships.query';
import { SignInMutation } from './auth.mutations';
import { EMAIL_INPUT } from './auth-fields';
import { landingPathFor, partnershipSlugOfPath } from '../ui/navigation';
import { safeNextPath } from '../ui/safe-next';
import { useAfterSignIn } from './use-session-change';
import { useViewer } from '../ui/use-viewer';
import { paths } from '../paths';
import { SITE_PAGES } from '../route-patterns';

type Field = 'email' | 'password';
const FIELDS: Field[] = ['email', 'password'];
const INPUT_IDS: Record<Field, string> = { email: 'email', password: 'password' };

/** Volunteers register per partnership: link to the one the person came from, or to each. */
function RegisterLinks({ next }: { next: string | null }) {
  const slug = partnershipSlugOfPath(next);
  const { data } = useQuery(PartnershipsQuery, { skip: !!slug });
  const partnerships = slug ? [{ slug, name: null as string | null }] : (data?.partnerships ?? []);
  if (!partnerships.length) return null;
  return (
    <>
      <h2 className="nhsuk-heading-m">New to the portal?</h2>
      <p>Volunteers can register in a minute. Staff accounts are set up by their organisation.</p>
      <ul className="nhsuk-list">
        {partnerships.map((partnership) => (
          <li key={partnership.slug}>
            <Link to={paths.register(partnership.slug, slug ? next : null)}>
              {partnership.name && partnerships.length > 1 ? `Register as a volunteer in ${partnership.name}` : 'Register as a volunteer'}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Sign in with email and password, then back to the page that asked (?next=) or to where the person's work is. */
export function SignInPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { viewer } = useViewer();
  const afterSignIn = useAfterSignIn();
  const [signIn, { loading }] = useMutation(SignInMutation);
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const { errors, byField, send } = useFormSubmit<Field>(FIELDS);
  const [signedIn, setSignedIn] = useState(false);
  useDocumentTitle(['Sign in'], errors.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const blank = requiredErrors(values, { email: 'Enter your email address', password: 'Enter your password' });
    await send({
      own: blank,
      request: blank.length ? null
        : async () => (await signIn({ variables: { input: { email: values.email.trim(), password: values.password } } })).data?.signIn,
      succeeded: (payload) => !!payload.viewer,
      done: async ({ viewer: signedInViewer }) => {
        setSignedIn(true);
        await afterSignIn(next ?? landingPathFor(signedInViewer!.roles, signedInViewer!.partnership.slug));
      },
    });
  };

  const set = (field: Field) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  if (viewer && !signedIn) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>You are signed in</h1>
          <p>You are signed in as {viewer.name} ({viewer.email}).</p>
          <p><Link to={next ?? paths.findTraining(viewer.partnership.slug)}>Continue</Link></p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
        <h1>Sign in</h1>
        <form noValidate onSubmit={submit}>
          <TextInput id={INPUT_IDS.email} name="email" label="Email address" {...EMAIL_INPUT}
            value={values.email} error={byField.email} onChange={set('email')} />
          <PasswordInput id={INPUT_IDS.password} name="password" label="Password" autoComplete="current-password"
            value={values.password} error={byField.password} onChange={set('password')} />
          <Button type="submit">Sign in</Button>
        </form>
        <p><Link to={SITE_PAGES.forgotPassword}>Forgotten your password?</Link></p>
        <RegisterLinks next={next} />
      </div>
    </div>
  );
}
