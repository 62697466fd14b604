import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Checkboxes, Fieldset, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { COURSE_AUDIENCE_TEXT, METHOD_TEXT } from '../find-training/session-text';
import type { CourseAudience, LearningMethod, ProposeChoicesQuery as ChoicesResult } from '../gql/graphql';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import type { SignedInViewer } from '../ui/use-viewer';
import { formatCalendarDate, peopleText } from './need-text';
import { ProposeChoicesQuery, ProposeCommissioningMutation } from './proposal.operations';
import {
  emptyDeliveryOption, emptyProposeForm, EXTERNAL, proposeErrorsFrom, proposeFields, proposeInputFrom, type DeliveryOptionRow,
  type ProposeField, type ProposeForm,
} from './propose-form';

type Choices = ChoicesResult;
const METHODS = Object.keys(METHOD_TEXT) as LearningMethod[];
const AUDIENCES = Object.keys(COURSE_AUDIENCE_TEXT) as CourseAudience[];
const LEADS_ONLY = AREA_AUDIENCE.LD_LEAD;

/** One box of the needs question: a need the viewer can read, or another organisation's part of a group (its needs by id alone). */
interface NeedOption { value: string; label: string; hint: string; needIds: string[] }

function needOptionsOf(choices: Choices): NeedOption[] {
  const live = choices.trainingNeeds.edges.map((edge) => edge.node).filter((need) => need.status === 'OPEN' || need.status === 'GROUPED');
  const readable = new Set(live.map((need) => need.id));
  const own: NeedOption[] = live.map((need) => ({
    value: `need:${need.id}`, label: need.topic, needIds: [need.id],
    hint: `${need.organisation.name}, ${peopleText(need.peopleCount)}, wanted by ${formatCalendarDate(need.wantedBy)}`,
  }));
  const others: NeedOption[] = choices.trainingNeedGroups.flatMap((group) => group.organisations
    .filter((part) => part.needIds.some((id) => !readable.has(id)))
    .map((part) => ({
      value: `group:${group.key}:${part.organisation.id}`,
      label: `${part.organisation.name}: ${group.label}`,
      needIds: part.needIds.filter((id) => !readable.has(id)),
      hint: `${part.needCount === 1 ? '1 need' : `${part.needCount} needs`}, ${peopleText(part.peopleCount)}, shared demand`,
    })));
  return [...own, ...others];
}

/** The boxes a shared-demand group's "Propose a course for this need" ticks: every need of the group. */
function preselected(choices: Choices, options: NeedOption[], groupKey: string | null): string[] {
  const group = choices.trainingNeedGroups.find((g) => g.key === groupKey);
  if (!group) return [];
  const ids = new Set(group.organisations.flatMap((part) => part.needIds));
  return options.filter((option) => option.value.startsWith(`group:${group.key}:`) || option.needIds.every((id) => ids.has(id))).map((o) => o.value);
}

const coursesOf = (choices: Choices) => [...new Map(choices.trainingNeedGroups.flatMap((group) => group.sessions)
  .map((session) => [session.course.id, session.course])).values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));

function inputIds(form: ProposeForm, options: NeedOption[]): Record<ProposeField, string> {
  const ids: Record<string, string> = {
    needIds: options.length ? `need-${0}` : 'needs', title: 'title', summary: 'summary', courseId: form.course === 'existing' ? 'courseId' : 'course-existing',
    newCourse: 'course-new', 'newCourse.title': 'newCourse-title', 'newCourse.summary': 'newCourse-summary', 'newCourse.method': 'newCourse-method',
    'newCourse.durationHours': 'newCourse-durationHours', 'newCourse.audience': `newCourse-audience-${AUDIENCES[0]}`,
    'newCourse.mandatorySubject': 'newCourse-mandatorySubject', 'newCourse.providerOrganisationId': 'newCourse-provider',
    deliveryOptions: 'option-0-provider', sessionsPlanned: 'sessionsPlanned', seatsPerSession: 'seatsPerSession', estimatedCost: 'estimatedCost',
    financialYear: 'financialYear', pledgeDeadline: 'pledgeDeadline',
  };
  form.deliveryOptions.forEach((_, i) => {
    ids[`deliveryOptions.${i}.providerOrganisationId`] = `option-${i}-provider`;
    ids[`deliveryOptions.${i}.providerName`] = `option-${i}-name`;
    ids[`deliveryOptions.${i}.quotedCost`] = `option-${i}-quote`;
  });
  return ids as Record<ProposeField, string>;
}

