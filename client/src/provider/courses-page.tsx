import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, InsetText, Table, Tag } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { METHOD_TEXT, placeText, costText } from '../find-training/session-text';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { ProvidedCoursesQuery } from './provider.operations';
import { placesText, SESSION_STATUS_TEXT } from './provider-text';
import { PROVIDER_AUDIENCE, RequireProvider } from './require-provider';
import { paths } from '../paths';
import { PROVIDER_PATHS } from '../route-patterns';

/** What this page says after a course is saved. */
export interface CourseSavedState {
  courseSaved: { title: string; created: boolean };
}

function Courses({ viewer }: { viewer: SignedInViewer }) {
  const { data, loading, error } = useQuery(ProvidedCoursesQuery, { fetchPolicy: 'cache-and-network' });
  const state = (useLocation().state ?? {}) as Partial<CourseSavedState>;
  useDocumentTitle(['Your courses and sessions', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...PROVIDER_AUDIENCE} />;
  const courses = data?.providedCourses ?? [];
  const now = Date.now();
  return (
    <>
      {state.courseSaved ? (
        <InsetText role="status"><p>{state.courseSaved.created ? 'Course published' : 'Course saved'}: {state.courseSaved.title}</p></InsetText>
      ) : null}
      <h1>Your courses and sessions</h1>
      <p>The courses your organisation provides, each with its upcoming and past sessions. Open a session to see who is booked.</p>
      <Button asElement={Link} to={PROVIDER_PATHS.newCourse}>Publish a course</Button>
      {loading && !data ? <p role="status">Loading your courses…</p> : null}
      {error && !problem ? <p className="nhsuk-error-message">Sorry, your courses could not be loaded. Try again later.</p> : null}
      {data && !courses.length ? <p>You have not published any courses yet.</p> : null}
      {courses.map((course) => {
        const upcoming = course.sessions.filter((s) => new Date(s.endsAt).getTime() >= now);
        const past = course.sessions.length - upcoming.length;
        return (
          <section key={course.id} className="nhsuk-card" aria-labelledby={`course-${course.id}`} data-course-id={course.id}>
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`course-${course.id}`}>{course.title}</h2>
              <p className="nhsuk-body-s">{METHOD_TEXT[course.method]} · {costText(course)} · {course.provider.name}</p>
              <p>
                <Link to={paths.editCourse(course.id)}>Change<span className="nhsuk-u-visually-hidden"> {course.title}</span></Link>
                {' · '}
                <Link to={paths.newSession(course.id)}>Schedule a session<span className="nhsuk-u-visually-hidden"> of {course.title}</span></Link>
              </p>
              {upcoming.length ? (
                <Table responsive caption={`Upcoming sessions of ${course.title}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
                  <Table.Head>
                    <Table.Row>
                      <Table.Cell>When</Table.Cell>
                      <Table.Cell>Where</Table.Cell>
                      <Table.Cell>Places</Table.Cell>
                      <Table.Cell>Status</Table.Cell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {upcoming.map((session) => (
                      <Table.Row key={session.id} data-session-id={session.id}>
                        <Table.Cell><Link to={paths.providerSession(session.id)}>{formatUkTimeRange(session.startsAt, session.endsAt)}</Link></Table.Cell>
                        <Table.Cell>{placeText(session)}</Table.Cell>
                        <Table.Cell>{placesText(session)}</Table.Cell>
                        <Table.Cell>
                          <Tag modifier={session.status === 'CANCELLED' ? 'grey' : 'blue'}>{SESSION_STATUS_TEXT[session.status]}</Tag>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              ) : <p>No upcoming sessions.</p>}
              {past ? <p className="nhsuk-body-s">{past === 1 ? '1 past session' : `${past} past sessions`}.</p> : null}
            </div>
          </section>
        );
      })}
    </>
  );
}

/** Provider coordinators (and administrators): the courses they provide and each one's sessions. */
export function ProviderCoursesPage() {
  return <RequireProvider>{(viewer) => <Courses viewer={viewer} />}</RequireProvider>;
}
