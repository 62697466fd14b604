import { createTestDatabase } from '../support/test-database';
import { startPortal } from '../support/start-portal';
import { makeLedOrganisation } from '../support/compliance-fixtures';
import { loadBenchData } from './bench-database';
import { measure, writeResults } from './measure';

/**
 * Journey 8's read at the size of the strategy's acute trust: `complianceMatrix` for an
 * organisation of 4,500 people × the 11 CSTF subjects (every person needs all 11; two completions
 * each of most, on the demo's e-learning sessions), over HTTP as its L&D lead, with its CSV. Beside
 * it, the demo council's matrix and the steering group's partnership percentages with the trust in
 * them. The statement count is the same at every size.
 */
/** What the lead's page asks for: the totals and the first page of rows (no CSV). */
const MATRIX = `query($id: ID!, $status: ComplianceStatus) { complianceMatrix(organisationId: $id, status: $status) {
  today csvPath subjects { subject { code } totals { required overdue compliantPercent } }
  rowsPage(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { personId name cells { subjectCode status expiresOn refused { reason } } } } } } }`;
/** Every row and the CSV in one answer, as the page asked before rows were paged (the deprecated fields). */
const WHOLE = `query($id: ID!) { complianceMatrix(organisationId: $id) {
  today subjects { subject { code } totals { required overdue compliantPercent } }
  rows { personId name cells { subjectCode status expiresOn refused { reason } } } csv } }`;
const SUMMARY = `query { complianceSummary(partnershipSlug: "greater-peterborough") { totals { compliantPercent }
  organisations { name totals { compliantPercent } } sectors { name totals { compliantPercent } } } }`;
const SUBJECTS = ['equality-and-diversity', 'health-safety-welfare', 'conflict-resolution', 'fire-safety', 'infection-prevention',
  'moving-and-handling', 'safeguarding-adults-2', 'safeguarding-children-2', 'preventing-radicalisation', 'resuscitation', 'information-governance'];
const PEOPLE = 4_500;

