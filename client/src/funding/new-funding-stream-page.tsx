import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Checkboxes, Fieldset, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { SECTOR_TEXT, SECTORS } from '../admin/admin-text';
import { COURSE_AUDIENCE_TEXT } from '../find-training/session-text';
import type { CourseAudience, FunderKind } from '../gql/graphql';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { financialYearOf, yearToParam } from './financial-year';
import { CreateFundingStreamMutation, FundingOrganisationsQuery } from './funding.operations';
import { emptyStreamForm, streamFields, streamInputFrom, streamInputId, type StreamField, type StreamForm } from './funding-stream-form';
import { FUNDER_KIND_TEXT, FUNDER_KINDS, FUNDING_PURPOSE_TEXT, FUNDING_PURPOSES } from './funding-text';
import { FUNDING_AUDIENCE } from './require-funding-role';
import './funding.scss';
import { paths } from '../paths';
import { FUNDING_PATHS } from '../route-patterns';

const AUDIENCES = Object.keys(COURSE_AUDIENCE_TEXT) as CourseAudience[];

/** What the admin page says after a stream is added. */
export interface StreamAddedState {
  streamAdded: { id: string; name: string; financialYear: string; amount: string };
}

function NewFundingStream({ viewer }: { viewer: SignedInViewer }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<StreamForm>(() => emptyStreamForm(financialYearOf(new Date())));
  const { data } = useQuery(FundingOrganisationsQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  const organisations = [...(data?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const [createStream, { loading }] = useMutation(CreateFundingStreamMutation, {
    // A new stream changes every list of streams and every year's figures: ask again.
    update: (cache, { data: result }) => {
      if (!result?.createFundingStream.fundingStream) return;
      for (const fieldName of ['fundingStreams', 'fundingOverview', 'ledgerEntries']) cache.evict({ id: 'ROOT_QUERY', fieldName });
    },
  });
  const fields = streamFields(form.contributions.length);
  const { errors, byField, refused, send } = useFormSubmit<StreamField>(fields, { refusable: true });
  const inputIds = Object.fromEntries(fields.map((field) => [field, streamInputId(field)])) as Record<StreamField, string>;
  useDocumentTitle(['Add a funding stream', viewer.partnership.name], errors.length > 0);

  if (refused) return <AccessProblemPage problem={refused} needs={FUNDING_AUDIENCE.admin.needs} who={FUNDING_AUDIENCE.admin.who} />;

  const set = <K extends keyof StreamForm>(key: K, value: StreamForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'description' | 'funderName' | 'financialYear' | 'amount') => ({
    value: form[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });
  const setContribution = (index: number, change: Partial<StreamForm['contributions'][number]>) =>
    set('contributions', form.contributions.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: problems } = streamInputFrom(form);
    await send({
      own: problems,
      request: input ? async () => (await createStream({ variables: { input } })).data?.createFundingStream : null,
      succeeded: (payload) => !!payload.fundingStream,
      done: async ({ fundingStream: stream }) => {
        const state: StreamAddedState = { streamAdded: { id: stream!.id, name: stream!.name, financialYear: stream!.financialYear, amount: stream!.amount.formatted } };
        await navigate(paths.fundingAdmin(yearToParam(stream!.financialYear)), { state });
      },
    });
  };

  const partner = form.funderKind === 'PARTNER';
  return (
    <div className="funding-page">
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={FUNDING_PATHS.admin}>Funding streams</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={inputIds} />
          <h1>Add a funding stream</h1>
          <p>Money for learning in one financial year. Its amount is posted to the funding ledger as the stream’s budget
            (for a pooled stream, as each partner’s contribution).</p>
          <form noValidate onSubmit={submit}>
            <TextInput id={inputIds.name} name="name" label="Name" autoComplete="off" {...text('name')} error={byField.name} />
            <Textarea id={inputIds.description} name="description" label="Description (optional)" rows={3}
              hint="What it is for, and any conditions the funder set" {...text('description')} error={byField.description} />
            <Select id={inputIds.funderKind} name="funderKind" label="Who funds it" value={form.funderKind} error={byField.funderKind}
              onChange={(event) => set('funderKind', event.currentTarget.value as FunderKind | '')}>
              <Select.Option value="">Choose a kind of funder</Select.Option>
              {FUNDER_KINDS.map((kind) => <Select.Option key={kind} value={kind}>{FUNDER_KIND_TEXT[kind]}</Select.Option>)}
            </Select>
            {partner ? (
              <Select id={inputIds.funderOrganisationId} name="funderOrganisationId" label="The partner organisation that funds it"
                value={form.funderOrganisationId} error={byField.funderOrganisationId}
                onChange={(event) => set('funderOrganisationId', event.currentTarget.value)}>
                <Select.Option value="">Choose an organisation</Select.Option>
                {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
              </Select>
            ) : (
              <TextInput id={inputIds.funderName} name="funderName" label="The funder’s name" autoComplete="organization"
                hint="For example, NHS England or The Health Foundation" {...text('funderName')} error={byField.funderName} />
            )}
            <TextInput id={inputIds.financialYear} name="financialYear" label="Financial year" width={10} autoComplete="off"
              spellCheck={false} hint="Write it like 2026/27 (1 April 2026 to 31 March 2027)" {...text('financialYear')}
              error={byField.financialYear} />
            <TextInput id={inputIds.amount} name="amount" label="Amount" prefix="£" width={10} inputMode="decimal" autoComplete="off"
              hint="In pounds and pence, for example 12500.00" {...text('amount')} error={byField.amount} />
            <Select id={inputIds.managingOrganisationId} name="managingOrganisationId" label="Managed by"
              hint="The organisation whose budget holder looks after it" value={form.managingOrganisationId}
              error={byField.managingOrganisationId} onChange={(event) => set('managingOrganisationId', event.currentTarget.value)}>
              <Select.Option value="">Choose an organisation</Select.Option>
              {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
            </Select>
            <Checkboxes name="pooledChoice" legend="Pooled fund" legendProps={{ size: 's' }} error={byField.pooled}>
              <Checkboxes.Item id={inputIds.pooled} value="yes" checked={form.pooled} onChange={(event) => set('pooled', event.currentTarget.checked)}
                hint="Partners pay into it, and its amount is the sum of their contributions">
                Partners contribute into it
              </Checkboxes.Item>
            </Checkboxes>
            {form.pooled ? (
              <Fieldset className="funding-contributions">
                <Fieldset.Legend size="s">Each partner’s contribution</Fieldset.Legend>
                {byField.contributions ? <p className="nhsuk-error-message"><span className="nhsuk-u-visually-hidden">Error:</span> {byField.contributions}</p> : null}
                {form.contributions.map((contribution, index) => (
                  <div key={index} className="funding-contribution" data-testid={`contribution-${index}`}>
                    <Select id={inputIds[`contributions.${index}.organisationId`]} name={`contribution-${index}-organisation`}
                      label={`Partner ${index + 1}`} value={contribution.organisationId} error={byField[`contributions.${index}.organisationId`]}
                      onChange={(event) => setContribution(index, { organisationId: event.currentTarget.value })}>
                      <Select.Option value="">Choose an organisation</Select.Option>
                      {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
                    </Select>
                    <TextInput id={inputIds[`contributions.${index}.amount`]} name={`contribution-${index}-amount`}
                      label={`Partner ${index + 1}’s contribution`} prefix="£" width={10} inputMode="decimal" autoComplete="off"
                      value={contribution.amount} error={byField[`contributions.${index}.amount`]}
                      onChange={(event) => setContribution(index, { amount: event.currentTarget.value })} />
                    {form.contributions.length > 1 ? (
                      <Button type="button" secondary small onClick={() => set('contributions', form.contributions.filter((_, i) => i !== index))}>
                        Remove<span className="nhsuk-u-visually-hidden"> partner {index + 1}</span>
                      </Button>
                    ) : null}
                  </div>
                ))}
                <Button type="button" secondary onClick={() => set('contributions', [...form.contributions, { organisationId: '', amount: '' }])}>
                  Add another partner
                </Button>
              </Fieldset>
            ) : null}
            <Radios name="audience" legend="Who it may pay for" legendProps={{ size: 's' }} error={byField.audience}>
              {AUDIENCES.map((audience) => (
                <Radios.Item key={audience} id={`audience-${audience}`} value={audience} checked={form.audience === audience}
                  onChange={() => set('audience', audience)}>
                  {COURSE_AUDIENCE_TEXT[audience]}
                </Radios.Item>
              ))}
            </Radios>
            <Checkboxes name="eligibleSectors" legend="Sectors it may pay for (optional)" legendProps={{ size: 's' }}
              hint="Leave them all unticked if it pays for every sector" error={byField.eligibleSectors} small>
              {SECTORS.map((sector, index) => (
                <Checkboxes.Item key={sector} id={index === 0 ? inputIds.eligibleSectors : `sector-${sector}`} value={sector}
                  checked={form.eligibleSectors.includes(sector)}
                  onChange={(event) => set('eligibleSectors', toggle(form.eligibleSectors, sector, event.currentTarget.checked))}>
                  {SECTOR_TEXT[sector]}
                </Checkboxes.Item>
              ))}
            </Checkboxes>
            <Checkboxes name="purposes" legend="What it may pay for (optional)" legendProps={{ size: 's' }}
              hint="Leave them all unticked if it pays for any learning" error={byField.purposes} small>
              {FUNDING_PURPOSES.map((purpose, index) => (
                <Checkboxes.Item key={purpose} id={index === 0 ? inputIds.purposes : `purpose-${purpose}`} value={purpose}
                  checked={form.purposes.includes(purpose)}
                  onChange={(event) => set('purposes', toggle(form.purposes, purpose, event.currentTarget.checked))}>
                  {FUNDING_PURPOSE_TEXT[purpose]}
                </Checkboxes.Item>
              ))}
            </Checkboxes>
            <Button type="submit">Add funding stream</Button>
          </form>
        </div>
      </div>
    </div>
  );
}

/** Administrators: a new funding stream, with field-level errors from the form and the API. */
export function NewFundingStreamPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.admin}>{(viewer) => <NewFundingStream viewer={viewer} />}</RequireRole>;
}
