import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Button, Table, Textarea, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { FormErrorSummary } from '../ui/form-error-summary';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { useFormSubmit } from '../ui/use-form-submit';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { bookingStatusText, newIdempotencyKey } from './booking-text';
import { BookablePeopleQuery, BookSessionMutation } from './bookings.operations';
import { paths } from '../paths';

interface Person { id: string; name: string }

/** Who the lead is about to book; `secondPlace` once the server has said they hold a place on another date. */
interface Pending { person: Person; secondPlace: string | null }

interface BookedPerson {
  id: string;
  name: string;
  text: string;
}

/** The organisation a lead books for: their own if they lead it, else the first they lead. */
function ledOrganisationId(viewer: SignedInViewer): string | null {
  const led = viewer.roles.filter((grant) => grant.role === 'LD_LEAD' && grant.organisation).map((grant) => grant.organisation!.id);
  if (viewer.organisation && led.includes(viewer.organisation.id)) return viewer.organisation.id;
  return led[0] ?? null;
}

/**
 * For an L&D lead: find someone of their organisation by name or email and book them a place.
 * Each booking is its own action with its own idempotency key.
 */
export function LeadBookingForm({ session, viewer, seatFromAllocation }: {
  session: { id: string; title: string; startsAt: string; endsAt: string; cost: string };
  viewer: SignedInViewer;
  /** Whether a place would come from the organisation's own allocation rather than the shared pool. */
  seatFromAllocation: boolean;
}) {
  const organisationId = ledOrganisationId(viewer);
  const [text, setText] = useState('');
  const [search, { data, loading: searching, called }] = useLazyQuery(BookablePeopleQuery, { fetchPolicy: 'network-only' });
  const [book, { loading: booking }] = useMutation(BookSessionMutation, {
    refetchQueries: ['SessionBookingState', 'SessionDetails'],
  });
  const [booked, setBooked] = useState<BookedPerson[]>([]);
  const { errors, setErrors, send } = useFormSubmit<'personId' | 'secondPlaceReason'>(['personId', 'secondPlaceReason']);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // The question appears above the list: take the lead (and a screen reader) to it.
  useEffect(() => { if (pending && !pending.secondPlace) confirmHeading.current?.focus(); }, [pending]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors(text.trim() ? [] : [{ field: 'personId', message: 'Enter a name or email address to search for' }]);
    if (!text.trim()) return;
    void search({ variables: { organisationId, search: text.trim() } }).catch(() => {
      setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    });
  };

  const bookPerson = async (person: Person, secondPlaceReason?: string) => {
    if (booking) return;
    await send({
      request: async () => (await book({
        variables: { input: { sessionId: session.id, personId: person.id, idempotencyKey: newIdempotencyKey(), secondPlaceReason } },
      })).data?.bookSession,
      succeeded: (payload) => !!payload.booking && !payload.userErrors.length,
      done: ({ booking: place }) => {
        setPending(null);
        setReason('');
        const { status, waitlistPosition } = place!;
        setBooked((list) => [...list.filter((b) => b.id !== person.id),
          { id: person.id, name: person.name, text: bookingStatusText(status, waitlistPosition) }]);
      },
      toErrors: (userErrors) => {
        const onCourse = (userErrors as ReadonlyArray<{ code?: string; message: string }>).find((e) => e.code === 'ALREADY_ON_COURSE');
        if (onCourse) {
          // A second concurrent place: refused unless the lead gives a reason.
          setPending({ person, secondPlace: onCourse.message });
          return [{ field: 'secondPlaceReason', message: secondPlaceReason ? onCourse.message : `Give a reason to book ${person.name} a second place` }];
        }
        setPending(null);
        // The server names the person already booked; other refusals say whose booking they are about.
        return (userErrors as ReadonlyArray<{ code?: string; message: string }>)
          .map((e) => ({ field: 'personId' as const, message: e.code === 'ALREADY_BOOKED' ? e.message : `${person.name}: ${e.message}` }));
      },
    });
  };

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) return;
    if (pending.secondPlace && !reason.trim()) {
      setErrors([{ field: 'secondPlaceReason', message: `Give a reason to book ${pending.person.name} a second place` }]);
      return;
    }
    void bookPerson(pending.person, pending.secondPlace ? reason.trim() : undefined);
  };

  const people = data?.people.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="lead-booking-heading" className="nhsuk-u-margin-top-6">
      <h2 id="lead-booking-heading">Book someone from your organisation</h2>
      <FormErrorSummary errors={errors} inputIds={{ personId: 'lead-person-search', secondPlaceReason: 'lead-second-place-reason' }} />
      <p><Link to={paths.organisationBookings({ session: session.id })}>Your organisation's bookings on this session</Link></p>
      {booked.length ? (
        <div role="status" data-testid="lead-booked">
          <h3>Booked on this session</h3>
          <ul>
            {booked.map((person) => <li key={person.id}>{person.name}: {person.text}</li>)}
          </ul>
        </div>
      ) : null}
      {pending ? (
        <form noValidate onSubmit={confirm} aria-labelledby="lead-confirm-heading" data-testid="lead-confirm"
          className="nhsuk-card nhsuk-u-padding-4 nhsuk-u-margin-bottom-4">
          <h3 id="lead-confirm-heading" ref={confirmHeading} tabIndex={-1}>Book {pending.person.name}?</h3>
          <p>
            {session.title}, {formatUkTimeRange(session.startsAt, session.endsAt)}.
            <br />
            {session.cost === 'Free' ? 'The place is free.' : <>A place costs <strong>{session.cost}</strong>, committed from your organisation's funding once it is confirmed{seatFromAllocation ? '' : ' (nothing while on the waiting list)'}.</>}
            {' '}{seatFromAllocation ? "The seat comes from your organisation's allocation." : 'The seat comes from the shared pool.'}
          </p>
          {pending.secondPlace ? (
            <Textarea id="lead-second-place-reason" name="secondPlaceReason" rows={2}
              label={`Reason for a second place for ${pending.person.name}`} labelProps={{ size: 's' }}
              hint={pending.secondPlace} value={reason}
              error={errors.find((e) => e.field === 'secondPlaceReason')?.message}
              onChange={(event) => setReason(event.currentTarget.value)} />
          ) : null}
          <div className="nhsuk-button-group">
            <Button type="submit" disabled={booking}>
              {pending.secondPlace ? 'Book a second place' : 'Confirm booking'}<span className="nhsuk-u-visually-hidden"> for {pending.person.name}</span>
            </Button>
            <Button type="button" secondary disabled={booking} onClick={() => { setPending(null); setErrors([]); setReason(''); }}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <form noValidate onSubmit={submit} aria-label="Find someone to book">
        <TextInput id="lead-person-search" name="person" label="Name or email address" type="search" autoComplete="off"
          spellCheck={false} value={text} error={errors.find((e) => e.field === 'personId' && !booked.length && !people.length)?.message}
          onChange={(event) => setText(event.currentTarget.value)} />
        <Button type="submit" secondary>Find people</Button>
      </form>
      <div role="status" aria-live="polite">
        {searching ? <p>Searching…</p> : null}
        {called && !searching && data ? <p>{people.length ? `${data.people.totalCount} found` : 'Nobody found'}</p> : null}
      </div>
      {people.length ? (
        <Table caption="People found" captionProps={{ className: "nhsuk-u-visually-hidden" }}>
          
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Email</Table.Cell>
              <Table.Cell><span className="nhsuk-u-visually-hidden">Action</span></Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {people.map((person) => (
              <Table.Row key={person.id}>
                <Table.Cell>{person.name}{person.jobTitle ? <><br /><span className="nhsuk-body-s">{person.jobTitle}</span></> : null}</Table.Cell>
                <Table.Cell>{person.email}</Table.Cell>
                <Table.Cell>
                  <Button type="button" small secondary disabled={booking}
                    onClick={() => { setErrors([]); setReason(''); setPending({ person, secondPlace: null }); }}>
                    Book<span className="nhsuk-u-visually-hidden"> {person.name}</span>
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </section>
  );
}
