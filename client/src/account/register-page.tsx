import { useState, type FormEvent } from 'react';
import { Link, useOutletContext, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, PasswordInput, Select, TextInput } from 'nhsuk-react-components';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmail, tooLong, tooLongMessage } from '../ui/field-checks';
import { FormErrorSummary } from '../ui/form-error-summary';
import { requiredErrors, type FieldError } from '../ui/form-errors';
import { useFormSubmit } from '../ui/use-form-submit';
import type { PartnershipOutletContext } from '../ui/partnership-layout';
import { useDocumentTitle } from '../ui/use-document-title';
import { RegisterVolunteerMutation } from './auth.mutations';
import { EMAIL_INPUT, NEW_PASSWORD_HINT } from './auth-fields';
import { safeNextPath, signInPath } from '../ui/safe-next';
import { useViewer } from '../ui/use-viewer';
import { PartnerOrganisationsQuery } from './voluntary-organisations.query';
import { paths } from '../paths';

type Field = 'name' | 'email' | 'password' | 'organisationId';
const FIELDS: Field[] = ['name', 'email', 'password', 'organisationId'];
const INPUT_IDS: Record<Field, string> = { name: 'name', email: 'email', password: 'password', organisationId: 'organisationId' };
/** The page's own checks, every field at once in the form's order: blanks, a name too long, an address's shape. */
function registrationErrors(values: Record<Field, string>): Array<FieldError<Field>> {
  const own = requiredErrors(values, { name: 'Enter your full name', email: 'Enter an email address', password: 'Enter a password' });
  if (tooLong(values.name, 200)) own.push({ field: 'name', message: tooLongMessage('Full name', 200) });
  if (values.email.trim() && !looksLikeEmail(values.email)) own.push({ field: 'email', message: EMAIL_FORMAT_MESSAGE });
  return own.sort((a, b) => FIELDS.indexOf(a.field as Field) - FIELDS.indexOf(b.field as Field));
}

/** Where to go once the emailed link is opened, when it is opened in this browser. */
export const REGISTRATION_NEXT_KEY = 'portal.registration.next';

/**
 * Register as a volunteer: one short page, made to be done on a phone in under a minute. Three
 * fields and an optional choice, each with the autocomplete a phone needs to fill it in; then an
 * email with a link that confirms the address (the same answer whether or not the address already
 * has an account: its owner is emailed instead), which signs the person in.
 */
export function RegisterPage() {
  const { slug = '' } = useParams();
  const { partnershipName } = useOutletContext<PartnershipOutletContext>();
  const { viewer } = useViewer();
  const [register, { loading }] = useMutation(RegisterVolunteerMutation);
  const { data: organisationsData } = useQuery(PartnerOrganisationsQuery, { variables: { partnershipSlug: slug } });
  const voluntary = (organisationsData?.organisations ?? [])
    .filter((organisation) => organisation.sector === 'VOLUNTARY')
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', password: '', organisationId: '' });
  const { errors, byField, send } = useFormSubmit<Field>(FIELDS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const findTraining = paths.findTraining(slug);
  // Back to the page that sent the person here (a session they want to book), else Find training.
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next')) ?? findTraining;
  useDocumentTitle(['Register as a volunteer', partnershipName], errors.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    // Blank fields are known here, but the rest of the form is still sent: the API reports the other
    // fields' problems (a malformed address, a weak password) in the same reply, and nothing is made.
    const blank = registrationErrors(values);
    await send({
      own: blank,
      request: async () => (await register({
        variables: {
          input: {
            partnershipSlug: slug, name: values.name.trim(), email: values.email.trim(), password: values.password,
            organisationId: values.organisationId || null,
          },
        },
      })).data?.registerVolunteer,
      succeeded: (payload) => !payload.userErrors.length,
      done: () => {
        window.localStorage.setItem(REGISTRATION_NEXT_KEY, next);
        setSentTo(values.email.trim());
      },
    });
  };

  const set = (field: Field) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  if (sentTo) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check your email</h1>
          <p>We have sent an email to <strong>{sentTo}</strong>. Open the link in it to confirm your address and finish registering.</p>
          <p>The link works for 24 hours. If nothing arrives in a few minutes, check your spam folder, or register again.</p>
          <p>Already have an account? <Link to={signInPath(next)}>Sign in</Link></p>
        </div>
      </div>
    );
  }

  if (viewer) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>You already have an account</h1>
          <p>You are signed in as {viewer.name} ({viewer.email}).</p>
          <p><Link to={paths.findTraining(viewer.partnership.slug)}>Find training</Link></p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
        <h1>Register as a volunteer</h1>
        <p>Create an account to book training{partnershipName ? ` in ${partnershipName}` : ''}. It takes about a minute.</p>
        <form noValidate onSubmit={submit}>
          <TextInput id={INPUT_IDS.name} name="name" label="Full name" autoComplete="name" spellCheck={false}
            value={values.name} error={byField.name} onChange={set('name')} />
          <TextInput id={INPUT_IDS.email} name="email" label="Email address"
            hint="We will send booking confirmations here" {...EMAIL_INPUT}
            value={values.email} error={byField.email} onChange={set('email')} />
          <PasswordInput id={INPUT_IDS.password} name="password" label="Create a password" hint={NEW_PASSWORD_HINT}
            autoComplete="new-password" value={values.password} error={byField.password} onChange={set('password')} />
          <Select id={INPUT_IDS.organisationId} name="organisationId"
            label="Which organisation do you volunteer with? (optional)"
            value={values.organisationId} error={byField.organisationId} onChange={set('organisationId')}>
            <Select.Option value="">None / independent volunteer</Select.Option>
            {voluntary.map((organisation) => (
              <Select.Option key={organisation.id} value={organisation.id}>{organisation.name}</Select.Option>
            ))}
          </Select>
          <Button type="submit">Register</Button>
        </form>
        <p>Already registered? <Link to={signInPath(next)}>Sign in</Link></p>
      </div>
    </div>
  );
}
