import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Button, Table, TextInput } from 'nhsuk-react-components';
import type { SignedInViewer } from '../account/use-viewer';
import { FormErrorSummary } from '../ui/form-error-summary';
import { SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { bookingStatusText, newIdempotencyKey } from './booking-text';
import { BookablePeopleQuery, BookSessionMutation } from './bookings.operations';

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
export function LeadBookingForm({ session, viewer }: { session: { id: string; title: string }; viewer: SignedInViewer }) {
  const organisationId = ledOrganisationId(viewer);
  const [text, setText] = useState('');
  const [search, { data, loading: searching, called }] = useLazyQuery(BookablePeopleQuery, { fetchPolicy: 'network-only' });
  const [book, { loading: booking }] = useMutation(BookSessionMutation, {
    refetchQueries: ['SessionBookingState', 'SessionDetails'],
  });
  const [booked, setBooked] = useState<BookedPerson[]>([]);
  const [errors, setErrors] = useState<Array<FieldError<'personId'>>>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors(text.trim() ? [] : [{ field: 'personId', message: 'Enter a name or email address to search for' }]);
    if (!text.trim()) return;
    void search({ variables: { organisationId, search: text.trim() } }).catch(() => {
      setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    });
  };

  const bookPerson = async (person: { id: string; name: string }) => {
    if (booking) return;
    setErrors([]);
    try {
      const { data: result } = await book({
        variables: { input: { sessionId: session.id, personId: person.id, idempotencyKey: newIdempotencyKey() } },
      });
      const payload = result?.bookSession;
      if (!payload?.booking || payload.userErrors.length) {
        setErrors(payload?.userErrors.length
          ? payload.userErrors.map((e) => ({ field: 'personId' as const, message: `${person.name}: ${e.message}` }))
          : [{ field: null, message: SERVICE_PROBLEM }]);
        return;
      }
      const { status, waitlistPosition } = payload.booking;
      setBooked((list) => [...list.filter((b) => b.id !== person.id),
        { id: person.id, name: person.name, text: bookingStatusText(status, waitlistPosition) }]);
    } catch {
      setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  const people = data?.people.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="lead-booking-heading" className="nhsuk-u-margin-top-6">
      <h2 id="lead-booking-heading">Book someone from your organisation</h2>
      <FormErrorSummary errors={errors} inputIds={{ personId: 'lead-person-search' }} />
      <p><Link to={`/organisation/bookings?${new URLSearchParams({ session: session.id }).toString()}`}>Your organisation's bookings on this session</Link></p>
      {booked.length ? (
        <div role="status" data-testid="lead-booked">
          <h3>Booked on this session</h3>
          <ul>
            {booked.map((person) => <li key={person.id}>{person.name}: {person.text}</li>)}
          </ul>
        </div>
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
                  <Button type="button" small secondary disabled={booking} onClick={() => void bookPerson(person)}>
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
