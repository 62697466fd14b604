import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { BackLink, SummaryList } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { SECTOR_TEXT } from '../admin/admin-text';
import { COURSE_AUDIENCE_TEXT } from '../find-training/session-text';
import type { FundingStreamQuery } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { NotFoundPage } from '../ui/not-found-page';
import { formatUkDateTime } from '../ui/uk-date-time';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { BreakdownSection } from './breakdown-section';
import { TableCsvButton } from './csv-download';
import { csvText, poundsFromPence, ukDateTimeText } from './csv-text';
import { yearToParam } from './financial-year';
import { ScrollingTable } from './figures-table';
import { FundingStreamQuery as StreamQuery } from './funding.operations';
import { countText, FUNDER_KIND_TEXT, FUNDING_PURPOSE_TEXT } from './funding-text';
import { HeadlineFigures } from './headline-figures';
import { LedgerEntriesList } from './ledger-entries-list';
import { FUNDING_AUDIENCE, fundingHomeOf, ledOrganisation } from './require-funding-role';
import './funding.scss';
import { paths } from '../paths';

type Stream = NonNullable<FundingStreamQuery['fundingStream']>;
type StreamCourse = Stream['courses'][number];

function coursesCsv(stream: Stream): string {
  const rows = stream.courses.flatMap((course) => [
    { course, session: null as StreamCourse['sessions'][number] | null },
    ...course.sessions.map((session) => ({ course, session })),
  ]);
  return csvText([
    { header: 'Course', value: (r) => r.course.title },
    { header: 'Session starts (UK time)', value: (r) => (r.session ? ukDateTimeText(r.session.startsAt) : 'All sessions') },
    { header: 'Seats offered', value: (r) => r.session?.seatsOffered },
    { header: 'Seats used', value: (r) => r.session?.seatsUsed },
    { header: 'Cancelled', value: (r) => (r.session ? r.session.cancelled : null) },
    { header: 'Committed (£)', value: (r) => poundsFromPence((r.session ?? r.course).summary.committed.pence) },
    { header: 'Spent (£)', value: (r) => poundsFromPence((r.session ?? r.course).summary.spent.pence) },
    { header: 'Course ID', value: (r) => r.course.courseId },
    { header: 'Session ID', value: (r) => r.session?.sessionId },
  ], rows);
}

