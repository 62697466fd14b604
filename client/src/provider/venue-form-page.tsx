import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Select, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf, type AccessProblem } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { fieldErrorsFrom, messagesByField, SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { useDocumentTitle } from '../ui/use-document-title';
import { CourseChoicesQuery, CreateVenueMutation } from './provider.operations';
import { PROVIDER_PATHS } from '../route-patterns';
import { isAdministrator, PROVIDER_AUDIENCE, providerOrganisations, RequireProvider } from './require-provider';
import { emptyVenueForm, VENUE_FIELDS, VENUE_INPUT_IDS, venueInputFrom, type VenueField, type VenueForm } from './venue-form';

/** Where to go back to once the venue is added: the schedule form that asked for it. */
export interface VenueReturnState { returnTo: string }

function NewVenue({ viewer }: { viewer: SignedInViewer }) {
  const navigate = useNavigate();
  const returnTo = ((useLocation().state ?? {}) as Partial<VenueReturnState>).returnTo ?? PROVIDER_PATHS.courses;
  const own = providerOrganisations(viewer);
  const admin = isAdministrator(viewer);
  const [form, setForm] = useState<VenueForm>(() => emptyVenueForm(!admin && own.length === 1 ? own[0].id : ''));
  const [errors, setErrors] = useState<Array<FieldError<VenueField>>>([]);
  const [refused, setRefused] = useState<AccessProblem | null>(null);
  const { data: choices } = useQuery(CourseChoicesQuery, { variables: { partnershipSlug: viewer.partnership.slug }, skip: !admin });
  const [createVenue, { loading }] = useMutation(CreateVenueMutation, { refetchQueries: ['SchedulingChoices'] });
  useDocumentTitle(['Add a venue', viewer.partnership.name], errors.length > 0);
  const byField = messagesByField(errors);
  if (refused) return <AccessProblemPage problem={refused} {...PROVIDER_AUDIENCE} />;
  const text = (key: Exclude<VenueField, 'organisationId'>) => ({
    value: form[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });
  const organisations = admin ? [...(choices?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) : own;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: blanks } = venueInputFrom(form);
    setErrors(blanks);
    if (!input) return;
    try {
      const result = (await createVenue({ variables: { input } })).data?.createVenue;
      if (result?.venue) {
        await navigate(returnTo);
        return;
      }
      setErrors(result?.userErrors.length ? fieldErrorsFrom(result.userErrors, VENUE_FIELDS) : [{ field: null, message: SERVICE_PROBLEM }]);
    } catch (error) {
      const problem = accessProblemOf(error);
      if (problem) setRefused(problem);
      else setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={returnTo}>Back</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={VENUE_INPUT_IDS} />
          <h1>Add a venue</h1>
          <form noValidate onSubmit={submit}>
            {admin || own.length > 1 ? (
              <Select id={VENUE_INPUT_IDS.organisationId} label={admin ? 'Belongs to (optional)' : 'Belongs to'} value={form.organisationId}
                hint={admin ? 'Leave it to the partnership if any provider may use it' : undefined} error={byField.organisationId}
                onChange={(e) => {
                  const organisationId = e.currentTarget.value;
                  setForm((f) => ({ ...f, organisationId }));
                }}>
                <Select.Option value="">{admin ? 'The partnership' : 'Choose an organisation'}</Select.Option>
                {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
              </Select>
            ) : null}
            <TextInput id={VENUE_INPUT_IDS.name} label="Name" autoComplete="off" {...text('name')} error={byField.name} />
            <TextInput id={VENUE_INPUT_IDS.address} label="Address (optional)" autoComplete="street-address" {...text('address')} error={byField.address} />
            <TextInput id={VENUE_INPUT_IDS.town} label="Town or city" autoComplete="address-level2" width={20} {...text('town')} error={byField.town} />
            <TextInput id={VENUE_INPUT_IDS.postcode} label="Postcode (optional)" autoComplete="postal-code" width={10} {...text('postcode')} error={byField.postcode} />
            <TextInput id={VENUE_INPUT_IDS.latitude} label="Latitude" width={10} inputMode="decimal" autoComplete="off"
              hint="So people can search near a town. From an online map, for example 52.5695" {...text('latitude')} error={byField.latitude} />
            <TextInput id={VENUE_INPUT_IDS.longitude} label="Longitude" width={10} inputMode="decimal" autoComplete="off"
              hint="For example -0.2405 (west of Greenwich is negative)" {...text('longitude')} error={byField.longitude} />
            <Button type="submit">Add venue</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** Provider coordinators and administrators: a new venue, then back to the form that asked for it. */
export function VenueFormPage() {
  return <RequireProvider>{(viewer) => <NewVenue viewer={viewer} />}</RequireProvider>;
}
