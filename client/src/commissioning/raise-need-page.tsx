import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, DateInput, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import type { CourseAudience, TrainingNeedPriority, TrainingNeedScope } from '../gql/graphql';
import { paths } from '../paths';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { useDocumentTitle } from '../ui/use-document-title';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import { MandatorySubjectsForNeedsQuery, RaiseTrainingNeedMutation } from './commissioning.operations';
import { EMPTY_NEED_FORM, londonToday, NEED_FIELDS, needInputFrom, type NeedField, type NeedForm } from './need-form';
import { AUDIENCE_TEXT, NEEDS_AUDIENCE, PRIORITY_TEXT } from './need-text';
import type { NeedRaisedState } from './needs-page';

const INPUT_IDS: Record<NeedField, string> = {
  scope: 'scope-first', organisationId: 'scope-first', topic: 'topic', detail: 'detail', mandatorySubject: 'mandatorySubject',
  ksfDimension: 'ksfDimension', peopleCount: 'peopleCount', audience: 'audience-STAFF', priority: 'priority-HIGH', wantedBy: 'wantedBy-day',
};
const AUDIENCES: CourseAudience[] = ['STAFF', 'VOLUNTEERS', 'BOTH'];
const PRIORITIES: TrainingNeedPriority[] = ['HIGH', 'MEDIUM', 'LOW'];

/** Who the viewer may raise a need for, in the order the form offers them. */
function scopesFor(viewer: SignedInViewer): Array<{ scope: TrainingNeedScope; text: string; hint: string; organisationId: string | null }> {
  const led = viewer.roles.filter((grant) => grant.role === 'LD_LEAD' && grant.organisation).map((grant) => grant.organisation!);
  const lead = led.find((o) => o.id === viewer.organisation?.id) ?? led[0] ?? null;
  const options: ReturnType<typeof scopesFor> = [];
  if (lead) options.push({ scope: 'ORGANISATION', text: `My organisation, ${lead.name}`, hint: 'As its L&D lead', organisationId: lead.id });
  if (viewer.organisation && viewer.roles.some((grant) => grant.role === 'LINE_MANAGER')) {
    options.push({ scope: 'TEAM', text: 'My team', hint: 'The people you manage', organisationId: null });
  }
  if (viewer.organisation) {
    options.push({ scope: 'PERSON', text: 'Me, from my 1:1 or appraisal', hint: `It goes to the L&D lead of ${viewer.organisation.name}`, organisationId: null });
  }
  return options;
}