function ProposeFormView({ viewer, slug, choices, groupKey }: { viewer: SignedInViewer; slug: string; choices: Choices; groupKey: string | null }) {
  const navigate = useNavigate();
  const group = choices.trainingNeedGroups.find((g) => g.key === groupKey) ?? null;
  const [ticked] = useState(() => new Set(preselected(choices, needOptionsOf(choices), groupKey)));
  // The group's needs first, ticked; the rest below them.
  const needOptions = needOptionsOf(choices).sort((a, b) => Number(ticked.has(b.value)) - Number(ticked.has(a.value)));
  const courses = coursesOf(choices);
  const providers = choices.organisations.filter((o) => o.deliversTraining);
  const [form, setForm] = useState<ProposeForm>(() => ({ ...emptyProposeForm([...ticked]), title: group?.label ?? '' }));
  const fields = proposeFields(form.deliveryOptions.length);
  const { errors, byField, refused, send } = useFormSubmit<ProposeField>(fields, { refusable: true });
  const [propose, { loading }] = useMutation(ProposeCommissioningMutation, {
    // The needs it names leave shared demand and read "In commissioning"; the list gains the proposal.
    update: (cache, { data }) => {
      if (!data?.proposeCommissioning.proposal) return;
      for (const fieldName of ['trainingNeedGroups', 'trainingNeeds', 'commissioningProposals']) cache.evict({ id: 'ROOT_QUERY', fieldName });
    },
  });
  useDocumentTitle(['Propose a joint course', viewer.partnership.name], errors.length > 0);
  if (refused) return <AccessProblemPage problem={refused} needs={LEADS_ONLY.needs} who={LEADS_ONLY.who} />;

  const set = <K extends keyof ProposeForm>(key: K, value: ProposeForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setDraft = <K extends keyof ProposeForm['newCourse']>(key: K, value: ProposeForm['newCourse'][K]) =>
    setForm((f) => ({ ...f, newCourse: { ...f.newCourse, [key]: value } }));
  const setOption = (index: number, key: keyof DeliveryOptionRow, value: string) =>
    setForm((f) => ({ ...f, deliveryOptions: f.deliveryOptions.map((row, i) => (i === index ? { ...row, [key]: value } : row)) }));
  const text = (key: 'title' | 'summary' | 'sessionsPlanned' | 'seatsPerSession' | 'estimatedCost' | 'financialYear' | 'pledgeDeadline') => ({
    value: form[key], onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });
  const toggleNeed = (value: string, checked: boolean) =>
    set('needOptions', checked ? [...form.needOptions, value] : form.needOptions.filter((v) => v !== value));
  const ids = inputIds(form, needOptions);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: problems } = proposeInputFrom(form, (value) => needOptions.find((o) => o.value === value)?.needIds ?? []);
    await send({
      own: problems,
      request: input ? async () => (await propose({ variables: { input } })).data?.proposeCommissioning : null,
      succeeded: (payload) => !!payload.proposal,
      toErrors: (userErrors) => proposeErrorsFrom(userErrors, fields),
      done: async ({ proposal }) => { await navigate(paths.proposal(slug, proposal!.id)); },
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={group ? paths.sharedDemand(slug) : paths.proposals(slug)}>
        {group ? 'Shared demand' : 'Commissioning proposals'}
      </BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={ids} />
          <h1>Propose a joint course</h1>
          <p>Partners pledge seats and money to it. When the pledges cover the cost, an administrator or the steering group approves it
            and its sessions appear in Find training, with each organisation&apos;s pledged seats held for it. Places on it cost nothing
            more to book: the pledges pay for them.</p>
          <form noValidate onSubmit={submit}>
            <Checkboxes name="needs" legend="Which needs does it answer?" legendProps={{ size: 'm' }} error={byField.needIds}
              hint={needOptions.length ? 'Other organisations’ needs are shown as their part of the shared demand.' : undefined}>
              {needOptions.map((option, index) => (
                <Checkboxes.Item key={option.value} id={`need-${index}`} value={option.value} checked={form.needOptions.includes(option.value)}
                  hint={option.hint} onChange={(event) => toggleNeed(option.value, event.currentTarget.checked)}>
                  {option.label}
                </Checkboxes.Item>
              ))}
            </Checkboxes>
            {needOptions.length ? null : (
              <p id="needs">There are no open needs to propose against. <Link to={paths.raiseTrainingNeed(slug)}>Raise a training need</Link> first.</p>
            )}

            <TextInput id={ids.title} name="title" label="Title of the proposal" hint="For example, Moving and handling for home care teams"
              {...text('title')} error={byField.title} />
            <Textarea id={ids.summary} name="summary" label="Why this course (optional)" rows={3} {...text('summary')} error={byField.summary} />

            <Radios name="course" legend="The course" legendProps={{ size: 'm' }} error={byField.courseId ?? byField.newCourse}>
              <Radios.Item id="course-existing" value="existing" checked={form.course === 'existing'} disabled={!courses.length}
                hint={courses.length ? 'One already in the catalogue, run again for the partners' : 'No course on offer matches the shared needs'}
                onChange={() => set('course', 'existing')}>
                An existing course
              </Radios.Item>
              <Radios.Item id="course-new" value="new" checked={form.course === 'new'} hint="Kept as a draft until approval publishes it"
                onChange={() => set('course', 'new')}>
                A new course
              </Radios.Item>
            </Radios>
            {form.course === 'existing' ? (
              <Select id="courseId" name="courseId" label="Course" value={form.courseId} error={byField.courseId}
                onChange={(event) => set('courseId', event.currentTarget.value)}>
                <Select.Option value="">Choose a course</Select.Option>
                {courses.map((course) => <Select.Option key={course.id} value={course.id}>{course.title} ({course.provider.name})</Select.Option>)}
              </Select>
            ) : null}
            {form.course === 'new' ? (
              <Fieldset>
                <Fieldset.Legend size="s">The new course</Fieldset.Legend>
                <TextInput id={ids['newCourse.title']} name="newCourseTitle" label="Course title" value={form.newCourse.title}
                  error={byField['newCourse.title']} onChange={(event) => setDraft('title', event.currentTarget.value)} />
                <Textarea id={ids['newCourse.summary']} name="newCourseSummary" label="Summary (optional)" rows={3} value={form.newCourse.summary}
                  error={byField['newCourse.summary']} onChange={(event) => setDraft('summary', event.currentTarget.value)} />
                <Select id={ids['newCourse.providerOrganisationId']} name="newCourseProvider" label="Provided by" value={form.newCourse.providerOrganisationId}
                  error={byField['newCourse.providerOrganisationId']} onChange={(event) => setDraft('providerOrganisationId', event.currentTarget.value)}>
                  <Select.Option value="">Choose an organisation</Select.Option>
                  {providers.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
                </Select>
                <Select id={ids['newCourse.method']} name="newCourseMethod" label="How it is delivered" value={form.newCourse.method}
                  error={byField['newCourse.method']} onChange={(event) => setDraft('method', event.currentTarget.value as LearningMethod | '')}>
                  <Select.Option value="">Choose a method</Select.Option>
                  {METHODS.map((method) => <Select.Option key={method} value={method}>{METHOD_TEXT[method]}</Select.Option>)}
                </Select>
                <TextInput id={ids['newCourse.durationHours']} name="newCourseDuration" label="Duration, in hours" hint="For example, 3.5"
                  width={4} inputMode="decimal" value={form.newCourse.durationHours} error={byField['newCourse.durationHours']}
                  onChange={(event) => setDraft('durationHours', event.currentTarget.value)} />
                <Radios name="newCourseAudience" legend="Who it is for" legendProps={{ size: 's' }} error={byField['newCourse.audience']}>
                  {AUDIENCES.map((audience) => (
                    <Radios.Item key={audience} id={`newCourse-audience-${audience}`} value={audience} checked={form.newCourse.audience === audience}
                      onChange={() => setDraft('audience', audience)}>
                      {COURSE_AUDIENCE_TEXT[audience]}
                    </Radios.Item>
                  ))}
                </Radios>
                <Select id={ids['newCourse.mandatorySubject']} name="newCourseSubject" label="Mandatory subject it satisfies (optional)"
                  value={form.newCourse.mandatorySubject} error={byField['newCourse.mandatorySubject']}
                  onChange={(event) => setDraft('mandatorySubject', event.currentTarget.value)}>
                  <Select.Option value="">None</Select.Option>
                  {choices.mandatorySubjects.map((subject) => <Select.Option key={subject.code} value={subject.code}>{subject.name}</Select.Option>)}
                </Select>
              </Fieldset>
            ) : null}

            <Fieldset>
              <Fieldset.Legend size="m">Delivery options</Fieldset.Legend>
              <p className="nhsuk-hint">Who could deliver it, and what each quoted for the whole programme. Give at least one.</p>
              {byField.deliveryOptions ? <p className="nhsuk-error-message">{byField.deliveryOptions}</p> : null}
              {form.deliveryOptions.map((row, index) => (
                <div key={index} className="nhsuk-inset-text nhsuk-u-margin-top-0 nhsuk-u-margin-bottom-4" data-delivery-option={index}>
                  <h3 className="nhsuk-heading-s">Option {index + 1}</h3>
                  <Select id={`option-${index}-provider`} name={`option-${index}-provider`} label="Who would deliver it" value={row.provider}
                    error={byField[`deliveryOptions.${index}.providerOrganisationId`]}
                    onChange={(event) => setOption(index, 'provider', event.currentTarget.value)}>
                    <Select.Option value="">Choose a provider</Select.Option>
                    {providers.map((o) => <Select.Option key={o.id} value={o.id}>{o.name} (a partner)</Select.Option>)}
                    <Select.Option value={EXTERNAL}>A provider outside the partnership</Select.Option>
                  </Select>
                  {row.provider === EXTERNAL ? (
                    <TextInput id={`option-${index}-name`} name={`option-${index}-name`} label="Provider's name" value={row.providerName}
                      error={byField[`deliveryOptions.${index}.providerName`]} onChange={(event) => setOption(index, 'providerName', event.currentTarget.value)} />
                  ) : null}
                  <TextInput id={`option-${index}-quote`} name={`option-${index}-quote`} label="Quote, in pounds" hint="For the whole programme, like 4800.00"
                    width={10} inputMode="decimal" prefix="£" value={row.quotedCost} error={byField[`deliveryOptions.${index}.quotedCost`]}
                    onChange={(event) => setOption(index, 'quotedCost', event.currentTarget.value)} />
                  {form.deliveryOptions.length > 1 ? (
                    <Button type="button" secondary small className="nhsuk-u-margin-bottom-0"
                      onClick={() => set('deliveryOptions', form.deliveryOptions.filter((_, i) => i !== index))}>
                      Remove<span className="nhsuk-u-visually-hidden"> option {index + 1}</span>
                    </Button>
                  ) : null}
                </div>
              ))}
              {form.deliveryOptions.length < 10 ? (
                <Button type="button" secondary onClick={() => set('deliveryOptions', [...form.deliveryOptions, emptyDeliveryOption()])}>
                  Add another delivery option
                </Button>
              ) : null}
            </Fieldset>

            <Fieldset>
              <Fieldset.Legend size="m">Sessions and cost</Fieldset.Legend>
              <TextInput id={ids.sessionsPlanned} name="sessionsPlanned" label="Sessions planned" width={4} inputMode="numeric"
                {...text('sessionsPlanned')} error={byField.sessionsPlanned} />
              <TextInput id={ids.seatsPerSession} name="seatsPerSession" label="Seats in each session" width={4} inputMode="numeric"
                {...text('seatsPerSession')} error={byField.seatsPerSession} />
              <TextInput id={ids.estimatedCost} name="estimatedCost" label="Estimated cost of the whole programme, in pounds"
                hint="The money partners pledge towards, like 4800.00" width={10} inputMode="decimal" prefix="£"
                {...text('estimatedCost')} error={byField.estimatedCost} />
              <TextInput id={ids.financialYear} name="financialYear" label="Financial year the money comes from" hint="For example, 2026/27"
                width={5} {...text('financialYear')} error={byField.financialYear} />
              <TextInput id={ids.pledgeDeadline} name="pledgeDeadline" type="date" label="Pledges close on"
                hint="At the end of that day. An undecided proposal then lapses and its pledges are released." width={10}
                {...text('pledgeDeadline')} error={byField.pledgeDeadline} />
            </Fieldset>
            <Button type="submit" disabled={loading}>Propose the course</Button>
          </form>
        </div>
      </div>
    </>
  );
}

function Propose({ viewer, slug }: { viewer: SignedInViewer; slug: string }) {
  const [search] = useSearchParams();
  const { data, loading, error } = useQuery(ProposeChoicesQuery, { variables: { partnershipSlug: slug }, fetchPolicy: 'network-only' });
  useDocumentTitle(['Propose a joint course', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={LEADS_ONLY.needs} who={LEADS_ONLY.who} />;
  if (loading && !data) return <p role="status">Loading the needs and courses…</p>;
  if (!data) return <p>Sorry, the form could not be loaded. Try again later.</p>;
  return <ProposeFormView viewer={viewer} slug={slug} choices={data} groupKey={search.get('group')} />;
}

/** L&D leads: propose a joint course against needs, for partners to pledge seats and money to. */
export function ProposePage() {
  const { slug = '' } = useParams();
  return <RequireRole role="LD_LEAD">{(viewer) => <Propose viewer={viewer} slug={slug} />}</RequireRole>;
}
