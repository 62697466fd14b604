import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { paths } from '../paths';
import { formatUkDate } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { useViewer } from '../ui/use-viewer';
import { ImpactReviewsToRecordQuery } from './evaluation.operations';

const SIGNED_IN = { needs: 'signed in', who: 'People who are signed in' };

function ImpactReviews() {
  const { data, loading, error } = useQuery(ImpactReviewsToRecordQuery, { fetchPolicy: 'cache-and-network' });
  useDocumentTitle(['Impact reviews']);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...SIGNED_IN} />;
  const reviews = data?.impactReviewsToRecord ?? [];
  const own = reviews.filter((r) => r.viewerRole === 'LEARNER');
  const team = reviews.filter((r) => r.viewerRole === 'MANAGER');
  const list = (items: typeof reviews, label: string) => (
    <ul className="nhsuk-list nhsuk-list--border" aria-label={label}>
      {items.map((r) => (
        <li key={`${r.bookingId}:${r.viewerRole}`}>
          <Link to={paths.impactReview(r.bookingId)}>{r.courseTitle}{r.viewerRole === 'MANAGER' ? `: ${r.personName}` : ''}</Link>
          <br /><span className="nhsuk-body-s">Attended {formatUkDate(r.sessionEndsAt)}, due {formatUkDate(r.dueAt)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Impact reviews</h1>
        <p>One to three months after a course, say whether the learning is being applied at work, with an example.</p>
        {loading && !data ? <p role="status">Loading…</p> : null}
        {data && !reviews.length ? <p>You have no impact reviews to record.</p> : null}
        {own.length ? <><h2>Your courses</h2>{list(own, 'Your courses')}</> : null}
        {team.length ? <><h2>Your team</h2>{list(team, 'Your team')}</> : null}
      </div>
    </div>
  );
}

/** Everyone signed in: the impact reviews due that they have still to record, their own and their reports'. */
export function ImpactReviewsPage() {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...SIGNED_IN} />;
  return <ImpactReviews />;
}
