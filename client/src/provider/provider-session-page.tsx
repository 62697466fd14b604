import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { BackLink, Button, InsetText, SummaryList, Table } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { BookingStatusTag } from '../bookings/booking-status-tag';
import { placeText } from '../find-training/session-text';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { formatUkDateTime, formatUkTimeRange } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { ProviderSessionQuery } from './provider.operations';
import { placesText, SESSION_STATUS_TEXT, type SessionSavedState } from './provider-text';
import { PROVIDER_AUDIENCE, RequireProvider } from './require-provider';
import { paths } from '../paths';
import { PROVIDER_PATHS } from '../route-patterns';

function ProviderSession({ viewer, id }: { viewer: SignedInViewer; id: string }) {
  const { data, loading, error } = useQuery(ProviderSessionQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const state = (useLocation().state ?? {}) as Partial<SessionSavedState>;
  const session = data?.session;
  useDocumentTitle([session ? `${session.course.title}: who is booked` : 'Session', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...PROVIDER_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading the session…</p>;
  if (!session) return <><h1>Session not found</h1><p>There is no such session, or it is not one of yours.</p></>;
  const holding = session.bookings.filter((b) => b.status === 'CONFIRMED' || b.status === 'REQUESTED').length;
  const heading = `${session.course.title}`;
  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={PROVIDER_PATHS.courses}>Your courses and sessions</BackLink>
      {state.sessionSaved ? <InsetText role="status"><p>{state.sessionSaved.message}</p></InsetText> : null}
      <span className="nhsuk-caption-l">{formatUkTimeRange(session.startsAt, session.endsAt)}</span>
      <h1>{heading}</h1>
      <SummaryList>
        <SummaryList.Row><SummaryList.Key>Where</SummaryList.Key><SummaryList.Value>{placeText(session)}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Status</SummaryList.Key><SummaryList.Value>{SESSION_STATUS_TEXT[session.status]}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Places</SummaryList.Key><SummaryList.Value>{placesText(session)}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Seats held</SummaryList.Key>
          <SummaryList.Value>
            {session.allocations.length ? (
              <ul className="nhsuk-list">
                {session.allocations.map((a) => <li key={a.organisation.id}>{a.organisation.name}: {a.seatsTaken} of {a.seats} taken</li>)}
                <li>Shared pool: {session.poolSeats}</li>
              </ul>
            ) : `None: all ${session.capacity} are in the shared pool`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Booking closes</SummaryList.Key><SummaryList.Value>{formatUkDateTime(session.bookingClosesAt)}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Unused seats released</SummaryList.Key><SummaryList.Value>{formatUkDateTime(session.releaseAt)}</SummaryList.Value></SummaryList.Row>
      </SummaryList>
      {session.status === 'SCHEDULED' && new Date(session.startsAt).getTime() > Date.now() ? (
        <Button secondary asElement={Link} to={paths.changeSession(session.id)}>Change time, place or numbers</Button>
      ) : null}
      {session.status !== 'CANCELLED' && new Date(session.startsAt).getTime() <= Date.now() ? (
        <Button asElement={Link} to={paths.providerRegister(session.id)}>{session.status === 'COMPLETED' ? 'See or correct the register' : 'Take the register'}</Button>
      ) : null}
      <h2>Who is booked</h2>
      <p>{holding === 1 ? '1 person holds a place' : `${holding} people hold a place`}{session.bookings.length > holding ? `, ${session.bookings.length - holding} others are waiting or have left` : ''}.</p>
      {session.bookings.length ? (
        <Table responsive caption="Who is booked" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Organisation</Table.Cell>
              <Table.Cell>Status</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {session.bookings.map((booking) => (
              <Table.Row key={booking.id} data-booking-id={booking.id}>
                <Table.Cell>{booking.person.name}<br /><span className="nhsuk-body-s">{booking.person.email}</span></Table.Cell>
                <Table.Cell>{booking.person.organisation?.name ?? 'Independent volunteer'}</Table.Cell>
                <Table.Cell><BookingStatusTag status={booking.status} waitlistPosition={booking.waitlistPosition} /></Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : <p>Nobody has booked yet.</p>}
    </>
  );
}

/** A provider's session: its numbers and everyone booked on it with their statuses. */
export function ProviderSessionPage() {
  const { id = '' } = useParams();
  return <RequireProvider>{(viewer) => <ProviderSession viewer={viewer} id={id} />}</RequireProvider>;
}
