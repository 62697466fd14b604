import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import type { PartnershipDirectoryQuery as DirectoryResult } from '../gql/graphql';
import { SITE_PAGES } from '../route-patterns';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { fieldErrorsFrom, messagesByField, SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { AREA_AUDIENCE } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { PartnershipDirectoryQuery, UpdateOrganisationEntryMutation } from './directory.operations';
import { ENTRY_FIELDS, entryFormFrom, entryInputFrom, type EntryField, type EntryForm } from './directory-form';
import type { EntryUpdatedState } from './directory-paths';
import { MEMBERS } from './directory-page';

type Entry = DirectoryResult['partnershipDirectory'][number];

const INPUT_IDS: Record<EntryField, string> = {
  description: 'description', website: 'website', contactEmail: 'contactEmail', contactPhone: 'contactPhone',
  deliversTraining: 'deliversTraining-yes', orgId: 'orgId',
};
const EDITORS = { needs: 'the organisation\'s L&D lead', who: 'An organisation\'s L&D leads and the partnership\'s administrators' };

function EntryFormPage({ viewer, entry }: { viewer: SignedInViewer; entry: Entry }) {
  const navigate = useNavigate();
  const isAdmin = viewer.roles.some((grant) => grant.role === 'PARTNERSHIP_ADMIN');
  const [form, setForm] = useState<EntryForm>(() => entryFormFrom(entry));
  const [errors, setErrors] = useState<Array<FieldError<EntryField>>>([]);
  const [forbidden, setForbidden] = useState<ReturnType<typeof accessProblemOf>>(null);
  const [update, { loading }] = useMutation(UpdateOrganisationEntryMutation, { refetchQueries: ['PartnershipDirectory'] });
  const byField = messagesByField(errors);
  const name = entry.organisation.name;
  useDocumentTitle([`Change the directory entry for ${name}`, viewer.partnership.name], errors.length > 0);
  if (forbidden) return <AccessProblemPage problem={forbidden} {...EDITORS} />;

  const set = <K extends EntryField>(key: K, value: EntryForm[K]) => setForm({ ...form, [key]: value });
  const text = (key: Exclude<EntryField, 'deliversTraining'>) => ({
    value: form[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setErrors([]);
    try {
      const { data } = await update({ variables: { input: entryInputFrom(entry.organisation.id, form, isAdmin) } });
      const payload = data?.updateOrganisationEntry;
      if (!payload?.entry) {
        setErrors(payload?.userErrors.length ? fieldErrorsFrom(payload.userErrors, ENTRY_FIELDS) : [{ field: null, message: SERVICE_PROBLEM }]);
        return;
      }
      const state: EntryUpdatedState = { entryUpdated: { organisationId: payload.entry.organisation.id, name: payload.entry.organisation.name } };
      await navigate(SITE_PAGES.directory, { state });
    } catch (error) {
      const problem = accessProblemOf(error);
      if (problem) setForbidden(problem);
      else setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={SITE_PAGES.directory}>Partnership directory</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <span className="nhsuk-caption-l">{name}</span>
          <h1>Change the directory entry</h1>
          <p>What partners see about your organisation in the directory. Its sector and registered identifier are set by the
            partnership&apos;s administrators.</p>
          <form noValidate onSubmit={submit}>
            <Textarea id={INPUT_IDS.description} name="description" label="What the organisation does (optional)" rows={5}
              hint="For example, the training it offers partners. Up to 2,000 characters" {...text('description')} error={byField.description} />
            <TextInput id={INPUT_IDS.website} name="website" label="Website (optional)" type="url" autoComplete="url" spellCheck={false}
              hint="Starting https://, for example https://www.example.org.uk" {...text('website')} error={byField.website} />
            <TextInput id={INPUT_IDS.contactEmail} name="contactEmail" label="Email address for learning enquiries (optional)" type="email"
              autoComplete="email" spellCheck={false} {...text('contactEmail')} error={byField.contactEmail} />
            <TextInput id={INPUT_IDS.contactPhone} name="contactPhone" label="Telephone number for learning enquiries (optional)" type="tel"
              autoComplete="tel" width={20} {...text('contactPhone')} error={byField.contactPhone} />
            <Radios name="deliversTraining" legend="Does it provide training to other organisations?" legendProps={{ size: 's' }}
              inline error={byField.deliversTraining}>
              <Radios.Item id="deliversTraining-yes" value="yes" checked={form.deliversTraining} onChange={() => set('deliversTraining', true)}>
                Yes
              </Radios.Item>
              <Radios.Item id="deliversTraining-no" value="no" checked={!form.deliversTraining} onChange={() => set('deliversTraining', false)}>
                No
              </Radios.Item>
            </Radios>
            {isAdmin ? (
              <TextInput id={INPUT_IDS.orgId} name="orgId" label="Registered identifier" width={20} autoComplete="off" spellCheck={false}
                hint="As org-id.guide writes it: GB-NHS- and an ODS code, GB-CHC- and a charity number, GB-COH- and a company number, or GB-LAE- and a local authority code. For example, GB-NHS-RGN"
                {...text('orgId')} error={byField.orgId} />
            ) : null}
            <Button type="submit">Save entry</Button>
          </form>
        </div>
      </div>
    </>
  );
}

function EntryEdit({ viewer, organisationId }: { viewer: SignedInViewer; organisationId: string }) {
  const { data, loading, error } = useQuery(PartnershipDirectoryQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...MEMBERS} />;
  if (loading && !data) return <p role="status">Loading…</p>;
  if (error || !data) return <p>Sorry, there is a problem with the service. Try again later.</p>;
  const entry = data.partnershipDirectory.find((e) => e.organisation.id === organisationId);
  if (!entry?.viewerCanEdit) {
    const audience = viewer.roles.some((grant) => grant.role === 'LD_LEAD') ? EDITORS : AREA_AUDIENCE.LD_LEAD;
    return <AccessProblemPage problem="FORBIDDEN" {...audience} />;
  }
  return <EntryFormPage key={entry.id} viewer={viewer} entry={entry} />;
}

/** An organisation's L&D lead (or an administrator): change what the directory says about it. */
export function DirectoryEntryEditPage() {
  const { organisationId = '' } = useParams();
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...EDITORS} />;
  return <EntryEdit viewer={viewer} organisationId={organisationId} />;
}
