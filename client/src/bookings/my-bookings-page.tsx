import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import type { MyBookingsQuery as MyBookingsResult } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { Pager } from '../ui/pager';
import { pageNumberOf, pageStateOf } from '../ui/paging';
import { useDocumentTitle } from '../ui/use-document-title';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { BookingStatusTag } from './booking-status-tag';
import { isLiveBooking, splitByTime } from './booking-text';
import { MyBookingsQuery } from './bookings.operations';
import { CancelBookingControl } from './cancel-booking';
import { paths } from '../paths';

const PAGE_SIZE = 20;
type MyBooking = MyBookingsResult['myBookings']['edges'][number]['node'];

const SIGNED_IN = { needs: 'signed in', who: 'People who are signed in' };

function placeText(booking: MyBooking): string {
  const { venue, deliveryMode } = booking.session;
  if (!venue) return 'Online';
  return `${venue.name}, ${venue.town}${deliveryMode === 'BLENDED' ? ' (and online)' : ''}`;
}

function BookingList({ bookings, slug, label, cancellable }: {
  bookings: MyBooking[]; slug: string; label: string; cancellable: boolean;
}) {
  return (
    <ul className="nhsuk-list" aria-label={label}>
      {bookings.map((booking) => (
        <li key={booking.id} className="nhsuk-u-padding-bottom-4 nhsuk-u-margin-bottom-4 portal-booking" data-booking-id={booking.id}
          style={{ borderBottom: '1px solid #d8dde0' }}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
            <Link to={paths.session(slug, booking.session.id)}>
              {booking.session.course.title}
            </Link>
          </h3>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
            {formatUkTimeRange(booking.session.startsAt, booking.session.endsAt)}
            <br />
            {placeText(booking)}
          </p>
          <p className="nhsuk-u-margin-bottom-2">
            <BookingStatusTag status={booking.status} waitlistPosition={booking.waitlistPosition} />
          </p>
          {booking.awaitingFeedback ? (
            <p className="nhsuk-u-margin-bottom-2"><Link to={paths.feedback(booking.id)}>Give feedback<span className="nhsuk-u-visually-hidden"> on {booking.session.course.title}</span></Link></p>
          ) : null}
          {cancellable && isLiveBooking(booking.status) ? (
            <CancelBookingControl bookingId={booking.id} buttonText="Cancel"
              what={`your place on ${booking.session.course.title}`} refetchQueries={['MyBookings', 'SessionBookingState']} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function MyBookings({ viewer }: { viewer: SignedInViewer }) {
  const { search } = useLocation();
  const paging = pageStateOf(new URLSearchParams(search));
  const page = pageNumberOf(paging);
  const { data, loading, error } = useQuery(MyBookingsQuery, {
    // after is left out rather than sent as null: the API reads an explicit null as a bad cursor.
    variables: { first: PAGE_SIZE, ...(paging.after ? { after: paging.after } : {}) }, fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(['My bookings', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...SIGNED_IN} />;
  const bookings = data?.myBookings.edges.map((edge) => edge.node) ?? [];
  const { upcoming, past } = splitByTime(bookings);
  const slug = viewer.partnership.slug;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>My bookings</h1>
        {loading && !data ? <p role="status">Loading your bookings…</p> : null}
        {error && !data ? <p>Sorry, there is a problem with the service. Try again later.</p> : null}
        {data && !bookings.length ? (
          <p>You have no bookings yet. <Link to={paths.findTraining(slug)}>Find training</Link></p>
        ) : null}
        {data && bookings.length ? (
          <>
            <h2>Upcoming</h2>
            {upcoming.length ? <BookingList bookings={upcoming} slug={slug} label="Upcoming bookings" cancellable />
              : <p>No upcoming bookings.</p>}
            {past.length ? (
              <>
                <h2>Past</h2>
                <BookingList bookings={past} slug={slug} label="Past bookings" cancellable={false} />
              </>
            ) : null}
            <Pager page={page} pageSize={PAGE_SIZE} total={data.myBookings.totalCount}
              endCursor={data.myBookings.pageInfo.endCursor} hasNextPage={data.myBookings.pageInfo.hasNextPage} />
          </>
        ) : null}
        {data && viewer.organisation ? (
          <p>Need training that is not on offer? <Link to={paths.raiseTrainingNeed(slug)}>Raise a training need</Link> from
            your 1:1 or appraisal: it goes to your organisation&apos;s L&amp;D lead.</p>
        ) : null}
      </div>
    </div>
  );
}

/** Everyone signed in: their own bookings, upcoming first, with cancel for those still live. */
export function MyBookingsPage() {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...SIGNED_IN} />;
  return <MyBookings viewer={viewer} />;
}
