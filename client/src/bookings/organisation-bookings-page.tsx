import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Select, Table } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import type { BookingStatus } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { Pager } from '../ui/pager';
import { firstPageSearch, hrefWith, pageNumberOf, pageStateOf, showingText } from '../ui/paging';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { BookingStatusTag } from './booking-status-tag';
import { BOOKING_STATUS, isLiveBooking } from './booking-text';
import { OrganisationBookingsQuery } from './bookings.operations';
import { CancelBookingControl } from './cancel-booking';
import { paths } from '../paths';

const PAGE_SIZE = 20;
const STATUSES = Object.keys(BOOKING_STATUS) as BookingStatus[];

function ledOrganisation(viewer: SignedInViewer): { id: string; name: string } | null {
  const led = viewer.roles.filter((grant) => grant.role === 'LD_LEAD' && grant.organisation).map((grant) => grant.organisation!);
  return led.find((o) => o.id === viewer.organisation?.id) ?? led[0] ?? null;
}

function OrganisationBookings({ viewer }: { viewer: SignedInViewer }) {
  const organisation = ledOrganisation(viewer);
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(search);
  const paging = pageStateOf(params);
  const page = pageNumberOf(paging);
  const statusParam = params.get('status') ?? '';
  const status = STATUSES.includes(statusParam as BookingStatus) ? (statusParam as BookingStatus) : null;
  const sessionId = params.get('session') || null;
  const [chosen, setChosen] = useState(status ?? '');
  // Upcoming sessions only (from the start of today): past ones are registers, not bookings to manage.
  const [from] = useState(() => { const d = new Date(); d.setHours(0, 0, 0, 0); return d.toISOString(); });
  const { data, loading, error } = useQuery(OrganisationBookingsQuery, {
    variables: { organisationId: organisation?.id ?? '', filter: { from, ...(status ? { status: [status] } : {}), ...(sessionId ? { sessionId } : {}) }, first: PAGE_SIZE,
      ...(paging.after ? { after: paging.after } : {}) },
    skip: !organisation, fetchPolicy: 'cache-and-network',
  });
  const title = "My organisation's bookings";
  useDocumentTitle([title, viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.LD_LEAD} />;
  const bookings = data?.organisationBookings.edges.map((edge) => edge.node) ?? [];
  const slug = viewer.partnership.slug;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void navigate(hrefWith(pathname, firstPageSearch({ status: chosen, session: sessionId ?? '' })));
  };

  return (
    <>
      <h1>{title}</h1>
      <p>Bookings, requests and waiting places for {organisation?.name ?? 'your organisation'} on upcoming sessions, soonest first.</p>
      {sessionId ? <p>Showing one session only. <Link to={pathname}>Show every session</Link></p> : null}
      <form noValidate onSubmit={submit} aria-label="Filter bookings">
        <Select id="booking-status" name="status" label="Status" labelProps={{ size: 's' }} value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}>
          <Select.Option value="">Any status</Select.Option>
          {STATUSES.map((s) => <Select.Option key={s} value={s}>{BOOKING_STATUS[s].text}</Select.Option>)}
        </Select>
        <Button type="submit" secondary>Show bookings</Button>
      </form>
      <div role="status" aria-live="polite">
        {loading && !data ? <p>Loading bookings…</p> : null}
        {data ? (
          <p>
            {data.organisationBookings.totalCount === 1 ? '1 booking' : `${data.organisationBookings.totalCount} bookings`}
            {data.organisationBookings.totalCount > PAGE_SIZE
              ? `. ${showingText(page, PAGE_SIZE, bookings.length, data.organisationBookings.totalCount)}` : ''}
          </p>
        ) : null}
      </div>
      {error && !data ? <p>Sorry, there is a problem with the service. Try again later.</p> : null}
      {bookings.length ? (
        <Table responsive caption={title} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Session</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>Action</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {bookings.map((booking) => (
              <Table.Row key={booking.id} data-booking-id={booking.id}>
                <Table.Cell>{booking.person.name}<br /><span className="nhsuk-body-s">{booking.person.email}</span></Table.Cell>
                <Table.Cell>
                  <Link to={paths.session(slug, booking.session.id)}>
                    {booking.session.course.title}
                  </Link>
                  <br />
                  <span className="nhsuk-body-s">{formatUkTimeRange(booking.session.startsAt, booking.session.endsAt)}</span>
                </Table.Cell>
                <Table.Cell><BookingStatusTag status={booking.status} waitlistPosition={booking.waitlistPosition} /></Table.Cell>
                <Table.Cell>
                  {isLiveBooking(booking.status) ? (
                    <CancelBookingControl bookingId={booking.id} buttonText="Cancel"
                      what={`${booking.person.name}'s place on ${booking.session.course.title}`}
                      refetchQueries={['OrganisationBookings']} />
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      {data ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={data.organisationBookings.totalCount}
          endCursor={data.organisationBookings.pageInfo.endCursor} hasNextPage={data.organisationBookings.pageInfo.hasNextPage} />
      ) : null}
    </>
  );
}

/** L&D leads: their organisation's bookings, with cancel on a person's behalf. */
export function OrganisationBookingsPage() {
  return <RequireRole role="LD_LEAD">{(viewer) => <OrganisationBookings viewer={viewer} />}</RequireRole>;
}
