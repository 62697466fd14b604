import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, InsetText, Radios, Select, Table, Textarea, TextInput } from 'nhsuk-react-components';
import type { ComplianceSettingsQuery as SettingsResult, PersonKind } from '../gql/graphql';
import { COMPLIANCE_PATHS } from '../route-patterns';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import { isPartnershipAdministrator, ledOrganisations, type SignedInViewer } from '../ui/use-viewer';
import { PartnerOrganisationsQuery } from '../account/voluntary-organisations.query';
import {
  AcceptCompletionsMutation, AddComplianceRequirementMutation, ComplianceSettingsQuery, RefuseCompletionsMutation,
  RemoveComplianceRequirementMutation, SetRenewalPeriodMutation,
} from './compliance.operations';
import {
  REFUSAL_FIELDS, refusalInputFrom, RENEWAL_FIELDS, renewalInputFrom, REQUIREMENT_FIELDS, requirementInputFrom, PERSON_KIND_CHOICES,
  type RefusalField, type RenewalField, type RequirementField,
} from './compliance-settings-form';
import './compliance.scss';

const SETTINGS_AUDIENCE = {
  roles: ['LD_LEAD', 'PARTNERSHIP_ADMIN'] as const,
  needs: 'an L&D lead or an administrator',
  who: 'Learning and development leads and partnership administrators',
};

type Settings = SettingsResult['complianceSettings'];
type Subject = SettingsResult['mandatorySubjects'][number];

const RENEWAL_IDS: Record<RenewalField, string> = { subjectCode: 'renewal-subject', renewalMonths: 'renewal-months' };
const REQUIREMENT_IDS: Record<RequirementField, string> = {
  subjectCode: 'requirement-subject', personKind: 'requirement-kind-any', jobTitle: 'requirement-job-title', team: 'requirement-team',
};
const REFUSAL_IDS: Record<RefusalField, string> = { fromOrganisationId: 'refusal-organisation', subjectCode: 'refusal-subject', reason: 'refusal-reason' };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

function subjectName(subjects: Subject[], code: string): string {
  return subjects.find((s) => s.code === code)?.name ?? code;
}

function SubjectSelect({ id, label, value, onChange, subjects, error }: {
  id: string; label: string; value: string; onChange: (value: string) => void; subjects: Subject[]; error?: string;
}) {
  return (
    <Select id={id} name={id} label={label} value={value} error={error} onChange={(event) => onChange(event.currentTarget.value)}>
      <Select.Option value="">Choose a subject</Select.Option>
      {subjects.map((s) => <Select.Option key={s.code} value={s.code}>{s.name}</Select.Option>)}
    </Select>
  );
}

function Saved({ message }: { message: string | null }) {
  return message ? <InsetText role="status" data-testid="settings-saved"><p>{message}</p></InsetText> : null;
}

