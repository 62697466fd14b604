import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Fieldset, Radios, Select, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { DELIVERY_MODE_TEXT } from '../find-training/session-text';
import type { DeliveryMode, ProviderSessionFieldsFragment } from '../gql/graphql';
import { accessProblemOf, type AccessProblem } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { fieldErrorsFrom, messagesByField, SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { useDocumentTitle } from '../ui/use-document-title';
import {
  ProviderCourseQuery, ProviderSessionQuery, RescheduleSessionMutation, ScheduleSessionMutation, SchedulingChoicesQuery,
} from './provider.operations';
import type { SessionSavedState } from './provider-text';
import {
  emptySessionForm, rescheduleInputFrom, scheduleInputFrom, sessionFields, sessionFormFrom, sessionInputId, type SessionField, type SessionForm,
} from './session-form';
import { PROVIDER_AUDIENCE, RequireProvider } from './require-provider';
import type { VenueReturnState } from './venue-form-page';
import { paths } from '../paths';
import { PROVIDER_PATHS } from '../route-patterns';

const MODES = Object.keys(DELIVERY_MODE_TEXT) as DeliveryMode[];

function SessionFormView({ viewer, courseId, courseTitle, session }: {
  viewer: SignedInViewer; courseId: string; courseTitle: string; session: ProviderSessionFieldsFragment | null;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const [form, setForm] = useState<SessionForm>(() => (session ? sessionFormFrom(session) : emptySessionForm()));
  const [errors, setErrors] = useState<Array<FieldError<SessionField>>>([]);
  const [refused, setRefused] = useState<AccessProblem | null>(null);
  // From the network too: a venue added a moment ago on its own page must be in the list.
  const { data: choices } = useQuery(SchedulingChoicesQuery, { variables: { partnershipSlug: viewer.partnership.slug }, fetchPolicy: 'cache-and-network' });
  const organisations = [...(choices?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const [scheduleSession, scheduling] = useMutation(ScheduleSessionMutation, { refetchQueries: ['ProvidedCourses'] });
  const [rescheduleSession, rescheduling] = useMutation(RescheduleSessionMutation, { refetchQueries: ['ProvidedCourses', 'ProviderSession'] });
  const title = session ? `Change the session of ${courseTitle}` : `Schedule a session of ${courseTitle}`;
  useDocumentTitle([title, viewer.partnership.name], errors.length > 0);
  const fields = sessionFields(form.allocations.length);
  const inputIds = Object.fromEntries(fields.map((f) => [f, sessionInputId(f)])) as Record<SessionField, string>;
  const byField = messagesByField(errors);

  if (refused) return <AccessProblemPage problem={refused} {...PROVIDER_AUDIENCE} />;
  const set = <K extends keyof SessionForm>(key: K, value: SessionForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: Exclude<keyof SessionForm, 'allocations' | 'deliveryMode'>) => ({
    value: form[key], onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });
  const setRow = (index: number, change: Partial<SessionForm['allocations'][number]>) =>
    set('allocations', form.allocations.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (scheduling.loading || rescheduling.loading) return;
    try {
      if (session) {
        const { input, errors: own } = rescheduleInputFrom(session.id, form);
        setErrors(own);
        if (!input) return;
        const result = (await rescheduleSession({ variables: { input } })).data?.rescheduleSession;
        if (result?.session) {
          const state: SessionSavedState = { sessionSaved: { message: 'Session changed. Everyone booked has been told of any new time or place.' } };
          await navigate(paths.providerSession(result.session.id), { state });
          return;
        }
        setErrors(result?.userErrors.length ? fieldErrorsFrom(result.userErrors, fields) : [{ field: null, message: SERVICE_PROBLEM }]);
      } else {
        const { input, errors: own } = scheduleInputFrom(courseId, form);
        setErrors(own);
        if (!input) return;
        const result = (await scheduleSession({ variables: { input } })).data?.scheduleSession;
        if (result?.session) {
          const state: SessionSavedState = { sessionSaved: { message: 'Session scheduled. It is in the catalogue now.' } };
          await navigate(paths.providerSession(result.session.id), { state });
          return;
        }
        setErrors(result?.userErrors.length ? fieldErrorsFrom(result.userErrors, fields) : [{ field: null, message: SERVICE_PROBLEM }]);
      }
    } catch (error) {
      const problem = accessProblemOf(error);
      if (problem) setRefused(problem);
      else setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={session ? paths.providerSession(session.id) : PROVIDER_PATHS.courses}>
        {session ? 'The session' : 'Your courses and sessions'}
      </BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={inputIds} />
          <h1>{title}</h1>
          {session ? <p>A new time or place is sent to everyone booked, with an updated calendar invite.</p> : null}
          <p>Holding it somewhere new? <Link to={PROVIDER_PATHS.newVenue} state={{ returnTo: location.pathname } satisfies VenueReturnState}>Add the venue</Link> first.</p>
          <form noValidate onSubmit={submit}>
            <Fieldset>
              <Fieldset.Legend size="s">When</Fieldset.Legend>
              <TextInput id={inputIds.startsAt} type="date" label="Date" width={10} {...text('date')} error={byField.startsAt} />
              <TextInput id="session-start-time" type="time" label="Start time" hint="UK time, for example 09:30" width={5} {...text('startTime')} />
              <TextInput id={inputIds.endsAt} type="time" label="End time" width={5} {...text('endTime')} error={byField.endsAt} />
              <TextInput id="session-end-date" type="date" label="End date (if it ends on a later day)" width={10} {...text('endDate')} />
            </Fieldset>
            <Radios name="deliveryMode" legend="How it is delivered" legendProps={{ size: 's' }} error={byField.deliveryMode}>
              {MODES.map((mode) => (
                <Radios.Item key={mode} id={`session-mode-${mode}`} value={mode} checked={form.deliveryMode === mode} onChange={() => set('deliveryMode', mode)}>
                  {DELIVERY_MODE_TEXT[mode]}
                </Radios.Item>
              ))}
            </Radios>
            {form.deliveryMode && form.deliveryMode !== 'ONLINE' ? (
              <Select id={inputIds.venueId} label="Venue" value={form.venueId} error={byField.venueId} onChange={(e) => set('venueId', e.currentTarget.value)}>
                <Select.Option value="">Choose a venue</Select.Option>
                {(choices?.venues ?? []).map((v) => <Select.Option key={v.id} value={v.id}>{v.name}, {v.town}</Select.Option>)}
              </Select>
            ) : null}

            <TextInput id={inputIds.capacity} label="Places" hint="How many people it takes in all" width={4} inputMode="numeric" autoComplete="off"
              {...text('capacity')} error={byField.capacity} />
            <TextInput id={inputIds.minimumPlaces} label="Minimum numbers (optional)"
              hint="If fewer places are taken when booking closes, you and the L&D leads holding seats are told" width={4} inputMode="numeric"
              autoComplete="off" {...text('minimumPlaces')} error={byField.minimumPlaces} />
            <Fieldset>
              <Fieldset.Legend size="s">Booking closes (optional)</Fieldset.Legend>
              <p className="nhsuk-hint">Leave blank to close booking at the start</p>
              <TextInput id={inputIds.bookingClosesAt} type="date" label="Date" width={10} {...text('closesDate')} error={byField.bookingClosesAt} />
              <TextInput id="session-closes-time" type="time" label="Time" width={5} {...text('closesTime')} />
            </Fieldset>
            <TextInput id={inputIds.releaseAt} type="date" label="Release date (optional)" width={10}
              hint="When unused allocated seats go back to the shared pool. Leave blank for 14 days before the start" {...text('releaseDate')}
              error={byField.releaseAt} />
            {session ? null : (
              <Fieldset>
                <Fieldset.Legend size="s">Seats held for organisations (optional)</Fieldset.Legend>
                <p className="nhsuk-hint">Seats not held for an organisation are in the shared pool, for anyone to book</p>
                {byField.allocations ? <p className="nhsuk-error-message"><span className="nhsuk-u-visually-hidden">Error:</span> {byField.allocations}</p> : null}
                {form.allocations.map((row, index) => (
                  <div key={index} className="provider-allocation">
                    <Select id={inputIds[`allocations.${index}.organisationId`]} label={`Organisation ${index + 1}`} value={row.organisationId}
                      error={byField[`allocations.${index}.organisationId`]} onChange={(e) => setRow(index, { organisationId: e.currentTarget.value })}>
                      <Select.Option value="">Choose an organisation</Select.Option>
                      {organisations.map((o) => <Select.Option key={o.id} value={o.id}>{o.name}</Select.Option>)}
                    </Select>
                    <TextInput id={inputIds[`allocations.${index}.seats`]} label={`Seats for organisation ${index + 1}`} width={4} inputMode="numeric"
                      value={row.seats} error={byField[`allocations.${index}.seats`]} onChange={(e) => setRow(index, { seats: e.currentTarget.value })} />
                    <Button type="button" secondary small onClick={() => set('allocations', form.allocations.filter((_, i) => i !== index))}>
                      Remove<span className="nhsuk-u-visually-hidden"> organisation {index + 1}</span>
                    </Button>
                  </div>
                ))}
                <Button type="button" secondary onClick={() => set('allocations', [...form.allocations, { organisationId: '', seats: '' }])}>
                  Hold seats for an organisation
                </Button>
              </Fieldset>
            )}
            <Button type="submit">{session ? 'Save changes' : 'Schedule session'}</Button>
          </form>
        </div>
      </div>
    </>
  );
}

function NewSession({ viewer, courseId }: { viewer: SignedInViewer; courseId: string }) {
  const { data, loading, error } = useQuery(ProviderCourseQuery, { variables: { id: courseId } });
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...PROVIDER_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading the course…</p>;
  if (!data?.course) return <><h1>Course not found</h1><p>There is no such course, or it is not yours to schedule.</p></>;
  if (!data.course.canManage) return <AccessProblemPage problem="FORBIDDEN" {...PROVIDER_AUDIENCE} />;
  return <SessionFormView viewer={viewer} courseId={courseId} courseTitle={data.course.title} session={null} />;
}

function ChangeSession({ viewer, sessionId }: { viewer: SignedInViewer; sessionId: string }) {
  const { data, loading, error } = useQuery(ProviderSessionQuery, { variables: { id: sessionId } });
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...PROVIDER_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading the session…</p>;
  if (!data?.session) return <><h1>Session not found</h1><p>There is no such session, or it is not yours to change.</p></>;
  return <SessionFormView viewer={viewer} courseId={data.session.course.id} courseTitle={data.session.course.title} session={data.session} />;
}

/** Schedule a session of a course (with the course's id) or change one (with the session's). */
export function SessionFormPage({ mode }: { mode: 'schedule' | 'change' }) {
  const { id = '' } = useParams();
  return (
    <RequireProvider>
      {(viewer) => (mode === 'schedule' ? <NewSession viewer={viewer} courseId={id} /> : <ChangeSession viewer={viewer} sessionId={id} />)}
    </RequireProvider>
  );
}