function RaiseNeedForm({ viewer, slug }: { viewer: SignedInViewer; slug: string }) {
  const navigate = useNavigate();
  const scopes = scopesFor(viewer);
  const [form, setForm] = useState<NeedForm>({ ...EMPTY_NEED_FORM, scope: scopes.length === 1 ? scopes[0].scope : '' });
  const { errors, byField, refused, send } = useFormSubmit<NeedField>(NEED_FIELDS, { refusable: true });
  const { data: subjects } = useQuery(MandatorySubjectsForNeedsQuery);
  const [raiseNeed, { loading }] = useMutation(RaiseTrainingNeedMutation, {
    update: (cache, { data: result }) => {
      if (result?.raiseTrainingNeed.trainingNeed) {
        cache.evict({ id: 'ROOT_QUERY', fieldName: 'trainingNeeds' });
        cache.evict({ id: 'ROOT_QUERY', fieldName: 'trainingNeedGroups' });
      }
    },
  });
  useDocumentTitle(['Raise a training need', viewer.partnership.name], errors.length > 0);

  if (refused) return <AccessProblemPage problem={refused} {...NEEDS_AUDIENCE} />;
  if (!scopes.length) {
    return (
      <>
        <h1>Raise a training need</h1>
        <p>Training needs are raised by people who work for a partner organisation. Ask the L&amp;D lead of the organisation you volunteer with.</p>
      </>
    );
  }

  const set = <K extends keyof NeedForm>(key: K, value: NeedForm[K]) => setForm({ ...form, [key]: value });
  const text = (key: 'topic' | 'detail' | 'ksfDimension' | 'peopleCount') => ({
    value: form[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });
  const chosen = scopes.find((option) => option.scope === form.scope);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: problems } = needInputFrom(form, londonToday());
    await send({
      own: problems,
      request: input ? async () => (await raiseNeed({ variables: { input: { ...input, organisationId: chosen?.organisationId ?? null } } })).data?.raiseTrainingNeed : null,
      succeeded: (payload) => !!payload.trainingNeed,
      done: async ({ trainingNeed }) => {
        const state: NeedRaisedState = { needRaised: { topic: trainingNeed!.topic } };
        await navigate(paths.trainingNeeds(slug), { state });
      },
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={paths.trainingNeeds(slug)}>Training needs</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <h1>Raise a training need</h1>
          <p>Say what training is needed, for how many people and by when. Needs that other organisations share are grouped, so that
            the partnership can find or commission one course for them all.</p>
          <form noValidate onSubmit={submit}>
            <Radios name="scope" legend="Who is it for?" legendProps={{ size: 's' }} error={byField.scope ?? byField.organisationId}>
              {scopes.map((option, index) => (
                <Radios.Item key={option.scope} id={index === 0 ? 'scope-first' : `scope-${option.scope}`} value={option.scope}
                  checked={form.scope === option.scope} hint={option.hint} onChange={() => set('scope', option.scope)}>
                  {option.text}
                </Radios.Item>
              ))}
            </Radios>
            <TextInput id={INPUT_IDS.topic} name="topic" label="Topic" hint="For example, moving and handling people, or dementia awareness"
              autoComplete="off" {...text('topic')} error={byField.topic} />
            <Textarea id={INPUT_IDS.detail} name="detail" label="Detail (optional)" rows={4}
              hint="Who needs it, why, and anything a provider should know" {...text('detail')} error={byField.detail} />
            <Select id={INPUT_IDS.mandatorySubject} name="mandatorySubject" label="Mandatory subject (optional)"
              hint="If it is mandatory training, choose its subject" value={form.mandatorySubject} error={byField.mandatorySubject}
              onChange={(event) => set('mandatorySubject', event.currentTarget.value)}>
              <Select.Option value="">Not mandatory training</Select.Option>
              {(subjects?.mandatorySubjects ?? []).map((subject) => (
                <Select.Option key={subject.code} value={subject.code}>{subject.name}</Select.Option>
              ))}
            </Select>
            <TextInput id={INPUT_IDS.ksfDimension} name="ksfDimension" label="KSF dimension (optional)" width={5}
              hint="The NHS Knowledge and Skills Framework dimension it develops, like C3 or HWB5" autoComplete="off" spellCheck={false}
              {...text('ksfDimension')} error={byField.ksfDimension} />
            {form.scope !== 'PERSON' ? (
              <TextInput id={INPUT_IDS.peopleCount} name="peopleCount" label="Number of people" width={5} inputMode="numeric"
                autoComplete="off" {...text('peopleCount')} error={byField.peopleCount} />
            ) : null}
            <Radios name="audience" legend="Staff or volunteers?" legendProps={{ size: 's' }} error={byField.audience} inline>
              {AUDIENCES.map((audience) => (
                <Radios.Item key={audience} id={`audience-${audience}`} value={audience} checked={form.audience === audience}
                  onChange={() => set('audience', audience)}>{AUDIENCE_TEXT[audience]}</Radios.Item>
              ))}
            </Radios>
            <Radios name="priority" legend="Priority" legendProps={{ size: 's' }} error={byField.priority} inline>
              {PRIORITIES.map((priority) => (
                <Radios.Item key={priority} id={`priority-${priority}`} value={priority} checked={form.priority === priority}
                  onChange={() => set('priority', priority)}>{PRIORITY_TEXT[priority]}</Radios.Item>
              ))}
            </Radios>
            <DateInput id="wantedBy" name="wantedBy" legend="Wanted by" legendProps={{ size: 's' }} hint="For example, 31 3 2027"
              error={byField.wantedBy}>
              {(['day', 'month', 'year'] as const).map((part) => {
                const Part = part === 'day' ? DateInput.Day : part === 'month' ? DateInput.Month : DateInput.Year;
                return <Part key={part} value={form.wantedBy[part]} autoComplete="off"
                  onChange={(event: { target: { value: string } }) => set('wantedBy', { ...form.wantedBy, [part]: event.target.value })} />;
              })}
            </DateInput>
            <Button type="submit">Raise the need</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** Anyone who works for a partner organisation: a need for their organisation (a lead), their team (a line manager) or themselves. */
export function RaiseNeedPage() {
  const { slug = '' } = useParams();
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...NEEDS_AUDIENCE} />;
  return <RaiseNeedForm viewer={viewer} slug={slug} />;
}
