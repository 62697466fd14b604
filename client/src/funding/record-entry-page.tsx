import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, DateInput, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import type { LedgerEntryKind } from '../gql/graphql';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { formatUkDate } from '../ui/uk-date-time';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { FundingOrganisationsQuery, FundingStreamsQuery, LedgerEntriesQuery, RecordLedgerEntryMutation } from './funding.operations';
import { ENTRY_KIND_TEXT, RECORDABLE_KINDS } from './funding-text';
import { yearToParam } from './financial-year';
import { emptyEntryForm, ENTRY_FIELDS, ENTRY_INPUT_IDS, entryInputFrom, organisationNeed, type EntryField, type EntryForm } from './ledger-entry-form';
import { FUNDING_AUDIENCE } from './require-funding-role';
import './funding.scss';
import { paths } from '../paths';
import { FUNDING_PATHS } from '../route-patterns';

/** What the admin page says after an entry is recorded. */
export interface EntryRecordedState {
  entryRecorded: { streamName: string; kind: LedgerEntryKind; amount: string; sequence: number };
}

function newKey(): string {
  return crypto.randomUUID();
}

function RecordEntry({ viewer }: { viewer: SignedInViewer }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const slug = viewer.partnership.slug;
  const [form, setForm] = useState<EntryForm>(() => emptyEntryForm(params.get('stream') ?? ''));
  // One key per version of the form: sending the same entry twice (a double click, a retry after
  // a lost answer) records it once; any change makes it a new entry.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const { errors, byField, refused, send } = useFormSubmit<EntryField>(ENTRY_FIELDS, { refusable: true });
  const { data: streamsData } = useQuery(FundingStreamsQuery, { variables: { partnershipSlug: slug } });
  const { data: organisationsData } = useQuery(FundingOrganisationsQuery, { variables: { partnershipSlug: slug } });
  const streams = [...(streamsData?.fundingStreams ?? [])]
    .sort((a, b) => b.financialYear.localeCompare(a.financialYear) || a.name.localeCompare(b.name, 'en-GB'));
  const stream = streams.find((s) => s.id === form.streamId) ?? null;
  const organisations = [...(organisationsData?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const { data: entriesData } = useQuery(LedgerEntriesQuery, {
    variables: { filter: { partnershipSlug: slug, financialYear: stream?.financialYear ?? '', streamId: stream?.id ?? null }, first: 200 },
    skip: !stream || form.kind !== 'ADJUSTMENT',
  });
  const [recordEntry, { loading }] = useMutation(RecordLedgerEntryMutation, {
    update: (cache, { data: result }) => {
      if (!result?.recordLedgerEntry.entry) return;
      for (const fieldName of ['fundingStreams', 'fundingStream', 'fundingOverview', 'ledgerEntries']) cache.evict({ id: 'ROOT_QUERY', fieldName });
    },
  });
  useDocumentTitle(['Record a ledger entry', viewer.partnership.name], errors.length > 0);

  if (refused) return <AccessProblemPage problem={refused} needs={FUNDING_AUDIENCE.admin.needs} who={FUNDING_AUDIENCE.admin.who} />;

  const set = <K extends keyof EntryForm>(key: K, value: EntryForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setIdempotencyKey(newKey());
  };
  const datePart = (part: keyof EntryForm['occurredOn']) => ({
    value: form.occurredOn[part],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => set('occurredOn', { ...form.occurredOn, [part]: event.target.value }),
  });
  const organisation = organisationNeed(form.kind);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: problems } = entryInputFrom(form, idempotencyKey);
    await send({
      own: problems,
      request: input ? async () => (await recordEntry({ variables: { input } })).data?.recordLedgerEntry : null,
      succeeded: (payload) => !!payload.entry,
      done: async ({ entry }) => {
        const state: EntryRecordedState = { entryRecorded: { streamName: entry!.stream.name, kind: entry!.kind, amount: entry!.amount.formatted, sequence: entry!.sequence } };
        await navigate(paths.fundingAdmin(yearToParam(stream?.financialYear ?? '')), { state });
      },
    });
  };

  return (
    <div className="funding-page">
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={FUNDING_PATHS.admin}>Funding streams</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={ENTRY_INPUT_IDS} />
          <h1>Record a ledger entry</h1>
          <p>Bookings post their own commitments, releases and spend. Record here what else moves money: budgets, contributions,
            allocations, invoices. Nothing is edited or deleted: to correct an entry, record an adjustment that reverses it.</p>
          <form noValidate onSubmit={submit}>
            <Select id={ENTRY_INPUT_IDS.streamId} name="streamId" label="Funding stream" value={form.streamId} error={byField.streamId}
              onChange={(event) => set('streamId', event.currentTarget.value)}>
              <Select.Option value="">Choose a stream</Select.Option>
              {streams.map((s) => <Select.Option key={s.id} value={s.id}>{s.financialYear}: {s.name}</Select.Option>)}
            </Select>
            <Radios name="kind" legend="Kind of entry" legendProps={{ size: 's' }} error={byField.kind}>
              {RECORDABLE_KINDS.map((kind) => (
                <Radios.Item key={kind} id={`kind-${kind}`} value={kind} checked={form.kind === kind} hint={ENTRY_KIND_TEXT[kind].hint}
                  onChange={() => set('kind', kind)}>
                  {ENTRY_KIND_TEXT[kind].text}
                </Radios.Item>
              ))}
            </Radios>
            {form.kind === 'ADJUSTMENT' ? (
              <Select id={ENTRY_INPUT_IDS.reversesEntryId} name="reversesEntryId" label="The entry it reverses"
                hint={stream ? undefined : 'Choose the stream first'} value={form.reversesEntryId} error={byField.reversesEntryId}
                onChange={(event) => set('reversesEntryId', event.currentTarget.value)}>
                <Select.Option value="">Choose an entry</Select.Option>
                {(entriesData?.ledgerEntries.edges ?? []).map(({ node }) => (
                  <Select.Option key={node.id} value={node.id}>
                    {`Entry ${node.sequence}: ${ENTRY_KIND_TEXT[node.kind].text} ${node.amount.formatted}, ${formatUkDate(node.occurredAt)} (${node.reason})`}
                  </Select.Option>
                ))}
              </Select>
            ) : null}
            <TextInput id={ENTRY_INPUT_IDS.amount} name="amount" label="Amount" prefix="£" width={10} inputMode="decimal" autoComplete="off"
              hint="In pounds and pence, for example 480.00. Always positive" value={form.amount} error={byField.amount}
              onChange={(event) => set('amount', event.currentTarget.value)} />
            <Textarea id={ENTRY_INPUT_IDS.reason} name="reason" label="Reason" rows={2}
              hint="An invoice number, a decision, or what a correction mends" value={form.reason} error={byField.reason}
              onChange={(event) => set('reason', event.currentTarget.value)} />
            {organisation !== 'none' ? (
              <Select id={ENTRY_INPUT_IDS.organisationId} name="organisationId"
                label={organisation === 'required' ? 'The partner that contributed' : 'The organisation it is for (optional)'}
                value={form.organisationId} error={byField.organisationId}
                onChange={(event) => set('organisationId', event.currentTarget.value)}>
                <Select.Option value="">{organisation === 'required' ? 'Choose an organisation' : 'None'}</Select.Option>
                {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
              </Select>
            ) : null}
            {form.kind !== 'ADJUSTMENT' ? (
              <DateInput id="occurred-at" name="occurredAt" legend="When the money moves (optional)" legendProps={{ size: 's' }}
                hint={`The invoice’s or payment’s date, inside the stream’s financial year${stream ? ` (${stream.financialYear})` : ''}. Leave blank for today. For example, 14 7 2025`}
                error={byField.occurredAt}>
                <DateInput.Day {...datePart('day')} />
                <DateInput.Month {...datePart('month')} />
                <DateInput.Year {...datePart('year')} />
              </DateInput>
            ) : null}
            <Button type="submit">Record entry</Button>
          </form>
        </div>
      </div>
    </div>
  );
}

/** Administrators: record a budget, contribution, allocation, spend or correction by hand. */
export function RecordEntryPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.admin}>{(viewer) => <RecordEntry viewer={viewer} />}</RequireRole>;
}