function RenewalPeriods({ organisationId, settings, subjects, refetch }: { organisationId: string; settings: Settings; subjects: Subject[]; refetch: () => Promise<unknown> }) {
  const [form, setForm] = useState({ subjectCode: '', renewalMonths: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, byField, send } = useFormSubmit<RenewalField>(RENEWAL_FIELDS);
  const [setRenewalPeriod, { loading }] = useMutation(SetRenewalPeriodMutation);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setSaved(null);
    const { input, errors: own } = renewalInputFrom(organisationId, form);
    await send({
      own,
      request: input ? async () => (await setRenewalPeriod({ variables: { input } })).data?.setRenewalPeriod : null,
      succeeded: (payload) => !!payload.renewalPeriod,
      done: async ({ renewalPeriod }) => {
        await refetch();
        setSaved(`${subjectName(subjects, renewalPeriod!.subjectCode)} now renews every ${renewalPeriod!.renewalMonths} months`
          + (renewalPeriod!.own ? '' : ' (the framework\'s period)'));
        setForm({ subjectCode: '', renewalMonths: '' });
      },
    });
  };
  return (
    <section aria-labelledby="renewal-heading" className="nhsuk-u-margin-bottom-7">
      <h2 id="renewal-heading">Renewal periods</h2>
      <p>How long a completion counts before it must be done again. Your organisation&rsquo;s period replaces the framework&rsquo;s.</p>
      <Table responsive caption="Renewal period of each subject" captionProps={{ className: 'nhsuk-u-visually-hidden' }} data-testid="renewal-periods">
        <Table.Head>
          <Table.Row><Table.Cell>Subject</Table.Cell><Table.Cell>Renews every</Table.Cell></Table.Row>
        </Table.Head>
        <Table.Body>
          {settings.renewalPeriods.map((period) => (
            <Table.Row key={period.subjectCode} data-subject={period.subjectCode}>
              <Table.Cell>{subjectName(subjects, period.subjectCode)}</Table.Cell>
              <Table.Cell>{period.renewalMonths} months {period.own ? '(your organisation\'s)' : '(the framework\'s)'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <FormErrorSummary errors={errors} inputIds={RENEWAL_IDS} />
      <Saved message={saved} />
      <form noValidate onSubmit={submit} aria-labelledby="renewal-form-heading">
        <h3 id="renewal-form-heading">Change a renewal period</h3>
        <SubjectSelect id={RENEWAL_IDS.subjectCode} label="Subject" subjects={subjects} value={form.subjectCode}
          onChange={(subjectCode) => setForm({ ...form, subjectCode })} error={byField.subjectCode} />
        <TextInput id={RENEWAL_IDS.renewalMonths} name="renewalMonths" label="Renewal period in months" width={4} inputMode="numeric" autoComplete="off"
          hint="A whole number from 1 to 120. Leave blank to go back to the framework's period" value={form.renewalMonths}
          onChange={(event) => setForm({ ...form, renewalMonths: event.currentTarget.value })} error={byField.renewalMonths} />
        <Button type="submit" secondary disabled={loading}>Save renewal period</Button>
      </form>
    </section>
  );
}

const KIND_TEXT: Record<PersonKind, string> = { STAFF: 'Staff', VOLUNTEER: 'Volunteers' };

function Requirements({ organisationId, settings, subjects, refetch }: { organisationId: string; settings: Settings; subjects: Subject[]; refetch: () => Promise<unknown> }) {
  const empty = { subjectCode: '', personKind: '' as PersonKind | '', jobTitle: '', team: '' };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, byField, send, setErrors } = useFormSubmit<RequirementField>(REQUIREMENT_FIELDS);
  const [addRequirement, { loading }] = useMutation(AddComplianceRequirementMutation);
  const [removeRequirement, { loading: removing }] = useMutation(RemoveComplianceRequirementMutation);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setSaved(null);
    const { input, errors: own } = requirementInputFrom(organisationId, form);
    await send({
      own,
      request: input ? async () => (await addRequirement({ variables: { input } })).data?.addComplianceRequirement : null,
      succeeded: (payload) => !!payload.requirement,
      done: async () => {
        await refetch();
        setSaved(`Added: ${subjectName(subjects, form.subjectCode)} for ${groupText(form)}`);
        setForm(empty);
      },
    });
  };
  const remove = async (requirement: Settings['requirements'][number]) => {
    setSaved(null);
    await send({
      request: async () => (await removeRequirement({ variables: { input: { requirementId: requirement.id } } })).data?.removeComplianceRequirement,
      succeeded: (payload) => !!payload.requirement,
      done: async () => {
        await refetch();
        setErrors([]);
        setSaved(`Removed: ${subjectName(subjects, requirement.subjectCode)} for ${groupText(requirement)}`);
      },
    });
  };
  return (
    <section aria-labelledby="requirements-heading" className="nhsuk-u-margin-bottom-7">
      <h2 id="requirements-heading">Who needs which subjects</h2>
      <p>Each staff group needs the subject; a person is in a group when they match everything it names.</p>
      <FormErrorSummary errors={errors} inputIds={REQUIREMENT_IDS} />
      <Saved message={saved} />
      {settings.requirements.length ? (
        <Table responsive caption="Staff groups and the subjects they need" captionProps={{ className: 'nhsuk-u-visually-hidden' }} data-testid="requirements">
          <Table.Head>
            <Table.Row><Table.Cell>Subject</Table.Cell><Table.Cell>Who needs it</Table.Cell><Table.Cell>Change</Table.Cell></Table.Row>
          </Table.Head>
          <Table.Body>
            {[...settings.requirements].sort((a, b) => subjectName(subjects, a.subjectCode).localeCompare(subjectName(subjects, b.subjectCode), 'en-GB'))
              .map((requirement) => (
                <Table.Row key={requirement.id} data-requirement={requirement.id}>
                  <Table.Cell>{subjectName(subjects, requirement.subjectCode)}</Table.Cell>
                  <Table.Cell>{capitalised(groupText(requirement))}</Table.Cell>
                  <Table.Cell>
                    <Button type="button" secondary small className="nhsuk-u-margin-bottom-0" disabled={removing} onClick={() => void remove(requirement)}>
                      Remove<span className="nhsuk-u-visually-hidden"> {subjectName(subjects, requirement.subjectCode)} for {groupText(requirement)}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
          </Table.Body>
        </Table>
      ) : <p>No staff group needs a subject yet.</p>}
      <form noValidate onSubmit={submit} aria-labelledby="requirement-form-heading">
        <h3 id="requirement-form-heading">Add a staff group&rsquo;s subject</h3>
        <SubjectSelect id={REQUIREMENT_IDS.subjectCode} label="Subject" subjects={subjects} value={form.subjectCode}
          onChange={(subjectCode) => setForm({ ...form, subjectCode })} error={byField.subjectCode} />
        <Radios name="personKind" legend="Staff or volunteers" legendProps={{ size: 's' }} error={byField.personKind}>
          {PERSON_KIND_CHOICES.map(([value, text]) => (
            <Radios.Item key={value || 'any'} id={value ? `requirement-kind-${value.toLowerCase()}` : REQUIREMENT_IDS.personKind} value={value}
              checked={form.personKind === value} onChange={() => setForm({ ...form, personKind: value })}>{text}</Radios.Item>
          ))}
        </Radios>
        <TextInput id={REQUIREMENT_IDS.jobTitle} name="jobTitle" label="Job title (optional)" hint="Only people with this job title" autoComplete="off"
          value={form.jobTitle} onChange={(event) => setForm({ ...form, jobTitle: event.currentTarget.value })} error={byField.jobTitle} />
        <TextInput id={REQUIREMENT_IDS.team} name="team" label="Team (optional)" hint="Only people of this team" autoComplete="off"
          value={form.team} onChange={(event) => setForm({ ...form, team: event.currentTarget.value })} error={byField.team} />
        <Button type="submit" secondary disabled={loading}>Add the requirement</Button>
      </form>
    </section>
  );
}

/** A name's possessive: "Bretton Green Medical Practice's"; a name ending in s takes the apostrophe alone ("Thorpe Wood Medical Centres'"). */
const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function groupText(group: { personKind?: PersonKind | '' | null; jobTitle?: string | null; team?: string | null }): string {
  const parts = [group.personKind ? KIND_TEXT[group.personKind].toLowerCase() : 'staff and volunteers'];
  if (group.jobTitle) parts.push(`job title ${group.jobTitle}`);
  if (group.team) parts.push(`team ${group.team}`);
  return parts.join(', ');
}

function Refusals({ organisationId, settings, subjects, organisations, refetch }: {
  organisationId: string; settings: Settings; subjects: Subject[]; organisations: ReadonlyArray<{ id: string; name: string }>; refetch: () => Promise<unknown>;
}) {
  const empty = { fromOrganisationId: '', subjectCode: '', reason: '' };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, byField, send, setErrors } = useFormSubmit<RefusalField>(REFUSAL_FIELDS);
  const [refuseCompletions, { loading }] = useMutation(RefuseCompletionsMutation);
  const [acceptCompletions, { loading: accepting }] = useMutation(AcceptCompletionsMutation);
  const others = organisations.filter((o) => o.id !== organisationId);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setSaved(null);
    const { input, errors: own } = refusalInputFrom(organisationId, form);
    await send({
      own,
      request: input ? async () => (await refuseCompletions({ variables: { input } })).data?.refuseCompletions : null,
      succeeded: (payload) => !!payload.refusal,
      done: async () => {
        await refetch();
        setSaved(`${possessive(others.find((o) => o.id === form.fromOrganisationId)?.name ?? 'The organisation')} completions of ${subjectName(subjects, form.subjectCode)} no longer count`);
        setForm(empty);
      },
    });
  };
  const accept = async (refusal: Settings['refusals'][number]) => {
    setSaved(null);
    await send({
      request: async () => (await acceptCompletions({ variables: { input: {
        organisationId, fromOrganisationId: refusal.fromOrganisationId, subjectCode: refusal.subjectCode } } })).data?.acceptCompletions,
      succeeded: (payload) => payload.userErrors.length === 0,
      done: async () => {
        await refetch();
        setErrors([]);
        setSaved(`${possessive(refusal.fromOrganisationName)} completions of ${subjectName(subjects, refusal.subjectCode)} count again`);
      },
    });
  };
  return (
    <section aria-labelledby="refusals-heading" className="nhsuk-u-margin-bottom-7">
      <h2 id="refusals-heading">Completions you do not accept</h2>
      <p>A completion at another partner usually counts. Where yours does not accept one partner&rsquo;s for a subject, the matrix shows your reason beside it.</p>
      <FormErrorSummary errors={errors} inputIds={REFUSAL_IDS} />
      <Saved message={saved} />
      {settings.refusals.length ? (
        <Table responsive caption="Completions not accepted" captionProps={{ className: 'nhsuk-u-visually-hidden' }} data-testid="refusals">
          <Table.Head>
            <Table.Row><Table.Cell>Organisation</Table.Cell><Table.Cell>Subject</Table.Cell><Table.Cell>Reason</Table.Cell><Table.Cell>Change</Table.Cell></Table.Row>
          </Table.Head>
          <Table.Body>
            {settings.refusals.map((refusal) => (
              <Table.Row key={`${refusal.fromOrganisationId}:${refusal.subjectCode}`}>
                <Table.Cell>{refusal.fromOrganisationName}</Table.Cell>
                <Table.Cell>{subjectName(subjects, refusal.subjectCode)}</Table.Cell>
                <Table.Cell><span className="portal-break-anywhere">{refusal.reason}</span></Table.Cell>
                <Table.Cell>
                  <Button type="button" secondary small className="nhsuk-u-margin-bottom-0" disabled={accepting} onClick={() => void accept(refusal)}>
                    Accept again<span className="nhsuk-u-visually-hidden"> {possessive(refusal.fromOrganisationName)} {subjectName(subjects, refusal.subjectCode)}</span>
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : <p>You accept every partner&rsquo;s completions.</p>}
      <form noValidate onSubmit={submit} aria-labelledby="refusal-form-heading">
        <h3 id="refusal-form-heading">Stop accepting a partner&rsquo;s completions</h3>
        <Select id={REFUSAL_IDS.fromOrganisationId} name="fromOrganisationId" label="Organisation" value={form.fromOrganisationId}
          error={byField.fromOrganisationId} onChange={(event) => setForm({ ...form, fromOrganisationId: event.currentTarget.value })}>
          <Select.Option value="">Choose an organisation</Select.Option>
          {others.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
        </Select>
        <SubjectSelect id={REFUSAL_IDS.subjectCode} label="Subject" subjects={subjects} value={form.subjectCode}
          onChange={(subjectCode) => setForm({ ...form, subjectCode })} error={byField.subjectCode} />
        <Textarea id={REFUSAL_IDS.reason} name="reason" label="Reason" hint="Shown in your matrix beside each completion that no longer counts. Up to 500 characters"
          rows={3} value={form.reason} onChange={(event) => setForm({ ...form, reason: event.currentTarget.value })} error={byField.reason} />
        <Button type="submit" secondary disabled={loading}>Stop accepting</Button>
      </form>
    </section>
  );
}

function OrganisationChooser({ choices, current }: { choices: Array<{ id: string; name: string }>; current: string | null }) {
  return (
    <form method="get" action={COMPLIANCE_PATHS.settings} className="compliance-choose">
      <Select id="organisation" name="organisation" label="Organisation" defaultValue={current ?? ''}>
        {current ? null : <Select.Option value="">Choose an organisation</Select.Option>}
        {choices.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
      </Select>
      <Button type="submit" secondary>Show its settings</Button>
    </form>
  );
}

function SettingsOf({ viewer, organisationId }: { viewer: SignedInViewer; organisationId: string }) {
  const { data, loading, error, refetch } = useQuery(ComplianceSettingsQuery, {
    variables: { organisationId, partnershipSlug: viewer.partnership.slug }, fetchPolicy: 'cache-and-network',
  });
  const settings = data?.complianceSettings;
  useDocumentTitle(['Compliance settings', settings?.organisation?.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...SETTINGS_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading the compliance settings…</p>;
  if (!settings || !data) return <p>Sorry, the compliance settings could not be loaded. Try again later.</p>;
  const subjects = [...data.mandatorySubjects].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const again = () => refetch();
  return (
    <>
      {/* A long page on a phone: the three settings one tap away. */}
      <nav aria-labelledby="settings-contents">
        <h2 id="settings-contents" className="nhsuk-heading-s nhsuk-u-margin-bottom-2">On this page</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li><a href="#renewal-heading">Renewal periods</a></li>
          <li><a href="#requirements-heading">Who needs which subjects</a></li>
          <li><a href="#refusals-heading">Completions you do not accept</a></li>
        </ul>
      </nav>
      <RenewalPeriods organisationId={organisationId} settings={settings} subjects={subjects} refetch={again} />
      <Requirements organisationId={organisationId} settings={settings} subjects={subjects} refetch={again} />
      <Refusals organisationId={organisationId} settings={settings} subjects={subjects} organisations={data.organisations} refetch={again} />
    </>
  );
}

function ComplianceSettings({ viewer }: { viewer: SignedInViewer }) {
  const [search] = useSearchParams();
  const admin = isPartnershipAdministrator(viewer);
  const { data } = useQuery(PartnerOrganisationsQuery, { variables: { partnershipSlug: viewer.partnership.slug }, skip: !admin });
  const led = ledOrganisations(viewer);
  // The organisations the viewer may manage: an administrator any of the partnership's, a lead those they lead.
  const choices = [...(admin ? data?.organisations ?? [] : led)].sort(byName);
  const asked = search.get('organisation');
  // A lead's own organisation when none is asked for (else the first they lead); an administrator chooses.
  const leadsOwn = !!led[0] && led[0].id === viewer.organisation?.id;
  const organisationId = asked ?? (leadsOwn || !admin ? led[0]?.id ?? null : null);
  const name = choices.find((o) => o.id === organisationId)?.name;
  useDocumentTitle(['Compliance settings', name]);
  return (
    <>
      {led.length ? <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={COMPLIANCE_PATHS.organisation}>Mandatory training</BackLink> : null}
      {name ? <span className="nhsuk-caption-l">{name}</span> : null}
      <h1>Compliance settings</h1>
      <p className="nhsuk-lede-text">How long each subject&rsquo;s completion counts, which staff groups need which subjects, and whose completions count.</p>
      {choices.length > 1 || (admin && !organisationId) ? <OrganisationChooser choices={choices} current={organisationId} /> : null}
      {organisationId ? <SettingsOf key={organisationId} viewer={viewer} organisationId={organisationId} /> : <p>Choose the organisation whose settings to see.</p>}
    </>
  );
}

/** An L&D lead's organisation (or any, for an administrator): renewal periods, who needs what, and refused completions. */
export function ComplianceSettingsPage() {
  return <RequireRole audience={{ ...SETTINGS_AUDIENCE, roles: [...SETTINGS_AUDIENCE.roles] }}>{(viewer) => <ComplianceSettings viewer={viewer} />}</RequireRole>;
}
