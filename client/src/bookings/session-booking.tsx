import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, InsetText, Panel } from 'nhsuk-react-components';
import { signInPath } from '../ui/safe-next';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import type { BookingStatus } from '../gql/graphql';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { allocationText, bookingOutcomeText, isLiveBooking, newIdempotencyKey } from './booking-text';
import { BookSessionMutation, SessionBookingStateQuery } from './bookings.operations';
import { CancelBookingControl } from './cancel-booking';
import { LeadBookingForm } from './lead-booking-form';
import { buildSessionIcs, icsFileName } from './session-ics';
import { paths } from '../paths';
import { AREA_PATHS } from '../route-patterns';

export interface BookableSession {
  id: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  status: string;
  bookingClosed: boolean;
  location: string;
  /** The cost of one place as the page states it: "£85.00" or "Free". */
  cost: string;
}

/** Queries whose answers change when a place is booked or given up. */
export const AFTER_BOOKING_CHANGE = ['SessionBookingState', 'SessionDetails', 'MyBookings'];

/** "Add to calendar": an .ics file made in the browser, offered as an ordinary download link. */
export function AddToCalendarLink({ session }: { session: BookableSession }) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const ics = buildSessionIcs({
      id: session.id, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt,
      location: session.location, description: session.summary, url: window.location.href.split(/[?#]/)[0],
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [session.id, session.title, session.startsAt, session.endsAt, session.location, session.summary]);
  if (!href) return null;
  return (
    <p>
      <a href={href} download={icsFileName(session.title)} data-testid="add-to-calendar">
        Add to calendar<span className="nhsuk-u-visually-hidden"> (downloads an .ics file)</span>
      </a>
    </p>
  );
}

function Outcome({ status, waitlistPosition }: { status: BookingStatus; waitlistPosition: number | null | undefined }) {
  const { title, body } = bookingOutcomeText(status, waitlistPosition);
  if (status === 'CONFIRMED') {
    return (
      <Panel data-testid="booking-outcome">
        <Panel.Title headingLevel="h2">{title}</Panel.Title>
        {body}
      </Panel>
    );
  }
  return (
    <InsetText data-testid="booking-outcome">
      <h2 className="nhsuk-heading-m">{title}</h2>
      <p>{body}</p>
    </InsetText>
  );
}

function SignedOutBooking({ slug, sessionId }: { slug: string; sessionId: string }) {
  const here = paths.session(slug, sessionId);
  return (
    <>
      <p>Sign in to book a place. Volunteers who do not have an account can register in a minute.</p>
      <ul className="nhsuk-list">
        <li><Link to={signInPath(here)}>Sign in to book</Link></li>
        <li><Link to={paths.register(slug, here)}>Register as a volunteer</Link></li>
      </ul>
    </>
  );
}

function SignedInBooking({ session, viewer }: { session: BookableSession; viewer: SignedInViewer }) {
  const { data, loading: stateLoading } = useQuery(SessionBookingStateQuery, {
    variables: { id: session.id }, fetchPolicy: 'cache-and-network',
  });
  const [book, { loading }] = useMutation(BookSessionMutation, { refetchQueries: AFTER_BOOKING_CHANGE });
  const { errors, send } = useFormSubmit<'sessionId'>(['sessionId']);
  const [cancelled, setCancelled] = useState(false);

  const mine = data?.session?.myBooking ?? null;
  const live = mine && isLiveBooking(mine.status) ? mine : null;
  const option = data?.session?.bookingOption ?? null;
  const allocation = data?.session?.myOrganisationAllocation ?? null;
  const isLead = viewer.roles.some((grant) => grant.role === 'LD_LEAD');
  const canBook = session.status === 'SCHEDULED' && !session.bookingClosed;

  const submit = async () => {
    if (loading) return;
    setCancelled(false);
    await send({
      request: async () => (await book({
        variables: { input: { sessionId: session.id, idempotencyKey: newIdempotencyKey() } },
      })).data?.bookSession,
      // Already booked: the list refetched above now shows that booking instead of an error.
      succeeded: ({ booking, userErrors }) => (!!booking && !userErrors.length)
        || (userErrors.length > 0 && userErrors.every((e) => e.code === 'ALREADY_BOOKED')),
      done: () => undefined,
    });
  };

  return (
    <>
      {isLead && allocation ? (
        <InsetText data-testid="organisation-allocation">
          <p>{allocationText(allocation)}</p>
        </InsetText>
      ) : null}

      {live ? (
        <>
          <Outcome status={live.status} waitlistPosition={live.waitlistPosition} />
          {live.status !== 'WAITLISTED' ? <AddToCalendarLink session={session} /> : null}
          <CancelBookingControl bookingId={live.id} what={`your place on ${session.title}`}
            refetchQueries={AFTER_BOOKING_CHANGE} onCancelled={() => setCancelled(true)} />
        </>
      ) : (
        <>
          {cancelled ? <Outcome status="CANCELLED" waitlistPosition={null} /> : null}
          <FormErrorSummary errors={errors} inputIds={{ sessionId: 'book-place' }} />
          {option?.canBook ? (
            <>
              {option.detail ? <p className="nhsuk-body-s" id="book-place-hint">{option.detail}</p> : null}
              <Button type="button" id="book-place" onClick={() => void submit()} disabled={loading}
                aria-describedby={option.detail ? 'book-place-hint' : undefined}>
                {option.label}
              </Button>
            </>
          ) : option ? (
            <InsetText data-testid="booking-option">
              <p className="nhsuk-body-l nhsuk-u-margin-bottom-1"><strong>{option.label}</strong></p>
              {option.detail ? <p>{option.detail}</p> : null}
              {option.action === 'BOOKED_ON_ANOTHER_DATE' ? <p><Link to={AREA_PATHS.myBookings}>See your bookings</Link></p> : null}
            </InsetText>
          ) : stateLoading ? <p role="status">Loading…</p> : null}
          {loading ? <p role="status">Booking…</p> : null}
        </>
      )}

      {isLead && canBook ? <LeadBookingForm session={session} viewer={viewer} seatFromAllocation={!!allocation && !allocation.released && allocation.seatsLeft > 0} /> : null}
    </>
  );
}

/** The "Book a place" part of a session page: what the viewer may do, and what they have done. */
export function SessionBooking({ slug, session }: { slug: string; session: BookableSession }) {
  const { viewer, loading } = useViewer();
  return (
    <section aria-labelledby="booking-heading">
      <h2 id="booking-heading">Book a place</h2>
      {loading ? <p role="status">Loading…</p> : null}
      {!loading && !viewer ? <SignedOutBooking slug={slug} sessionId={session.id} /> : null}
      {viewer ? <SignedInBooking session={session} viewer={viewer} /> : null}
    </section>
  );
}
