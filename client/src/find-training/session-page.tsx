import { Link, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { BackLink, SummaryList } from 'nhsuk-react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useDocumentTitle } from '../ui/use-document-title';
import type { PartnershipOutletContext } from '../ui/partnership-layout';
import { formatUkDateTime, formatUkTimeRange } from '../ui/uk-date-time';
import { SessionBooking } from '../bookings/session-booking';
import { NextDateWithSeats, OtherDates } from './other-dates';
import { SessionDetailsQuery } from './session-details.query';
import { firstScreenSession } from '../first-screen';
import {
  accreditationText, costText, COURSE_AUDIENCE_TEXT, DELIVERY_MODE_TEXT, durationText, LEARNING_CATEGORY_TEXT,
  METHOD_TEXT, seatsLeftText,
} from './session-text';
import { paths } from '../paths';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}

/**
 * "Back to results": the search the person came from, which the results link left in this
 * history entry. Coming from there, the link goes back in history (as the browser's back
 * button would, so the results keep their place); opened any other way it is an ordinary link.
 */
function useBackToResults(slug: string): { href: string; text: string; onClick?: (event: MouseEvent) => void } {
  const { state } = useLocation();
  const navigate = useNavigate();
  const resultsSearch = (state as { resultsSearch?: unknown } | null)?.resultsSearch;
  const base = paths.findTraining(slug);
  if (typeof resultsSearch !== 'string') return { href: base, text: 'Find training' };
  return {
    href: `${base}${resultsSearch}`,
    text: 'Back to results',
    onClick: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(-1);
    },
  };
}

/** One session: what the course is, when and where it runs, and whether there is room. */
export function SessionPage() {
  const { slug = '', id = '' } = useParams();
  const { partnershipName } = useOutletContext<PartnershipOutletContext>();
  const back = useBackToResults(slug);
  const { data, loading, error } = useQuery(SessionDetailsQuery, { variables: { id } });
  const session = data?.session ?? null;
  useDocumentTitle([session?.course.title ?? (loading ? 'Training session' : 'Session not found'), partnershipName]);

  const backLink = <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={back.href} onClick={back.onClick}>{back.text}</BackLink>;

  if (loading && !session) {
    // Opened from a search engine or a link, the server has already drawn the heading: keep it.
    const first = firstScreenSession(id);
    if (first) {
      return (
        <>
          {backLink}
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <span className="nhsuk-caption-l">{first.providerName}</span>
              <h1>{first.title}</h1>
              <p className="nhsuk-body-l">{first.summary}</p>
              {/* A screen's height, so the footer stays below the fold until the details arrive. */}
              <p role="status" className="portal-loading-details">Loading the session…</p>
            </div>
          </div>
        </>
      );
    }
    return (
      <>
        {backLink}
        <p role="status">Loading the session…</p>
      </>
    );
  }

  if (error) {
    return (
      <>
        {backLink}
        <h1>Sorry, there is a problem with the service</h1>
        <p>The session could not be loaded. Try again later.</p>
      </>
    );
  }

  if (!session) {
    return (
      <>
        {backLink}
        <h1>Session not found</h1>
        <p>This session does not exist, or it is not open to you. It may have been removed or the link may be wrong.</p>
        <p><Link to={paths.findTraining(slug)}>Find other training</Link></p>
      </>
    );
  }

  const { course, venue } = session;
  const bookingClosed = new Date(session.bookingClosesAt).getTime() <= Date.now();

  return (
    <>
      {backLink}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{course.provider.name}</span>
          <h1>{course.title}</h1>
          <p className="nhsuk-body-l">{course.summary}</p>

          {session.status === 'CANCELLED' ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>This session has been cancelled.</p>
            </div>
          ) : null}

          <h2>When and where</h2>
          <SummaryList>
            <Row label="Date and time">{formatUkTimeRange(session.startsAt, session.endsAt)}</Row>
            <Row label="How it is delivered">{DELIVERY_MODE_TEXT[session.deliveryMode]}</Row>
            <Row label="Where">
              {venue ? (
                <>
                  {venue.name}
                  <br />
                  {venue.address}
                  <br />
                  {venue.town}
                  <br />
                  {venue.postcode}
                </>
              ) : 'Online'}
            </Row>
            <Row label="Seats">{seatsLeftText(session.seatsLeft)}</Row>
            <Row label="Booking closes">
              {bookingClosed ? 'Booking has closed' : formatUkDateTime(session.bookingClosesAt)}
            </Row>
            <Row label="Cost">{costText(session)}</Row>
          </SummaryList>

          <NextDateWithSeats slug={slug} session={session} otherDates={session.otherDates} />

          <SessionBooking slug={slug} session={{
            id: session.id, title: course.title, summary: course.summary, startsAt: session.startsAt, endsAt: session.endsAt,
            status: session.status, bookingClosed, cost: costText(session),
            location: venue ? [venue.name, venue.address, venue.town, venue.postcode].filter(Boolean).join(', ') : 'Online',
          }} />

          <OtherDates slug={slug} otherDates={session.otherDates} />

          {course.learningOutcomes.length ? (
            <>
              <h2>What you will learn</h2>
              <ul>
                {course.learningOutcomes.map((outcome) => <li key={outcome}>{outcome}</li>)}
              </ul>
            </>
          ) : null}

          <h2>About the course</h2>
          <SummaryList>
            <Row label="Who it is for">{COURSE_AUDIENCE_TEXT[course.audience]}</Row>
            <Row label="Learning method">{METHOD_TEXT[course.method]}</Row>
            <Row label="70:20:10 category">{LEARNING_CATEGORY_TEXT[course.learningCategory]}</Row>
            <Row label="Duration">{durationText(course.durationHours)}</Row>
            <Row label="Accreditation">{accreditationText(course.accreditation, course.cpdPoints)}</Row>
            <Row label="Mandatory training">
              {course.mandatorySubject ? `Counts towards ${course.mandatorySubject.name}` : 'No'}
            </Row>
            <Row label="Provider">{course.provider.name}</Row>
          </SummaryList>
        </div>
      </div>
    </>
  );
}
