import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, SummaryList, Textarea, WarningCallout } from 'nhsuk-react-components';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import type { BookingRequestsQuery as BookingRequestsResult } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { formatUkDate, formatUkDateTime, formatUkTimeRange } from '../ui/uk-date-time';
import { bookingStatusText } from './booking-text';
import { useDocumentTitle } from '../ui/use-document-title';
import { BookingRequestsQuery, DecideBookingMutation } from './bookings.operations';

type Request = BookingRequestsResult['bookingRequests'][number];
type Step = Request['approvalSteps'][number];

/** "Line manager (Sam Patel): you, now" … "L&D lead: after you"; the queue only holds requests at this viewer's step. */
function stepText(step: Step, index: number, steps: readonly Step[]): string {
  const who = step.approver === 'LINE_MANAGER' ? `Line manager${step.person ? ` (${step.person.name})` : ''}` : 'An L&D lead';
  const current = steps.findIndex((s) => !s.given);
  const state = step.given ? 'approved' : index === current ? 'you, now' : 'after you';
  return `${who}: ${state}`;
}

const DECIDERS = { needs: 'a line manager or an L&D lead', who: 'Line managers and learning and development leads' };

function RequestItem({ request, onDecided }: { request: Request; onDecided: (text: string) => void }) {
  const [note, setNote] = useState('');
  const { errors, byField, send: sendDecision } = useFormSubmit<'note'>(['note']);
  const [decide, { loading }] = useMutation(DecideBookingMutation, { refetchQueries: ['BookingRequests'] });
  const noteId = `note-${request.id}`;
  const who = request.person.name;
  const what = request.session.course.title;

  const send = async (approve: boolean) => {
    if (loading) return;
    await sendDecision({
      request: async () => (await decide({ variables: { input: { bookingId: request.id, approve, note: note.trim() || null } } })).data?.decideBooking,
      succeeded: (payload) => !!payload.booking && !payload.userErrors.length,
      done: () => onDecided(approve ? `You approved ${who}'s place on ${what}.` : `You declined ${who}'s request for ${what}.`),
    });
  };

  return (
    <li className="nhsuk-u-padding-bottom-4 nhsuk-u-margin-bottom-5" style={{ borderBottom: '1px solid #d8dde0' }}
      data-request-id={request.id}>
      <FormErrorSummary errors={errors} inputIds={{ note: noteId }} />
      <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-2" id={`request-${request.id}`}>{who}</h2>
      <p className="nhsuk-u-margin-bottom-2">{request.person.email}</p>
      <SummaryList className="nhsuk-u-margin-bottom-3">
        <SummaryList.Row>
          <SummaryList.Key>Course</SummaryList.Key>
          <SummaryList.Value><strong>{what}</strong></SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Date</SummaryList.Key>
          <SummaryList.Value>{formatUkTimeRange(request.session.startsAt, request.session.endsAt)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Cost</SummaryList.Key>
          <SummaryList.Value data-testid="request-cost">{request.cost.formatted}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Who approves</SummaryList.Key>
          <SummaryList.Value data-testid="request-approvers">
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {request.approvalSteps.map((step, i, all) => <li key={step.approver}>{stepText(step, i, all)}</li>)}
            </ul>
          </SummaryList.Value>
        </SummaryList.Row>
        {request.requestLapsesAt ? (
          <SummaryList.Row>
            <SummaryList.Key>Decide by</SummaryList.Key>
            <SummaryList.Value data-testid="request-lapses">
              {formatUkDateTime(request.requestLapsesAt)}: then the request lapses and the seat goes back
            </SummaryList.Value>
          </SummaryList.Row>
        ) : null}
      </SummaryList>
      {request.otherPlacesOnCourse.length ? (
        <WarningCallout data-testid="request-clash">
          <WarningCallout.Heading headingLevel="h3">Already on this course</WarningCallout.Heading>
          <ul className="nhsuk-list">
            {request.otherPlacesOnCourse.map((place) => (
              <li key={place.bookingId}>
                {who} also holds a place on {formatUkDate(place.startsAt)} ({bookingStatusText(place.status).toLowerCase()}).
              </li>
            ))}
          </ul>
          <p>Approving gives them a second place on the same course.</p>
        </WarningCallout>
      ) : null}
      <Textarea id={noteId} name="note" label={`Note to ${who} (optional)`} labelProps={{ size: 's' }} rows={2}
        value={note} error={byField.note} onChange={(event) => setNote(event.currentTarget.value)} />
      <div className="nhsuk-button-group">
        <Button type="button" disabled={loading} onClick={() => void send(true)}>
          Approve<span className="nhsuk-u-visually-hidden"> {who}</span>
        </Button>
        <Button type="button" secondary disabled={loading} onClick={() => void send(false)}>
          Decline<span className="nhsuk-u-visually-hidden"> {who}</span>
        </Button>
      </div>
    </li>
  );
}

function BookingRequests({ viewer }: { viewer: SignedInViewer }) {
  const { data, loading, error } = useQuery(BookingRequestsQuery, { fetchPolicy: 'cache-and-network' });
  const [decided, setDecided] = useState<string[]>([]);
  useDocumentTitle(['Requests to decide', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...DECIDERS} />;
  const requests = data?.bookingRequests ?? [];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Requests to decide</h1>
        <div role="status" aria-live="polite">
          {decided.length ? (
            <div className="nhsuk-inset-text" data-testid="decided">
              <ul className="nhsuk-list">{decided.map((text) => <li key={text}>{text}</li>)}</ul>
            </div>
          ) : null}
        </div>
        {loading && !data ? <p role="status">Loading requests…</p> : null}
        {error && !data ? <p>Sorry, there is a problem with the service. Try again later.</p> : null}
        {data && !requests.length ? <p>There are no requests waiting for your decision.</p> : null}
        {requests.length ? (
          <>
            <p>Places people have asked for, oldest first. Approving confirms the place (or asks the next approver, if the organisation needs one).</p>
            <ul className="nhsuk-list" aria-label="Requests">
              {requests.map((request) => (
                <RequestItem key={request.id} request={request} onDecided={(text) => setDecided((list) => [...list, text])} />
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Line managers and L&D leads: places waiting for their decision. */
export function BookingRequestsPage() {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...DECIDERS} />;
  if (!viewer.roles.some((grant) => grant.role === 'LINE_MANAGER' || grant.role === 'LD_LEAD')) {
    return <AccessProblemPage problem="FORBIDDEN" {...DECIDERS} />;
  }
  return <BookingRequests viewer={viewer} />;
}
