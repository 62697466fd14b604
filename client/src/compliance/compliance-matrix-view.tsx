import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button, Select, SummaryList, Table, Tag } from 'nhsuk-react-components';
import type { BookOverdueMutation as BookOverdueResult, ComplianceMatrixFieldsFragment, ComplianceRowsPageFieldsFragment, ComplianceStatus } from '../gql/graphql';
import { Pager } from '../ui/pager';
import { hrefWith, showingText } from '../ui/paging';
import type { ComplianceQuery } from '../paths';
import { BookOverdueMutation } from './compliance.operations';
import { calendarDate, cellDetail, COMPLIANCE_STATUS, COMPLIANCE_STATUSES, OUTCOME_TEXT, percentText, sessionDate } from './compliance-text';

type Matrix = ComplianceMatrixFieldsFragment;
type Rows = ComplianceRowsPageFieldsFragment;
type Row = Rows['edges'][number]['node'];
type Cell = Row['cells'][number];
type Results = BookOverdueResult['bookOverdue']['results'];

export function StatusTag({ status }: { status: ComplianceStatus }) {
  return <Tag modifier={COMPLIANCE_STATUS[status].tag} data-testid="compliance-status">{COMPLIANCE_STATUS[status].text}</Tag>;
}

function CellNote({ cell }: { cell: Cell }) {
  return (
    <>
      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{cellDetail(cell)}</span>
      {cell.refused ? (
        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0" data-testid="refused-completion">
          {cell.refused.fromOrganisationName}&rsquo;s completion of {calendarDate(cell.refused.completedOn)} is not accepted: {cell.refused.reason}
        </span>
      ) : null}
    </>
  );
}

function Filters({ matrix, query, pathFor }: { matrix: Matrix; query: ComplianceQuery; pathFor: (q: ComplianceQuery) => string }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState(query.status ?? '');
  const [team, setTeam] = useState(query.team ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(pathFor({ ...query, status: status || null, team: team || null, person: null }));
  };
  return (
    <form className="compliance-filters" onSubmit={apply} aria-label="Filter the people">
      <Select id="compliance-status" label="Status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
        <Select.Option value="">Any status</Select.Option>
        {COMPLIANCE_STATUSES.map((s) => <Select.Option key={s} value={s}>{COMPLIANCE_STATUS[s].text}</Select.Option>)}
      </Select>
      {matrix.teams.length ? (
        <Select id="compliance-team" label="Team" value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
          <Select.Option value="">All teams</Select.Option>
          {matrix.teams.map((t) => <Select.Option key={t} value={t}>{t}</Select.Option>)}
        </Select>
      ) : null}
      <Button type="submit" secondary>Apply filters</Button>
    </form>
  );
}