function CourseSessions({ course, yearParam, streamId }: { course: StreamCourse; yearParam: string; streamId: string }) {
  const captionId = useId();
  if (!course.sessions.length) return null;
  return (
    <details className="nhsuk-details funding-sessions" data-course-id={course.courseId}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Sessions of {course.title} ({course.sessions.length})</span>
      </summary>
      <div className="nhsuk-details__text">
        <ScrollingTable labelledBy={captionId}>
          <table className="nhsuk-table funding-table">
            <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">Sessions of {course.title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Session</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Seats used</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Committed</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Spent</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {course.sessions.map((session) => (
                <tr key={session.sessionId} className="nhsuk-table__row" data-session-id={session.sessionId}>
                  <th scope="row" className="nhsuk-table__header funding-table__label">
                    <Link to={paths.fundingEntries({ year: yearParam, stream: streamId, session: session.sessionId })}>
                      {formatUkDateTime(session.startsAt)}
                    </Link>
                    {session.cancelled ? <span className="funding-table__note">Cancelled</span> : null}
                  </th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{session.seatsUsed} of {session.seatsOffered}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric funding-table__money">{session.summary.committed.formatted}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric funding-table__money">{session.summary.spent.formatted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </div>
    </details>
  );
}

function StreamDetails({ stream }: { stream: Stream }) {
  return (
    <SummaryList>
      <SummaryList.Row>
        <SummaryList.Key>Funder</SummaryList.Key>
        <SummaryList.Value>{stream.funderName}<span className="funding-table__note">{FUNDER_KIND_TEXT[stream.funderKind]}</span></SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Managed by</SummaryList.Key>
        <SummaryList.Value>{stream.managingOrganisation.name}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Financial year</SummaryList.Key>
        <SummaryList.Value>{stream.financialYear}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Pays for</SummaryList.Key>
        <SummaryList.Value>
          {COURSE_AUDIENCE_TEXT[stream.audience]}
          {stream.eligibleSectors.length ? `, in ${stream.eligibleSectors.map((s) => SECTOR_TEXT[s].toLowerCase()).join(', ')}` : ', in every sector'}
          <span className="funding-table__note">
            {stream.purposes.length ? stream.purposes.map((p) => FUNDING_PURPOSE_TEXT[p]).join(', ') : 'Any learning'}
          </span>
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Pooled</SummaryList.Key>
        <SummaryList.Value>{stream.pooled ? `Yes: ${countText(stream.contributions.length, 'partner contributes', 'partners contribute')}` : 'No'}</SummaryList.Value>
      </SummaryList.Row>
      {stream.description ? (
        <SummaryList.Row>
          <SummaryList.Key>About it</SummaryList.Key>
          <SummaryList.Value>{stream.description}</SummaryList.Value>
        </SummaryList.Row>
      ) : null}
    </SummaryList>
  );
}

/**
 * The organisation whose slice of the stream a lead sees, when their organisation neither manages,
 * funds nor contributes to it: then the figures are its people's places only, and the stream's
 * budget (and so what is left of it) is not theirs to show. Null when the figures are the whole stream's.
 */
function sliceOf(viewer: SignedInViewer, stream: Stream): { id: string; name: string } | null {
  if (viewer.roles.some((grant) => grant.role === 'STEERING_GROUP' || grant.role === 'PARTNERSHIP_ADMIN')) return null;
  const led = new Set(viewer.roles.filter((grant) => grant.role === 'LD_LEAD' && grant.organisation).map((grant) => grant.organisation!.id));
  const holds = led.has(stream.managingOrganisation.id) || (!!stream.funderOrganisation && led.has(stream.funderOrganisation.id))
    || stream.contributions.some((c) => led.has(c.organisation.id));
  return holds ? null : ledOrganisation(viewer);
}

function FundingStreamContent({ viewer }: { viewer: SignedInViewer }) {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(StreamQuery, { variables: { id } });
  const stream = data?.fundingStream ?? null;
  useDocumentTitle([stream?.name ?? 'Funding stream', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={FUNDING_AUDIENCE.anyFunding.needs} who={FUNDING_AUDIENCE.anyFunding.who} />;
  if (loading && !data) return <p role="status">Loading the funding stream…</p>;
  if (error && !data) return <p>{SERVICE_PROBLEM}</p>;
  if (!stream) return <NotFoundPage />;
  const yearParam = yearToParam(stream.financialYear) ?? '';
  const home = fundingHomeOf(viewer);
  const slice = sliceOf(viewer, stream);
  const courseRows = stream.courses.map((course) => ({
    key: course.courseId, label: course.title, summary: course.summary,
    href: paths.fundingEntries({ year: yearParam, stream: stream.id, course: course.courseId }),
    note: course.sessions.length ? countText(course.sessions.length, 'session', 'sessions') : null,
  }));

  return (
    <div className="funding-page">
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={`${home.path}?year=${yearParam}`}>{home.text} {stream.financialYear}</BackLink>
      <h1><span className="nhsuk-caption-l">Funding stream, {stream.financialYear}</span>{stream.name}</h1>
      <StreamDetails stream={stream} />

      <section className="funding-section" aria-labelledby="stream-figures-heading" data-testid="section-stream-figures">
        <h2 id="stream-figures-heading">Where the money stands</h2>
        <p data-testid="stream-scope">
          {slice
            ? <><strong>Figures for {slice.name}</strong>: its people’s places on this stream. The budget is held by
              {' '}{stream.managingOrganisation.name}, so the budget and what is left of it are not shown here.</>
            : <><strong>Figures for the whole stream</strong>: its budget and everything committed and spent from it.</>}
        </p>
        <HeadlineFigures figures={[
          ...(slice ? [] : [{ key: 'budget', label: 'Budget', value: stream.summary.budget.formatted }]),
          { key: 'committed', label: 'Committed', value: stream.summary.committed.formatted },
          { key: 'spent', label: 'Spent', value: stream.summary.spent.formatted },
          ...(slice ? [] : [{ key: 'remaining', label: 'Remaining', value: stream.summary.remaining.formatted }]),
        ]} />
      </section>

      {stream.pooled && stream.contributions.length ? (
        <BreakdownSection id="contributions" title="Contributions"
          table={{
            caption: `Contributions to ${stream.name}`, labelHeader: 'Partner', figures: ['budget'], figureHeaders: { budget: 'Contribution' },
            rows: stream.contributions.map((c) => ({
              key: c.organisation.id, label: c.organisation.name,
              summary: { ...stream.summary, budget: c.amount },
            })),
          }} />
      ) : null}

      <BreakdownSection id="courses" title="Courses it pays for"
        intro={<p>What each course has committed and spent from this stream. Choose a course for the entries behind its figures.</p>}
        chart={{ label: `Bar chart of spent and committed by course on ${stream.name}`, series: ['spent', 'committed'], layout: 'bars' }}
        table={{ caption: `Courses paid from ${stream.name}`, labelHeader: 'Course', rows: courseRows, figures: ['committed', 'spent'] }}
        actions={stream.courses.length ? (
          <>
            {stream.courses.map((course) => <CourseSessions key={course.courseId} course={course} yearParam={yearParam} streamId={stream.id} />)}
            <TableCsvButton filename={`funding-stream-${yearParam}-courses.csv`} what={`the courses and sessions of ${stream.name}`}
              csv={() => coursesCsv(stream)} />
          </>
        ) : null} />

      <LedgerEntriesList filter={{ partnershipSlug: viewer.partnership.slug, financialYear: stream.financialYear, streamId: stream.id }}
        withBudget={!slice} caption={`Entries on ${stream.name}`} filename={`funding-stream-${yearParam}-entries.csv`} showStream={false} />
    </div>
  );
}

/** One stream drilled into: its terms, figures, the courses and sessions it pays for, and its entries. */
export function FundingStreamPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.anyFunding}>{(viewer) => <FundingStreamContent viewer={viewer} />}</RequireRole>;
}