it('measures the compliance matrix of a 4,500-person organisation × 11 subjects', async () => {
  const database = await createTestDatabase('empty');
  await loadBenchData(database.url);
  const portal = await startPortal({ database });
  const rows: Array<Array<string | number>> = [];
  try {
    const db = portal.dataSource;
    const [{ id: partnershipId }] = await db.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
    const trust = await makeLedOrganisation(db, partnershipId, { name: 'Bench Acute Hospitals NHS Trust', sector: 'acute_trust' });
    await db.query(
      `INSERT INTO person (partnership_id, organisation_id, kind, name, email, job_title, team)
       SELECT $1, $2::uuid, 'staff', 'Staff Member ' || n, 'staff.' || n || '@bench-trust.example', 'Nurse', 'Ward ' || (n % 40)
       FROM generate_series(1, $3::int - 1) n`, [partnershipId, trust.organisationId, PEOPLE]);
    await db.query(`INSERT INTO compliance_requirement (partnership_id, organisation_id, subject_code, person_kind)
      SELECT $1, $2, code, 'staff' FROM unnest($3::text[]) code`, [partnershipId, trust.organisationId, SUBJECTS]);
    // Two completions of each subject for most people, on two of the subject's e-learning sessions; some never done.
    await db.query(
      `INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status, created_at, updated_at)
       SELECT $1, s.id, p.id, $2, 'attended', s.starts_at - interval '7 days', s.ends_at
       FROM person p CROSS JOIN unnest($3::text[]) AS subject(code)
       JOIN course c ON c.partnership_id = $1 AND c.mandatory_subject = subject.code AND c.title LIKE 'Statutory and mandatory e-learning: %'
       CROSS JOIN LATERAL (SELECT s.id, s.starts_at, s.ends_at FROM training_session s WHERE s.course_id = c.id
         ORDER BY md5(p.id::text || s.id::text) LIMIT 2) s
       WHERE p.organisation_id = $2 AND abs(hashtext(p.id::text || subject.code)) % 7 <> 0`,
      [partnershipId, trust.organisationId, SUBJECTS]);
    await db.query('VACUUM ANALYZE booking, person');
    const [{ completions }] = await db.query(`SELECT count(*)::int AS completions FROM booking WHERE organisation_id = $1`, [trust.organisationId]);
    const [{ id: council }] = await db.query(`SELECT id FROM organisation WHERE short_code = 'PCC' AND partnership_id = $1`, [partnershipId]);
    const lead = await portal.signIn('lead@demo.portal');
    const steering = await portal.signIn('steering@demo.portal');

    const cases: Array<[string, string, string, Record<string, unknown>, number]> = [
      ['complianceMatrix, first page of 50: the 4,500-person trust', trust.leadToken, MATRIX, { id: trust.organisationId }, 30],
      ['complianceMatrix, first page of 50, status OVERDUE: the trust', trust.leadToken, MATRIX, { id: trust.organisationId, status: 'OVERDUE' }, 30],
      ['complianceMatrix, first page of 50: the demo council', lead, MATRIX, { id: council }, 30],
      ['complianceMatrix, every row and the csv field (deprecated): the trust', trust.leadToken, WHOLE, { id: trust.organisationId }, 5],
      ['complianceSummary: the partnership, trust included', steering, SUMMARY, {}, 20],
    ];
    type Row = { cells: unknown[] };
    for (const [request, token, query, variables, runs] of cases) {
      let statements = 0;
      let people = 0;
      let cells = 0;
      let bytes = 0;
      const figures = await measure(async () => {
        const response = await portal.graphql<Record<string, { rows?: Row[]; rowsPage?: { edges: Array<{ node: Row }> } }>>(query, variables, { token });
        if (response.errors) throw new Error(JSON.stringify(response.errors));
        statements = response.extensions?.sqlStatements ?? 0;
        const data = Object.values(response.data!)[0];
        const shown = data.rows ?? data.rowsPage?.edges.map((e) => e.node) ?? [];
        people = shown.length;
        cells = shown.reduce((sum, row) => sum + row.cells.length, 0);
        bytes = JSON.stringify(response.data).length;
      }, runs, 3);
      rows.push([request, people || '-', cells || '-', Math.round(bytes / 1024), statements, figures.p50, figures.p95, figures.max]);
    }
    // The CSV download the page links to, streamed by the export route.
    let csvBytes = 0;
    const download = await measure(async () => {
      const response = await fetch(`${portal.url}/exports/compliance/organisations/${trust.organisationId}.csv`, { headers: { authorization: `Bearer ${trust.leadToken}` } });
      if (response.status !== 200) throw new Error(`CSV download: ${response.status}`);
      csvBytes = (await response.arrayBuffer()).byteLength;
    }, 5, 1);
    rows.push(['GET /exports/compliance/organisations/:trust.csv (streamed)', PEOPLE, PEOPLE * SUBJECTS.length, Math.round(csvBytes / 1024), '10 batches',
      download.p50, download.p95, download.max]);
    writeResults('compliance', 'Mandatory-training compliance: the matrix and the partnership\'s percentages, latency and SQL statements',
      ['request', 'people', 'cells (person × subject)', 'answer KiB', 'SQL statements', 'p50 ms', 'p95 ms', 'max ms'], rows,
      ['Sequential requests after 3 warm-up requests (20 or 30 per row), one client over loopback HTTP, embedded PostgreSQL.',
        `The trust: ${PEOPLE.toLocaleString('en-GB')} staff in an organisation added to the demo, each needing the 11 CSTF subjects; ${completions.toLocaleString('en-GB')} completions`
          + ' (two of a subject for six people in seven), on the demo\'s e-learning sessions.',
        'SQL statements per request: the session\'s viewer, the organisation (loader), the organisation\'s rules, the totals (one set-based statement'
          + ' by the SQL form of the rule over the whole filtered organisation), the page of rows (built by the pure rule); the summary: the viewer,'
          + ' the partnership, one grouped statement. The lead\'s page no longer asks for the CSV: it links to the streamed download (the last row),'
          + ' read in batches of 500 people.']);
    console.log(rows);
    expect(rows[0][4]).toBe(rows[2][4]);
  } finally {
    await portal.stop();
  }
}, 900_000);
