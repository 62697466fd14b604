import { Link } from 'react-router';
import type { FindSessionsQuery } from '../gql/graphql';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { costText, placeText, seatsLeftText } from './session-text';

export type SessionResult = FindSessionsQuery['sessions']['edges'][number]['node'];

/**
 * One session in the results: an NHS.UK clickable card, so the whole card is a large touch
 * target, with the facts a person decides on, one per line.
 */
export function SessionResultCard({ session, href, resultsSearch }: {
  session: SessionResult; href: string;
  /** The results' search, for the session page's "Back to results"; none when not listed as results. */
  resultsSearch?: string;
}) {
  const { course } = session;
  return (
    <div className="nhsuk-card nhsuk-card--clickable" data-session-id={session.id}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          <Link className="nhsuk-card__link" to={href} state={resultsSearch === undefined ? undefined : { resultsSearch }}>{course.title}</Link>
        </h3>
        <ul className="portal-session-facts">
          <li><strong>{formatUkTimeRange(session.startsAt, session.endsAt)}</strong></li>
          <li data-fact="place">{placeText(session)}</li>
          <li>Run by {course.provider.name}</li>
          <li data-fact="seats">{seatsLeftText(session.seatsLeft)}</li>
          <li data-fact="cost">{costText(course)}</li>
        </ul>
      </div>
    </div>
  );
}
