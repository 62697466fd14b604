import { Link } from 'react-router';
import { InsetText } from 'nhsuk-react-components';
import type { DeliveryMode } from '../gql/graphql';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { placeText, seatsLeftText } from './session-text';
import { paths } from '../paths';

export interface OtherDate {
  id: string;
  startsAt: string;
  endsAt: string;
  deliveryMode: DeliveryMode;
  seatsLeft: number;
  venue: { name: string; town: string } | null;
}

/** A full or cancelled session points to the course's next date that still has seats. */
export function NextDateWithSeats({ slug, session, otherDates }: {
  slug: string; session: { startsAt: string; seatsLeft: number; status: string }; otherDates: readonly OtherDate[];
}) {
  const unavailable = session.status === 'CANCELLED' || session.seatsLeft <= 0;
  if (!unavailable) return null;
  const next = otherDates.find((date) => date.seatsLeft > 0 && date.startsAt > session.startsAt)
    ?? otherDates.find((date) => date.seatsLeft > 0);
  if (!next) return null;
  return (
    <InsetText data-testid="next-date">
      <p>
        {session.status === 'CANCELLED' ? 'This session has been cancelled.' : 'This session is fully booked.'}
        {' '}The next date with seats is{' '}
        <Link to={paths.session(slug, next.id)}>{formatUkTimeRange(next.startsAt, next.endsAt)}</Link>
        {' '}({placeText(next)}, {seatsLeftText(next.seatsLeft).toLowerCase()}).
      </p>
    </InsetText>
  );
}

/** The course's other upcoming dates, soonest first. */
export function OtherDates({ slug, otherDates }: { slug: string; otherDates: readonly OtherDate[] }) {
  if (!otherDates.length) return null;
  return (
    <section aria-labelledby="other-dates-heading" data-testid="other-dates">
      <h2 id="other-dates-heading">Other dates for this course</h2>
      <ul className="nhsuk-list nhsuk-list--border">
        {otherDates.map((date) => (
          <li key={date.id}>
            <Link to={paths.session(slug, date.id)}>{formatUkTimeRange(date.startsAt, date.endsAt)}</Link>
            <br />
            <span className="nhsuk-body-s">{placeText(date)} · {seatsLeftText(date.seatsLeft)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
