import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Fieldset, InsetText, Radios, Table, Tag, Textarea } from 'nhsuk-react-components';
import type { AttendanceOutcome, SessionRegisterQuery } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import type { FieldError } from '../ui/form-errors';
import { tooLong, tooLongMessage } from '../ui/field-checks';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import type { SignedInViewer } from '../ui/use-viewer';
import { paths } from '../paths';
import { CorrectAttendanceMutation, RecordAttendanceMutation, SessionRegisterQuery as RegisterQuery } from './provider.operations';
import { PROVIDER_AUDIENCE, RequireProvider } from './require-provider';

type Line = NonNullable<SessionRegisterQuery['sessionRegister']>['lines'][number];

export const OUTCOME_TEXT: Record<AttendanceOutcome, string> = {
  ATTENDED: 'Attended', NO_SHOW: 'Did not attend', LATE_CANCELLATION: 'Cancelled late',
};
const OUTCOMES = Object.keys(OUTCOME_TEXT) as AttendanceOutcome[];
const OUTCOME_TAG: Record<AttendanceOutcome, 'green' | 'red' | 'orange'> = { ATTENDED: 'green', NO_SHOW: 'red', LATE_CANCELLATION: 'orange' };

/** The register's marks, one radio group per person not yet marked; every person must be marked before it is sent. */
function MarkForm({ sessionId, lines, onSaved }: { sessionId: string; lines: Line[]; onSaved: (message: string) => void }) {
  const [marks, setMarks] = useState<Record<string, AttendanceOutcome>>({});
  const fields = lines.map((l) => l.bookingId);
  const { errors, byField, send } = useFormSubmit<string>(fields);
  const [record, { loading }] = useMutation(RecordAttendanceMutation);
  const inputIds = Object.fromEntries(lines.map((l) => [l.bookingId, `mark-${l.bookingId}-ATTENDED`]));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const own: Array<FieldError<string>> = lines.filter((l) => !marks[l.bookingId])
      .map((l) => ({ field: l.bookingId, message: `Select whether ${l.personName} attended` }));
    const attendance = lines.map((l) => ({ bookingId: l.bookingId, attended: marks[l.bookingId] === 'ATTENDED',
      lateCancellation: marks[l.bookingId] === 'LATE_CANCELLATION' }));
    const count = (o: AttendanceOutcome) => lines.filter((l) => marks[l.bookingId] === o).length;
    await send({
      own,
      request: own.length ? null : async () => (await record({ variables: { input: { sessionId, attendance } } })).data?.recordAttendance,
      succeeded: (payload) => !!payload.session,
      toErrors: (userErrors) => userErrors.map((e) => {
        const index = e.field[0] === 'input' && e.field[1] === 'attendance' ? Number(e.field[2]) : NaN;
        return { field: Number.isInteger(index) ? attendance[index]?.bookingId ?? null : null, message: e.message };
      }),
      done: () => onSaved(`Register saved: ${count('ATTENDED')} attended, ${count('NO_SHOW')} did not attend, ${count('LATE_CANCELLATION')} cancelled late`),
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={errors} inputIds={inputIds} />
      <h2>Mark who came</h2>
      <p>{lines.length === 1 ? '1 person is' : `${lines.length} people are`} still to be marked.</p>
      <Button type="button" secondary onClick={() => setMarks(Object.fromEntries(lines.map((l) => [l.bookingId, marks[l.bookingId] ?? 'ATTENDED'])))}>
        Mark everyone else as attended
      </Button>
      {lines.map((line) => (
        <Radios key={line.bookingId} name={`mark-${line.bookingId}`} inline legend={line.personName} legendProps={{ size: 's' }}
          hint={line.organisationName ?? 'Independent volunteer'} error={byField[line.bookingId]}>
          {OUTCOMES.map((outcome) => (
            <Radios.Item key={outcome} id={`mark-${line.bookingId}-${outcome}`} value={outcome} checked={marks[line.bookingId] === outcome}
              onChange={() => setMarks({ ...marks, [line.bookingId]: outcome })}>{OUTCOME_TEXT[outcome]}</Radios.Item>
          ))}
        </Radios>
      ))}
      <Button type="submit" disabled={loading}>Save the register</Button>
    </form>
  );
}

type CorrectionField = 'outcome' | 'reason';
const MAX_REASON = 1000;

/** A mark already saved, changed with a reason (kept in the audit log); the money follows by reversing entries. */
function CorrectionForm({ line, onSaved, onCancel }: { line: Line; onSaved: (message: string) => void; onCancel: () => void }) {
  const [outcome, setOutcome] = useState<AttendanceOutcome | ''>('');
  const [reason, setReason] = useState('');
  const { errors, byField, send } = useFormSubmit<CorrectionField>(['outcome', 'reason']);
  const [correct, { loading }] = useMutation(CorrectAttendanceMutation);
  const ids = { outcome: `correct-${line.bookingId}-${OUTCOMES.find((o) => o !== line.outcome)}`, reason: `correct-${line.bookingId}-reason` };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const own: Array<FieldError<CorrectionField>> = [];
    if (!outcome) own.push({ field: 'outcome', message: 'Select what happened' });
    if (!reason.trim()) own.push({ field: 'reason', message: 'Enter the reason for the correction' });
    else if (tooLong(reason, MAX_REASON)) own.push({ field: 'reason', message: tooLongMessage('Reason', MAX_REASON) });
    await send({
      own,
      request: own.length || !outcome ? null
        : async () => (await correct({ variables: { input: { bookingId: line.bookingId, outcome, reason: reason.trim() } } })).data?.correctAttendance,
      succeeded: (payload) => !!payload.register,
      done: () => onSaved(`${line.personName} is now marked ${OUTCOME_TEXT[outcome as AttendanceOutcome].toLowerCase()}`),
    });
  };

  return (
    <form noValidate onSubmit={submit} className="nhsuk-u-margin-top-3">
      <FormErrorSummary errors={errors} inputIds={ids} />
      <Fieldset>
        <Fieldset.Legend size="s">Correct the mark for {line.personName}</Fieldset.Legend>
        <Radios name={`correct-${line.bookingId}`} legend="What happened?" legendProps={{ size: 's' }} error={byField.outcome}>
          {OUTCOMES.filter((o) => o !== line.outcome).map((o) => (
            <Radios.Item key={o} id={`correct-${line.bookingId}-${o}`} value={o} checked={outcome === o} onChange={() => setOutcome(o)}>{OUTCOME_TEXT[o]}</Radios.Item>
          ))}
        </Radios>
        <Textarea id={ids.reason} name="reason" label="Reason for the correction" rows={3} value={reason}
          onChange={(event) => setReason(event.currentTarget.value)} error={byField.reason} />
      </Fieldset>
      <div className="nhsuk-button-group">
        <Button type="submit" disabled={loading}>Save the correction</Button>
        <Button type="button" secondary onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function Register({ viewer, id }: { viewer: SignedInViewer; id: string }) {
  const { data, loading, error, refetch } = useQuery(RegisterQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [saved, setSaved] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const session = data?.session;
  const register = data?.sessionRegister;
  useDocumentTitle([session ? `${session.course.title}: register` : 'Register', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...PROVIDER_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading the register…</p>;
  if (!session || !register) return <><h1>Register not found</h1><p>There is no such session, or it is not one of yours.</p></>;
  const unmarked = register.lines.filter((l) => l.outcome === null);
  const marked = register.lines.filter((l) => l.outcome !== null);
  const afterSave = async (message: string) => {
    setSaved(message);
    setCorrecting(null);
    await refetch();
    window.scrollTo(0, 0);
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={paths.providerSession(session.id)}>The session</BackLink>
      {saved ? <InsetText role="status"><p>{saved}</p></InsetText> : null}
      <span className="nhsuk-caption-l">{formatUkTimeRange(session.startsAt, session.endsAt)}</span>
      <h1>{session.course.title}: register</h1>
      {!register.open ? <p>The register opens when the session starts.</p> : null}
      {!register.lines.length ? <p>Nobody holds a place on this session.</p> : null}
      {register.open && unmarked.length ? <MarkForm key={unmarked.map((l) => l.bookingId).join()} sessionId={session.id} lines={unmarked} onSaved={(m) => void afterSave(m)} /> : null}
      {marked.length ? (
        <>
          <h2>Marked</h2>
          <Table responsive caption="Marked" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Person</Table.Cell>
                <Table.Cell>Mark</Table.Cell>
                <Table.Cell>Change</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {marked.map((line) => (
                <Table.Row key={line.bookingId} data-booking-id={line.bookingId}>
                  <Table.Cell>{line.personName}<br /><span className="nhsuk-body-s">{line.organisationName ?? 'Independent volunteer'}</span></Table.Cell>
                  <Table.Cell><Tag modifier={OUTCOME_TAG[line.outcome!]}>{OUTCOME_TEXT[line.outcome!]}</Tag></Table.Cell>
                  <Table.Cell>
                    {correcting === line.bookingId
                      ? <CorrectionForm line={line} onSaved={(m) => void afterSave(m)} onCancel={() => setCorrecting(null)} />
                      : <Button type="button" secondary small onClick={() => setCorrecting(line.bookingId)}>
                        Correct<span className="nhsuk-u-visually-hidden"> the mark for {line.personName}</span></Button>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      ) : null}
    </>
  );
}

/** The register of a session: the course's provider coordinators and administrators. */
export function RegisterPage() {
  const { id = '' } = useParams();
  return <RequireProvider>{(viewer) => <Register viewer={viewer} id={id} />}</RequireProvider>;
}
