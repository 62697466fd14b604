import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { BackLink, Button, DateInput, Radios, Textarea, TextInput } from 'nhsuk-react-components';
import type { InformalLearningKind } from '../gql/graphql';
import { londonToday } from '../commissioning/need-form';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import type { FieldError } from '../ui/form-errors';
import { useFormSubmit } from '../ui/use-form-submit';
import { useDocumentTitle } from '../ui/use-document-title';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import { RECORDS_PATHS } from '../route-patterns';
import {
  EMPTY_INFORMAL_LEARNING_FORM, INFORMAL_LEARNING_FIELDS, informalLearningInputFrom, KIND_TEXT,
  type InformalLearningField, type InformalLearningForm,
} from './informal-learning-form';
import { LogInformalLearningMutation } from './records.operations';
import type { LearningLoggedState } from './learning-record-page';

const KINDS = Object.keys(KIND_TEXT) as InformalLearningKind[];
const INPUT_IDS: Record<InformalLearningField, string> = {
  kind: `kind-${KINDS[0]}`, learnedOn: 'learnedOn', hours: 'hours', description: 'description', evidenceUrl: 'evidenceUrl', evidenceFileId: 'evidenceFile',
};

/** The file, sent before the entry: its id, or the server's reason (its content is checked there, not its name). */
async function uploadEvidence(file: File): Promise<{ id: string } | { error: string }> {
  const response = await fetch('/learning-files/evidence', {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
  });
  const body = await response.json().catch(() => null) as { file?: { id: string } | null; userErrors?: Array<{ message: string }> } | null;
  if (response.ok && body?.file) return { id: body.file.id };
  return { error: body?.userErrors?.[0]?.message ?? 'The selected file could not be uploaded: try again' };
}

function LogLearningForm({ viewer }: { viewer: SignedInViewer }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<InformalLearningForm>(EMPTY_INFORMAL_LEARNING_FORM);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const { errors, byField, send } = useFormSubmit<InformalLearningField>(INFORMAL_LEARNING_FIELDS);
  const [log, { loading }] = useMutation(LogInformalLearningMutation, {
    update: (cache) => cache.evict({ id: 'ROOT_QUERY', fieldName: 'learningRecord' }),
  });
  useDocumentTitle(['Log informal learning', viewer.partnership.name], errors.length > 0);
  const set = <K extends keyof InformalLearningForm>(key: K, value: InformalLearningForm[K]) => setForm({ ...form, [key]: value });
  const dateFields = (name: 'day' | 'month' | 'year') => ({
    value: form.learnedOn[name], autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => set('learnedOn', { ...form.learnedOn, [name]: event.target.value }),
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || uploading) return;
    const { input, errors: own } = informalLearningInputFrom(form, londonToday());
    let evidenceFileId: string | null = null;
    const problems: Array<FieldError<InformalLearningField>> = [...own];
    if (input && file) {
      setUploading(true);
      const uploaded = await uploadEvidence(file).finally(() => setUploading(false));
      if ('error' in uploaded) problems.push({ field: 'evidenceFileId', message: uploaded.error });
      else evidenceFileId = uploaded.id;
    }
    await send({
      own: problems,
      request: input && !problems.length ? async () => (await log({ variables: { input: { ...input, evidenceFileId } } })).data?.logInformalLearning : null,
      succeeded: (payload) => !!payload.entry,
      done: async () => {
        const state: LearningLoggedState = { learningLogged: { message: 'Your informal learning has been added to your record' } };
        await navigate(RECORDS_PATHS.myRecord, { state });
      },
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={RECORDS_PATHS.myRecord}>My learning record</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <h1>Log informal learning</h1>
          <form noValidate onSubmit={submit}>
            <Radios name="kind" legend="What kind of learning was it?" legendProps={{ size: 's' }} error={byField.kind}>
              {KINDS.map((kind) => (
                <Radios.Item key={kind} id={`kind-${kind}`} value={kind} checked={form.kind === kind} hint={KIND_TEXT[kind].hint}
                  onChange={() => set('kind', kind)}>{KIND_TEXT[kind].text}</Radios.Item>
              ))}
            </Radios>
            <DateInput id={INPUT_IDS.learnedOn} name="learnedOn" legend="When did you do it?" legendProps={{ size: 's' }}
              hint="For example, 27 3 2026" error={byField.learnedOn}>
              <DateInput.Day {...dateFields('day')} />
              <DateInput.Month {...dateFields('month')} />
              <DateInput.Year {...dateFields('year')} />
            </DateInput>
            <TextInput id={INPUT_IDS.hours} name="hours" label="How many hours did it take?" hint="For example, 1.5" width={5} inputMode="decimal"
              autoComplete="off" value={form.hours} onChange={(event) => set('hours', event.currentTarget.value)} error={byField.hours} />
            <Textarea id={INPUT_IDS.description} name="description" label="What did you learn?" rows={4}
              value={form.description} onChange={(event) => set('description', event.currentTarget.value)} error={byField.description} />
            <TextInput id={INPUT_IDS.evidenceUrl} name="evidenceUrl" label="Link to evidence (optional)" type="url" spellCheck={false}
              hint="For example, a certificate on another site" autoComplete="off" value={form.evidenceUrl}
              onChange={(event) => set('evidenceUrl', event.currentTarget.value)} error={byField.evidenceUrl} />
            <div className={`nhsuk-form-group${byField.evidenceFileId ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={INPUT_IDS.evidenceFileId}>Upload evidence (optional)</label>
              <div className="nhsuk-hint" id="evidenceFile-hint">A PDF, PNG or JPEG, smaller than 5 MB</div>
              {byField.evidenceFileId ? <span className="nhsuk-error-message" id="evidenceFile-error"><span className="nhsuk-u-visually-hidden">Error:</span> {byField.evidenceFileId}</span> : null}
              <input className="nhsuk-file-upload" id={INPUT_IDS.evidenceFileId} name="evidenceFile" type="file" accept="application/pdf,image/png,image/jpeg"
                aria-describedby={`evidenceFile-hint${byField.evidenceFileId ? ' evidenceFile-error' : ''}`}
                onChange={(event) => {
                  const chosen = event.currentTarget.files?.[0] ?? null;
                  setFile(chosen);
                  set('file', chosen ? { name: chosen.name, size: chosen.size } : null);
                }} />
            </div>
            <Button type="submit" disabled={loading || uploading}>Add to my record</Button>
          </form>
        </div>
      </div>
    </>
  );
}

export function LogLearningPage() {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" needs="signed in" who="Everyone with an account" />;
  return <LogLearningForm viewer={viewer} />;
}