function Totals({ matrix, query, pathFor }: { matrix: Matrix; query: ComplianceQuery; pathFor: (q: ComplianceQuery) => string }) {
  return (
    <Table responsive caption="Totals by subject" data-testid="compliance-totals">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Subject</Table.Cell>
          <Table.Cell>People who need it</Table.Cell>
          <Table.Cell>Compliant</Table.Cell>
          <Table.Cell>Expiring in 90, 60, 30 days</Table.Cell>
          <Table.Cell>Overdue</Table.Cell>
          <Table.Cell>Never done</Table.Cell>
          <Table.Cell>Done and in date</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {matrix.subjects.map(({ subject, totals }) => (
          <Table.Row key={subject.code}>
            <Table.Cell><Link to={pathFor({ ...query, subject: subject.code, person: null })}>{subject.name}</Link></Table.Cell>
            <Table.Cell>{totals.required}</Table.Cell>
            <Table.Cell>{totals.compliant}</Table.Cell>
            <Table.Cell>{totals.expiring90}, {totals.expiring60}, {totals.expiring30}</Table.Cell>
            <Table.Cell>{totals.overdue}</Table.Cell>
            <Table.Cell>{totals.neverDone}</Table.Cell>
            <Table.Cell>{percentText(totals.compliantPercent)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function BookingResults({ results }: { results: Results }) {
  return (
    <div className="nhsuk-card" data-testid="booking-results">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id="booking-results">What happened</h2>
        <Table responsive caption="What happened to each person" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Outcome</Table.Cell>
              <Table.Cell>Session</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {results.map((r) => (
              <Table.Row key={r.personId} data-testid="booking-result">
                <Table.Cell>{r.name}</Table.Cell>
                <Table.Cell>
                  <strong>{OUTCOME_TEXT[r.outcome]}</strong>
                  {r.waitlistPosition ? ` (number ${r.waitlistPosition})` : ''}
                  {r.message ? <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{r.message}</span> : null}
                </Table.Cell>
                <Table.Cell>{r.session ? `${r.session.course.title}, ${sessionDate(r.session.startsAt)}` : ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

/** One subject: everyone who needs it, and (for a lead) the overdue and never done ticked to book in one step. */
function SubjectView({ matrix, page, code, organisationId, onBooked }: { matrix: Matrix; page: readonly Row[]; code: string; organisationId: string | null; onBooked: () => void }) {
  const column = matrix.subjects.find((s) => s.subject.code === code)!;
  const rows = useMemo(() => page.flatMap((row) => {
    const cell = row.cells.find((c) => c.subjectCode === code);
    return cell ? [{ row, cell }] : [];
  }).sort((a, b) => COMPLIANCE_STATUSES.indexOf(a.cell.status) - COMPLIANCE_STATUSES.indexOf(b.cell.status)), [page, code]);
  const bookable = rows.filter(({ cell }) => cell.status === 'OVERDUE' || cell.status === 'NEVER_DONE');
  const [picked, setPicked] = useState<Set<string>>(() => new Set(rows.filter(({ cell }) => cell.status === 'OVERDUE').map(({ row }) => row.personId)));
  const [book, { data, loading, error }] = useMutation(BookOverdueMutation);
  const canBook = organisationId !== null && bookable.length > 0;
  const toggle = (id: string, on: boolean) => setPicked((old) => {
    const next = new Set(old);
    if (on) next.add(id); else next.delete(id);
    return next;
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!organisationId || !picked.size) return;
    await book({ variables: { input: { organisationId, subjectCode: code, personIds: [...picked], idempotencyKey: crypto.randomUUID() } } });
    setPicked(new Set());
    onBooked();
  };
  const problems = data?.bookOverdue.userErrors ?? [];
  return (
    <section aria-labelledby="subject-heading" data-testid="subject-view">
      <h2 id="subject-heading">{column.subject.name}</h2>
      <p>Renewed every {column.renewalMonths} months. {percentText(column.totals.compliantPercent)} of {column.totals.required} people are done and in date.</p>
      <form onSubmit={submit}>
        <Table responsive caption={`${column.subject.name}: who needs it`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>Details</Table.Cell>
              {canBook ? <Table.Cell>Book</Table.Cell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map(({ row, cell }) => (
              <Table.Row key={row.personId} data-testid="subject-row">
                <Table.Cell>
                  {row.name}
                  {row.jobTitle || row.team ? (
                    <span className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                      {[row.jobTitle, row.team].filter(Boolean).join(', ')}
                    </span>
                  ) : null}
                </Table.Cell>
                <Table.Cell><StatusTag status={cell.status} /></Table.Cell>
                <Table.Cell><CellNote cell={cell} /></Table.Cell>
                {canBook ? (
                  <Table.Cell>
                    {cell.status === 'OVERDUE' || cell.status === 'NEVER_DONE' ? (
                      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                        <div className="nhsuk-checkboxes__item">
                          <input className="nhsuk-checkboxes__input" type="checkbox" id={`book-${row.personId}`} checked={picked.has(row.personId)}
                            onChange={(e) => toggle(row.personId, e.currentTarget.checked)} />
                          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`book-${row.personId}`}>
                            <span className="nhsuk-u-visually-hidden">Book {row.name}</span>
                          </label>
                        </div>
                      </div>
                    ) : null}
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {canBook ? (
          <>
            {problems.length ? <p className="nhsuk-error-message" role="alert">{problems.map((p) => p.message).join('. ')}</p> : null}
            {error ? <p className="nhsuk-error-message" role="alert">Sorry, the bookings could not be made. Try again later.</p> : null}
            <Button type="submit" disabled={loading || !picked.size}>
              {loading ? 'Booking…' : `Book ${picked.size} ${picked.size === 1 ? 'person' : 'people'} onto the next session`}
            </Button>
          </>
        ) : null}
      </form>
      {data?.bookOverdue.results.length ? <BookingResults results={data.bookOverdue.results} /> : null}
    </section>
  );
}

function PersonView({ matrix, row }: { matrix: Matrix; row: Row }) {
  const names = new Map(matrix.subjects.map((s) => [s.subject.code, s.subject.name]));
  return (
    <section aria-labelledby="person-heading" data-testid="person-view">
      <h2 id="person-heading">{row.name}</h2>
      {row.jobTitle || row.team ? <p>{[row.jobTitle, row.team].filter(Boolean).join(', ')}</p> : null}
      <SummaryList>
        {row.cells.map((cell) => (
          <SummaryList.Row key={cell.subjectCode}>
            <SummaryList.Key>{names.get(cell.subjectCode) ?? cell.subjectCode}</SummaryList.Key>
            <SummaryList.Value><StatusTag status={cell.status} /> <CellNote cell={cell} /></SummaryList.Value>
          </SummaryList.Row>
        ))}
      </SummaryList>
    </section>
  );
}

/** The same address on the same page of people (the cursor is a name and an id, so it holds whichever subject is shown). */
function onThisPage(href: string, search: URLSearchParams): string {
  const [pathname, query = ''] = href.split('?');
  const params = new URLSearchParams(query);
  for (const key of ['after', 'prev']) if (search.has(key)) params.set(key, search.get(key)!);
  return hrefWith(pathname, params);
}

function Choose({ matrix, page, query, pathFor }: { matrix: Matrix; page: readonly Row[]; query: ComplianceQuery; pathFor: (q: ComplianceQuery) => string }) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return (
    <div className="compliance-choose">
      <Select id="compliance-subject" label="Show one subject" value={query.person ? '' : query.subject ?? ''}
        onChange={(e) => navigate(pathFor({ ...query, subject: e.currentTarget.value || null, person: null }))}>
        <Select.Option value="" disabled={!query.person}>Choose a subject</Select.Option>
        {matrix.subjects.map((s) => <Select.Option key={s.subject.code} value={s.subject.code}>{s.subject.name}</Select.Option>)}
      </Select>
      <Select id="compliance-person" label="Or one person" value={query.person ?? ''}
        onChange={(e) => navigate(onThisPage(pathFor({ ...query, person: e.currentTarget.value || null }), search))}>
        <Select.Option value="">Choose a person</Select.Option>
        {page.map((r) => <Select.Option key={r.personId} value={r.personId}>{r.name}</Select.Option>)}
      </Select>
    </div>
  );
}

/**
 * The matrix one subject or one person at a time, so it reads on a phone as on a laptop: the
 * totals by subject (of everyone the filters give), the filters (status and team, asked of the
 * API), a page of a subject's people with the overdue ticked for booking (leads), or a person's
 * subjects; pages of people by name; and the CSV of every row as a download.
 */
export function ComplianceMatrixView({ matrix, rows, page, pageSize, organisationId, pathFor, onBooked, fileName }: {
  matrix: Matrix; rows: Rows; page: number; pageSize: number; organisationId: string | null; pathFor: (q: ComplianceQuery) => string;
  onBooked: () => void; fileName: string;
}) {
  const [search] = useSearchParams();
  const query: ComplianceQuery = { subject: search.get('subject'), status: search.get('status'), team: search.get('team'), person: search.get('person') };
  const people = rows.edges.map((edge) => edge.node);
  const person = query.person ? people.find((r) => r.personId === query.person) : undefined;
  const code = matrix.subjects.some((s) => s.subject.code === query.subject) ? query.subject! : matrix.subjects[0]?.subject.code;
  const shown = showingText(page, pageSize, people.length, rows.totalCount);
  return (
    <>
      <p>
        Statuses on {calendarDate(matrix.today)}: {matrix.totals.required ? `${percentText(matrix.totals.compliantPercent)} of the subjects people need are done and in date.` : 'nobody here needs a mandatory subject.'}
        {' '}A higher level counts for a lower one, and a completion at any partner organisation counts unless it is refused here.
      </p>
      <Filters matrix={matrix} query={query} pathFor={pathFor} />
      {matrix.subjects.length ? (
        <>
          <Totals matrix={matrix} query={query} pathFor={pathFor} />
          <p>
            <a className="nhsuk-button nhsuk-button--secondary" href={matrix.csvPath} download={fileName} data-testid="compliance-csv">
              Download CSV<span className="nhsuk-u-visually-hidden"> of everyone these filters give</span>
            </a>
          </p>
          <Choose matrix={matrix} page={people} query={{ ...query, subject: person ? null : code }} pathFor={pathFor} />
          {shown ? <p className="nhsuk-body-s" data-testid="compliance-showing">{shown} people, by name</p> : null}
          {person ? <PersonView matrix={matrix} row={person} />
            : code ? <SubjectView key={`${code}|${query.status}|${query.team}|${rows.pageInfo.endCursor}`} matrix={matrix} page={people} code={code}
              organisationId={organisationId} onBooked={onBooked} /> : null}
          <Pager page={page} pageSize={pageSize} total={rows.totalCount} endCursor={rows.pageInfo.endCursor} hasNextPage={rows.pageInfo.hasNextPage} />
        </>
      ) : <p>No one matches these filters.</p>}
    </>
  );
}
