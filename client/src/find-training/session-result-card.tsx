import { Link } from 'react-router';
import { Tag } from 'nhsuk-react-components';
import type { FindSessionsQuery } from '../gql/graphql';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { costText, distanceText, FORMAT_TEXT, placeText, SEAT_TAG, seatsLeftText, sessionLengthText } from './session-text';

export type SessionResult = FindSessionsQuery['sessions']['edges'][number]['node'];

/**
 * One session in the results: an NHS.UK clickable card, so the whole card is a large touch
 * target, compact enough that a laptop screen shows several. Three lines of facts: when and
 * how long; the format and where; who runs it, the cost and the seats (tagged when full or few).
 */
export function SessionResultCard({ session, href, resultsSearch }: {
  session: SessionResult; href: string;
  /** The results' search, for the session page's "Back to results"; none when not listed as results. */
  resultsSearch?: string;
}) {
  const { course } = session;
  const tag = session.seatAvailability ? SEAT_TAG[session.seatAvailability] : undefined;
  const full = session.seatAvailability === 'FULL';
  const place = placeText(session);
  return (
    <div className="nhsuk-card nhsuk-card--clickable portal-result-card" data-session-id={session.id}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          <Link className="nhsuk-card__link" to={href} state={resultsSearch === undefined ? undefined : { resultsSearch }}>{course.title}</Link>
        </h3>
        <ul className="portal-session-facts portal-session-facts--inline">
          <li><strong>{formatUkTimeRange(session.startsAt, session.endsAt)}</strong></li>
          <li data-fact="length">{sessionLengthText(session.startsAt, session.endsAt)}</li>
        </ul>
        <ul className="portal-session-facts portal-session-facts--inline">
          {session.deliveryMode === 'ONLINE' && place === 'Online' ? (
            <li data-fact="format"><span data-fact="place">Online</span></li>
          ) : (
            <>
              <li data-fact="format">{FORMAT_TEXT[session.deliveryMode]}</li>
              <li data-fact="place">{place}</li>
              {session.distanceKm == null ? null : <li data-fact="distance">{distanceText(session.distanceKm)}</li>}
            </>
          )}
        </ul>
        <ul className="portal-session-facts portal-session-facts--inline">
          <li>Run by {course.provider.name}</li>
          <li data-fact="cost">{costText(session)}</li>
          <li>
            {tag && !full ? <><Tag modifier={tag.colour} data-tag="seats">{tag.text}</Tag> </> : null}
            {full && tag
              ? <Tag modifier={tag.colour} data-tag="seats" data-fact="seats">{tag.text}</Tag>
              : <span data-fact="seats">{seatsLeftText(session.seatsLeft)}</span>}
          </li>
        </ul>
      </div>
    </div>
  );
}
