import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Checkboxes, Fieldset, Radios, Select, TextInput } from 'nhsuk-react-components';
import { AREA_PATHS } from '../route-patterns';
import type { SignedInViewer } from '../ui/use-viewer';
import type { Sector } from '../gql/graphql';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { AdminOrganisationsQuery, CreateOrganisationMutation } from './admin.operations';
import { ORGANISATION_ROLE_TEXT, SECTOR_TEXT, SECTORS } from './admin-text';
import {
  EMPTY_ORGANISATION_FORM, ORGANISATION_FIELDS, organisationInputFrom, type OrganisationField, type OrganisationForm,
} from './organisation-form';
import type { OrganisationAddedState } from './organisations-page';

const ORGANISATION_ROLES = Object.keys(ORGANISATION_ROLE_TEXT) as Array<keyof typeof ORGANISATION_ROLE_TEXT>;

const INPUT_IDS: Record<OrganisationField, string> = {
  name: 'name', shortCode: 'shortCode', sector: 'sector', role: `role-${ORGANISATION_ROLES[0]}`,
  deliversTraining: 'deliversTraining', staffHeadcount: 'staffHeadcount', volunteerHeadcount: 'volunteerHeadcount',
  sectorGroupId: 'sectorGroupId', 'lead.name': 'lead-name', 'lead.email': 'lead-email', 'lead.jobTitle': 'lead-jobTitle',
};

function NewOrganisationForm({ viewer }: { viewer: SignedInViewer }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<OrganisationForm>(EMPTY_ORGANISATION_FORM);
  const { errors, byField, refused: forbidden, send } = useFormSubmit<OrganisationField>(ORGANISATION_FIELDS, { refusable: true });
  const { data } = useQuery(AdminOrganisationsQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  const [createOrganisation, { loading }] = useMutation(CreateOrganisationMutation, {
    // The new organisation belongs in every list of organisations: ask for them again.
    update: (cache, { data: result }) => {
      if (result?.createOrganisation.organisation) cache.evict({ id: 'ROOT_QUERY', fieldName: 'organisations' });
    },
  });
  const sectorGroups = [...new Map((data?.organisations ?? []).flatMap((o) => (o.sectorGroup ? [[o.sectorGroup.id, o.sectorGroup]] as const : [])))
    .values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  useDocumentTitle(['Add an organisation', viewer.partnership.name], errors.length > 0);

  if (forbidden) return <AccessProblemPage problem={forbidden} {...AREA_AUDIENCE.PARTNERSHIP_ADMIN} />;

  const set = <K extends keyof OrganisationForm>(key: K, value: OrganisationForm[K]) => setForm({ ...form, [key]: value });
  const text = (key: keyof OrganisationForm) => ({
    value: form[key] as string,
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: problems } = organisationInputFrom(form);
    await send({
      own: problems,
      request: input ? async () => (await createOrganisation({ variables: { input } })).data?.createOrganisation : null,
      succeeded: (payload) => !!payload.organisation,
      done: async ({ organisation, lead }) => {
        const state: OrganisationAddedState = {
          organisationAdded: { name: organisation!.name, lead: lead ? { name: lead.name, email: lead.email } : null },
        };
        await navigate(AREA_PATHS.adminOrganisations, { state });
      },
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={AREA_PATHS.adminOrganisations}>Organisations</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <h1>Add an organisation</h1>
          <form noValidate onSubmit={submit}>
            <TextInput id={INPUT_IDS.name} name="name" label="Name" autoComplete="organization" {...text('name')} error={byField.name} />
            <TextInput id={INPUT_IDS.shortCode} name="shortCode" label="Short code" width={10} autoComplete="off" spellCheck={false}
              hint="2 to 20 capital letters, digits or hyphens, unique in the partnership. For example, PCC or NWAFT"
              {...text('shortCode')} error={byField.shortCode} />
            <Select id={INPUT_IDS.sector} name="sector" label="Sector" value={form.sector} error={byField.sector}
              onChange={(event) => set('sector', event.currentTarget.value as Sector | '')}>
              <Select.Option value="">Choose a sector</Select.Option>
              {SECTORS.map((sector) => <Select.Option key={sector} value={sector}>{SECTOR_TEXT[sector]}</Select.Option>)}
            </Select>
            <Radios name="role" legend="Role in the partnership" legendProps={{ size: 's' }} error={byField.role}>
              {ORGANISATION_ROLES.map((role) => (
                <Radios.Item key={role} id={`role-${role}`} value={role} checked={form.role === role}
                  hint={ORGANISATION_ROLE_TEXT[role].hint} onChange={() => set('role', role)}>
                  {ORGANISATION_ROLE_TEXT[role].text}
                </Radios.Item>
              ))}
            </Radios>
            <Checkboxes name="training" legend="Training" legendProps={{ size: 's' }}>
              <Checkboxes.Item id={INPUT_IDS.deliversTraining} value="yes" checked={form.deliversTraining}
                onChange={(event) => set('deliversTraining', event.currentTarget.checked)}>
                It delivers training to other organisations
              </Checkboxes.Item>
            </Checkboxes>
            <TextInput id={INPUT_IDS.staffHeadcount} name="staffHeadcount" label="Number of staff (optional)" width={5}
              inputMode="numeric" autoComplete="off" {...text('staffHeadcount')} error={byField.staffHeadcount} />
            <TextInput id={INPUT_IDS.volunteerHeadcount} name="volunteerHeadcount" label="Number of volunteers (optional)" width={5}
              inputMode="numeric" autoComplete="off" {...text('volunteerHeadcount')} error={byField.volunteerHeadcount} />
            {sectorGroups.length ? (
              <Select id={INPUT_IDS.sectorGroupId} name="sectorGroupId" label="Represented by a sector group (optional)"
                hint="For independent-sector organisations" value={form.sectorGroupId} error={byField.sectorGroupId}
                onChange={(event) => set('sectorGroupId', event.currentTarget.value)}>
                <Select.Option value="">None</Select.Option>
                {sectorGroups.map((group) => <Select.Option key={group.id} value={group.id}>{group.name}</Select.Option>)}
              </Select>
            ) : null}
            <Fieldset>
              <Fieldset.Legend size="m">Its L&amp;D lead</Fieldset.Legend>
              <p className="nhsuk-hint">
                The person who books and manages learning for the organisation. They choose a password with
                “Forgotten your password?” on the sign-in page. Leave these blank to add a lead later.
              </p>
              <TextInput id={INPUT_IDS['lead.name']} name="leadName" label="Full name" autoComplete="off" {...text('leadName')}
                error={byField['lead.name']} />
              <TextInput id={INPUT_IDS['lead.email']} name="leadEmail" label="Work email address" type="email" autoComplete="off"
                spellCheck={false} {...text('leadEmail')} error={byField['lead.email']} />
              <TextInput id={INPUT_IDS['lead.jobTitle']} name="leadJobTitle" label="Job title (optional)" autoComplete="off"
                {...text('leadJobTitle')} error={byField['lead.jobTitle']} />
            </Fieldset>
            <Button type="submit">Add organisation</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** Administrators: add a partner organisation, with its L&D lead. */
export function NewOrganisationPage() {
  return <RequireRole role="PARTNERSHIP_ADMIN">{(viewer) => <NewOrganisationForm viewer={viewer} />}</RequireRole>;
}
