import http from 'node:http';
import { parse } from 'csv-parse/sync';
import { effectsOf, parseFinancialYear } from '@portal/domain';
import { postEntry } from '../../server/src/modules/funding/ledger';
import { expectLedgerInvariants } from '../support/ledger-invariants';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP } from '../support/admin-fixtures';
import { createStream, currentYear, makeStream, recordEntry, TEST_ORIGIN } from '../support/funding-fixtures';

/**
 * The funding exports over HTTP on the demo partnership: each table of the funding page as CSV
 * (UTF-8 with a BOM, would-be formulas neutralised, negative figures left as numbers) with exactly
 * the figures the GraphQL API gives the same person, the ledger's entries page by page, and the
 * streams as 360Giving grants; the API's access rules (401, 403, an L&D lead's own slice); and a
 * ledger of thousands of entries streamed whole.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const SLUG = 'greater-peterborough';
const YEAR = currentYear();
const YEAR_PARAM = YEAR.label.replace('/', '-');
/** The year of the large ledger, apart from the others so their exports stay small. */
const BULK_YEAR = parseFinancialYear('2023/24')!;
const BULK_ENTRIES = 2100;
const SUMMARY_TABLES = ['totals', 'streams', 'funders', 'organisations', 'sectors', 'quarters'] as const;

const HYPERLINK_STREAM = '=HYPERLINK("http://evil.example/","Click for your budget")';
const PLUS_FUNDER = '+Health Education Fund';
const DAY = 24 * 3600_000;

interface Download { status: number; headers: Headers; bytes: Buffer; text: string }

async function download(path: string, auth: { token?: string | null; cookie?: string } = {}): Promise<Download> {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const response = await fetch(`${portal.url}${path}`, { headers });
  // Bytes, not response.text(): a TextDecoder would swallow the byte order mark under test.
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

const csvPath = (table: string, year = YEAR_PARAM, slug = SLUG) => `/exports/funding/${slug}/${year}/${table}.csv`;
const jsonPath = (year = YEAR_PARAM, slug = SLUG) => `/exports/funding/${slug}/${year}/360giving.json`;

/** Records keyed by header, with the BOM taken off by csv-parse (its presence is asserted on the bytes). */
function records(file: Download): Array<Record<string, string>> {
  return parse(file.bytes, { bom: true, columns: true, skip_empty_lines: false }) as Array<Record<string, string>>;
}

function headerOf(file: Download): string[] {
  return (parse(file.bytes, { bom: true, to_line: 1 }) as string[][])[0];
}

/** "1234.56" or "-12.50" back to pence, by string arithmetic; anything else fails the test. */
function penceOf(cell: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(cell);
  if (!match) throw new Error(`not an amount of pounds with 2 decimals: ${JSON.stringify(cell)}`);
  const pence = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -pence : pence;
}

/** What a text cell should read: a would-be formula with an apostrophe in front, a plain number as it is. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

interface Sums { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } }
interface Breakdown { key: string; label: string; summary: Sums }
interface Overview {
  financialYear: string; totals: Sums;
  byStream: Array<{ stream: { id: string; name: string; funderName: string; funderKind: string; pooled: boolean; managingOrganisation: { name: string } }; summary: Sums }>;
  byFunder: Breakdown[]; byOrganisation: Breakdown[]; bySector: Breakdown[]; byQuarter: Breakdown[];
  costPerLearner: { pence: number } | null; costPerLearningHour: { pence: number } | null; seatUtilisation: number;
  noShowCost: { pence: number }; learners: number; learningHours: number; seatsOffered: number; seatsUsed: number;
}

const SUMS = 'budget { pence } committed { pence } spent { pence } remaining { pence }';
const OVERVIEW = `query($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
  financialYear totals { ${SUMS} }
  byStream { stream { id name funderName funderKind pooled managingOrganisation { name } } summary { ${SUMS} } }
  byFunder { key label summary { ${SUMS} } } byOrganisation { key label summary { ${SUMS} } }
  bySector { key label summary { ${SUMS} } } byQuarter { key label summary { ${SUMS} } }
  costPerLearner { pence } costPerLearningHour { pence } seatUtilisation noShowCost { pence } learners learningHours seatsOffered seatsUsed } }`;

async function overviewFor(token: string, year = YEAR.label): Promise<Overview> {
  const response = await portal.graphql<{ fundingOverview: Overview }>(OVERVIEW, { slug: SLUG, year }, { token });
  expect(response.errors).toBeUndefined();
  return response.data!.fundingOverview;
}

interface EntryNode {
  id: string; sequence: number; kind: string; amount: { pence: number }; effect: Sums; balanceAfter: Sums | null; stream: { id: string; name: string };
  organisation: { name: string } | null; courseTitle: string | null; wasted: boolean; occurredAt: string; quarter: number; reason: string;
}
interface EntriesPage { totalCount: number; summary: Sums; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: EntryNode }> }
// The page size is a variable, as the client sends it (the cost limit prices it as if written inline).
const ENTRIES = `query($slug: String!, $year: String!, $organisationId: ID, $first: Int!, $after: String) {
  ledgerEntries(filter: { partnershipSlug: $slug, financialYear: $year, organisationId: $organisationId }, first: $first, after: $after) {
    totalCount summary { ${SUMS} } pageInfo { hasNextPage endCursor }
    edges { node { id sequence kind amount { pence } effect { ${SUMS} } balanceAfter { ${SUMS} } stream { id name }
      organisation { name } courseTitle wasted occurredAt quarter reason } } } }`;

/** Every entry of the year as the API pages them for this person. */
async function allEntries(token: string, year = YEAR.label, organisationId: string | null = null):
  Promise<{ totalCount: number; summary: Sums; nodes: EntryNode[] }> {
  const nodes: EntryNode[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await portal.graphql<{ ledgerEntries: EntriesPage }>(ENTRIES, { slug: SLUG, year, organisationId, first: 200, after }, { token });
    expect(response.errors).toBeUndefined();
    const page: EntriesPage = response.data!.ledgerEntries;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { totalCount: page.totalCount, summary: page.summary, nodes };
    after = page.pageInfo.endCursor;
  }
}

/** What a person reads in the CSV: codes as words, times as UK wall-clock time, ratios as percentages. */
const FUNDER_KIND_WORDS: Record<string, string> = {
  PARTNER: 'Partner organisation', NHS_EDUCATION: 'NHS education funding', APPRENTICESHIP_LEVY: 'Apprenticeship levy',
  COUNCIL_GRANT: 'Council grant', CHARITY_GRANT: 'Charity or trust grant', IN_KIND: 'In kind', OTHER: 'Other outside body',
};
const KIND_WORDS: Record<string, string> = {
  BUDGET: 'Budget', CONTRIBUTION: 'Contribution', ALLOCATION: 'Allocation', COMMITMENT: 'Commitment', RELEASE: 'Release', SPEND: 'Spend',
  ADJUSTMENT: 'Adjustment',
};
const londonTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/London' });

interface StreamNode { id: string; name: string; financialYear: string; amount: { pence: number } }
async function streamsFor(token: string): Promise<StreamNode[]> {
  const response = await portal.graphql<{ fundingStreams: StreamNode[] }>(
    'query($slug: String!, $year: String) { fundingStreams(partnershipSlug: $slug, financialYear: $year) { id name financialYear amount { pence } } }',
    { slug: SLUG, year: YEAR.label }, { token });
  expect(response.errors).toBeUndefined();
  return response.data!.fundingStreams;
}

/** The four money columns of a row, in pence, against a summary's. */
/** The money columns a table has: all four for the partnership; an organisation's own money has no budget or remaining of its own. */
const SUM_COLUMNS = [['budget', 'Budget (£)'], ['committed', 'Committed (£)'], ['spent', 'Spent (£)'], ['remaining', 'Remaining (£)']] as const;
let moneyColumns: ReadonlyArray<(typeof SUM_COLUMNS)[number]> = SUM_COLUMNS;

function expectSums(row: Record<string, string>, summary: Sums): void {
  expect(Object.fromEntries(moneyColumns.map(([key, column]) => [key, penceOf(row[column])])))
    .toEqual(Object.fromEntries(moneyColumns.map(([key]) => [key, summary[key].pence])));
}

function sumRows(rows: Array<Record<string, string>>) {
  const total = (column: string) => rows.reduce((sum, row) => sum + penceOf(row[column]), 0);
  return Object.fromEntries(moneyColumns.map(([key, column]) => [key, total(column)]));
}

const LEAD_COLUMNS = SUM_COLUMNS.filter(([key]) => key === 'committed' || key === 'spent');
beforeEach(() => {
  moneyColumns = SUM_COLUMNS;
});

const penceSums = (summary: Sums) => Object.fromEntries(moneyColumns.map(([key]) => [key, summary[key].pence]));

async function entry(input: Record<string, unknown>): Promise<void> {
  const response = await recordEntry(portal, tokens.admin, input);
  expect(response.errors).toBeUndefined();
  expect(response.data!.recordLedgerEntry.userErrors).toEqual([]);
}

const inYear = (days: number) => new Date(YEAR.start.getTime() + days * DAY).toISOString();

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['admin', 'steering', 'lead', 'learner', 'volunteer']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  tokens.otherAdmin = (await otherPartnershipAdmin(portal)).token;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.trust = await organisationId(portal, 'PSHNHSFT');
  ids.pcvs = await organisationId(portal, 'PCVS');
  ids.gp = (await portal.dataSource.query('SELECT id FROM partnership WHERE slug = $1', [SLUG]))[0].id;

  const made = async (input: Record<string, unknown>) => {
    const response = await createStream(portal, tokens.admin, { financialYear: YEAR.label, ...input });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createFundingStream.userErrors).toEqual([]);
    return response.data!.createFundingStream.fundingStream!.id;
  };
  // A formula for a name and an outside funder whose name starts with "+", managed by the trust,
  // spending on PCC's people: the PCC lead sees that spend without the budget, a negative remaining.
  ids.formula = await made({ name: HYPERLINK_STREAM, funderKind: 'NHS_EDUCATION', funderName: PLUS_FUNDER, amount: '10000.00',
    managingOrganisationId: ids.trust });
  ids.partner = await made({ name: 'Export test leadership pot', description: 'Leadership courses for the voluntary sector.',
    funderKind: 'PARTNER', funderOrganisationId: ids.pcvs, amount: '5000.00', managingOrganisationId: ids.pcvs });
  ids.pooled = await made({ name: 'Export test shared pool', funderKind: 'OTHER', funderName: 'The partners together', amount: '5000.00',
    managingOrganisationId: ids.pcc, pooled: true,
    contributions: [{ organisationId: ids.pcc, amount: '2000.00' }, { organisationId: ids.trust, amount: '3000.00' }] });

  await entry({ streamId: ids.formula, kind: 'SPEND', amount: '1234.56', reason: '@SUM(A1:A9)', organisationId: ids.pcc, occurredAt: inYear(20) });
  await entry({ streamId: ids.formula, kind: 'COMMITMENT', amount: '300.00', reason: '-2+3', organisationId: ids.pcvs, occurredAt: inYear(120) });
  await entry({ streamId: ids.formula, kind: 'SPEND', amount: '99.99', reason: 'Invoice 7, "agency"\nsecond line', organisationId: ids.pcc,
    occurredAt: inYear(200) });
  await entry({ streamId: ids.partner, kind: 'ALLOCATION', amount: '500.00', reason: 'Earmarked for PCVS', organisationId: ids.pcvs, occurredAt: inYear(40) });
  await entry({ streamId: ids.partner, kind: 'SPEND', amount: '250.00', reason: 'Leadership day', organisationId: ids.pcvs, occurredAt: inYear(300) });
  await entry({ streamId: ids.pooled, kind: 'SPEND', amount: '400.00', reason: '+ agency fee', organisationId: ids.trust, occurredAt: inYear(100) });

  // The large ledger: thousands of entries through the ledger's one writer, in one transaction.
  ids.bulk = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.trust, budgetPence: 10_000_000,
    name: 'Export test bulk stream', financialYear: BULK_YEAR.label });
  await portal.dataSource.transaction(async (manager) => {
    for (let i = 1; i < BULK_ENTRIES; i++) {
      const posted = await postEntry(manager, {
        partnershipId: ids.gp, streamId: ids.bulk, kind: 'spend', amountPence: i, effects: effectsOf('spend', i), organisationId: ids.pcc,
        occurredAt: new Date(BULK_YEAR.start.getTime() + (i % 360) * DAY), reason: `Bulk spend ${i}`, recordedByPersonId: null,
        recordedAt: new Date(),
      }, TEST_ORIGIN);
      if (!posted.ok) throw new Error(`bulk entry ${i} refused: ${posted.problem}`);
    }
  });
}, 180_000);

afterEach(() => expectLedgerInvariants(portal.dataSource));

afterAll(async () => {
  await portal?.stop();
});

describe('CSV of the funding tables', () => {
  it('sends UTF-8 with a byte order mark, as a download named after the year and the table, with its row count first', async () => {
    for (const table of [...SUMMARY_TABLES, 'entries']) {
      const file = await download(csvPath(table), { token: tokens.steering });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="funding-${YEAR_PARAM}-${table}.csv"`);
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(file.text.charCodeAt(0)).toBe(0xfeff);
      expect(Number(file.headers.get('x-total-rows'))).toBe(records(file).length);
    }
  }, 120_000);

  it.each([['steering'], ['lead']])('has every figure of fundingOverview as the API gives it to %s, and each breakdown adds up to the totals', async (who) => {
    const overview = await overviewFor(tokens[who]);
    const files = Object.fromEntries(await Promise.all(SUMMARY_TABLES.map(async (table) =>
      [table, await download(csvPath(table), { token: tokens[who] })] as const)));
    for (const file of Object.values(files)) expect(file.status).toBe(200);
    // A lead's figures are their organisation's own money: committed and spent, no budget or remaining of a stream's.
    moneyColumns = who === 'lead' ? LEAD_COLUMNS : SUM_COLUMNS;
    for (const file of Object.values(files)) {
      expect(headerOf(file).filter((h) => /^(Budget|Remaining) \(£\)$/.test(h))).toEqual(who === 'lead' ? [] : ['Budget (£)', 'Remaining (£)']);
    }

    const [totals] = records(files.totals);
    expect(records(files.totals)).toHaveLength(1);
    expect(totals['Financial year']).toBe(overview.financialYear);
    expectSums(totals, overview.totals);
    const optionalPence = (cell: string) => (cell === '' ? null : penceOf(cell));
    expect(optionalPence(totals['Cost per learner (£)'])).toBe(overview.costPerLearner?.pence ?? null);
    expect(optionalPence(totals['Cost per learning hour (£)'])).toBe(overview.costPerLearningHour?.pence ?? null);
    expect(totals['Seat utilisation (%)']).toBe((Math.round(overview.seatUtilisation * 1000) / 10).toFixed(1));
    expect(Number(totals['Seat utilisation (%)'])).toBeLessThanOrEqual(100);
    expect(penceOf(totals['No-show cost (£)'])).toBe(overview.noShowCost.pence);
    expect(Number(totals.Learners)).toBe(overview.learners);
    expect(Number(totals['Learning hours'])).toBe(overview.learningHours);
    expect(Number(totals['Seats offered'])).toBe(overview.seatsOffered);
    expect(Number(totals['Seats used'])).toBe(overview.seatsUsed);

    const streams = records(files.streams);
    expect(streams.map((row) => row['Stream ID'])).toEqual(overview.byStream.map((row) => row.stream.id));
    overview.byStream.forEach(({ stream, summary }, i) => {
      expect(streams[i]).toMatchObject({ Stream: neutralised(stream.name), Funder: neutralised(stream.funderName),
        'Funder kind': FUNDER_KIND_WORDS[stream.funderKind],
        'Managed by': neutralised(stream.managingOrganisation.name), Pooled: stream.pooled ? 'Yes' : 'No' });
      expectSums(streams[i], summary);
    });
    expect(sumRows(streams)).toEqual(penceSums(overview.totals));

    const breakdowns: Array<[string, Breakdown[], string, string | null]> = [
      ['funders', overview.byFunder, 'Funder', null], ['organisations', overview.byOrganisation, 'Organisation', 'Organisation ID'],
      ['sectors', overview.bySector, 'Sector', null], ['quarters', overview.byQuarter, 'Period', 'Quarter'],
    ];
    for (const [table, expected, labelColumn, keyColumn] of breakdowns) {
      const rows = records(files[table]);
      expect(rows).toHaveLength(expected.length);
      expected.forEach((row, i) => {
        expect(rows[i][labelColumn]).toBe(neutralised(row.label));
        if (keyColumn) expect(rows[i][keyColumn]).toBe(neutralised(row.key));
        expectSums(rows[i], row.summary);
      });
      // The name is the first column; a key or id, if any, the last.
      expect(headerOf(files[table])[0]).toBe(labelColumn);
      if (keyColumn) expect(headerOf(files[table]).at(-1)).toBe(keyColumn);
      expect(sumRows(rows)).toEqual(penceSums(overview.totals));
    }
    // Every money cell is pounds with exactly 2 decimals.
    const moneyCells = Object.values(files).flatMap((file) => records(file).flatMap((row) =>
      Object.entries(row).filter(([column, cell]) => column.endsWith('(£)') && cell !== '').map(([, cell]) => cell)));
    expect(moneyCells.filter((cell) => !/^-?\d+\.\d{2}$/.test(cell))).toEqual([]);
  });

  it('neutralises cells that would start a formula, but leaves negative figures as numbers', async () => {
    const streams = await download(csvPath('streams'), { token: tokens.steering });
    const row = records(streams).find((r) => r['Stream ID'] === ids.formula)!;
    expect(row.Stream).toBe(`'${HYPERLINK_STREAM}`);
    expect(row.Funder).toBe(`'${PLUS_FUNDER}`);
    // The raw text too: the apostrophe is inside the cell, where a spreadsheet reads it.
    expect(streams.text).toContain(`"'=HYPERLINK(""http://evil.example/"",""Click for your budget"")"`);
    const funders = records(await download(csvPath('funders'), { token: tokens.steering }));
    expect(funders.map((r) => r.Funder)).toContain(`'${PLUS_FUNDER}`);

    const entries = records(await download(csvPath('entries'), { token: tokens.steering }));
    const reasons = entries.map((r) => r.Reason);
    expect(reasons).toEqual(expect.arrayContaining(["'@SUM(A1:A9)", "'-2+3", "'+ agency fee", 'Invoice 7, "agency"\nsecond line']));
    expect(entries.filter((r) => r['Stream ID'] === ids.formula).every((r) => r.Stream === `'${HYPERLINK_STREAM}`)).toBe(true);

    // The PCC lead sees the trust's stream's spend on PCC: their own money, with no £0 budget and no negative remaining.
    const lead = records(await download(csvPath('streams'), { token: tokens.lead }));
    const slice = lead.find((r) => r['Stream ID'] === ids.formula)!;
    expect(penceOf(slice['Committed (£)']) + penceOf(slice['Spent (£)'])).toBe(133_455);
    expect(Object.keys(slice)).not.toContain('Remaining (£)');
    expect(Object.keys(slice)).not.toContain('Budget (£)');
    const leadEntries = records(await download(csvPath('entries'), { token: tokens.lead }));
    expect(leadEntries.some((r) => r['Remaining effect (£)'] === '-1234.56')).toBe(true);
    // No figure anywhere was taken for a formula.
    const cells = [lead, leadEntries, entries].flatMap((file) => file.flatMap((r) => Object.values(r)));
    expect(cells.filter((cell) => /^'-?\d+(\.\d+)?$/.test(cell))).toEqual([]);
  }, 120_000);

  it('has every ledger entry of the year as ledgerEntries pages them: the row count is X-Total-Rows and totalCount', async () => {
    const asPence = (row: Record<string, string>, columns: string[]) => columns.map((column) => penceOf(row[column]));
    const effectColumns = ['Budget effect (£)', 'Committed effect (£)', 'Spent effect (£)', 'Remaining effect (£)'];
    const afterColumns = ['Budget after (£)', 'Committed after (£)', 'Spent after (£)', 'Remaining after (£)'];
    const fourSums = (sums: Sums) => [sums.budget.pence, sums.committed.pence, sums.spent.pence, sums.remaining.pence];
    // A lead's file is their organisation's own entries, the ones behind their figures.
    for (const [who, organisationId] of [['steering', null], ['lead', ids.pcc]] as const) {
      const [file, api] = await Promise.all([download(csvPath('entries'), { token: tokens[who] }), allEntries(tokens[who], YEAR.label, organisationId)]);
      const rows = records(file);
      expect(Number(file.headers.get('x-total-rows'))).toBe(api.totalCount);
      expect(rows).toHaveLength(api.totalCount);
      // One comparison of the whole file with the API's pages, row by row, in the API's order.
      expect(rows.map((row) => ({
        id: row['Entry ID'], stream: row.Stream, streamId: row['Stream ID'], sequence: row.Entry, kind: row.Kind,
        organisation: row.Organisation, course: row.Course, wasted: row.Wasted, occurredAt: row['Occurred at (UK time)'], quarter: row.Quarter,
        reason: row.Reason, amount: penceOf(row['Amount (£)']), effect: asPence(row, effectColumns),
        // A lead sees no balance on streams their organisation neither manages nor funds: the cells are empty.
        after: row['Budget after (£)'] === '' ? null : asPence(row, afterColumns),
      }))).toEqual(api.nodes.map((node) => ({
        id: node.id, stream: neutralised(node.stream.name), streamId: node.stream.id, sequence: String(node.sequence), kind: KIND_WORDS[node.kind],
        organisation: neutralised(node.organisation?.name ?? ''), course: neutralised(node.courseTitle ?? ''), wasted: node.wasted ? 'Yes' : 'No',
        occurredAt: londonTime(node.occurredAt), quarter: `Q${node.quarter}`, reason: neutralised(node.reason), amount: node.amount.pence,
        effect: fourSums(node.effect), after: node.balanceAfter ? fourSums(node.balanceAfter) : null,
      })));
      const effects = effectColumns.map((column) => rows.reduce((sum, r) => sum + penceOf(r[column]), 0));
      expect(effects).toEqual(fourSums(api.summary));
      // The ledger of the year adds up to the overview's totals.
      expect(fourSums(api.summary)).toEqual(fourSums((await overviewFor(tokens[who])).totals));
    }
  }, 120_000);

  it('writes a header row even when a table is empty', async () => {
    const file = await download(csvPath('streams', '2001-02'), { token: tokens.steering });
    expect(file.status).toBe(200);
    expect(file.headers.get('x-total-rows')).toBe('0');
    expect(records(file)).toEqual([]);
    // Names first, ids last.
    expect(headerOf(file)).toEqual(['Stream', 'Funder', 'Funder kind', 'Managed by', 'Pooled',
      'Budget (£)', 'Committed (£)', 'Spent (£)', 'Remaining (£)', 'Stream ID']);
  });
});

describe('360Giving JSON of the streams', () => {
  const REQUIRED = ['id', 'title', 'description', 'currency', 'amountAwarded', 'awardDate', 'recipientOrganization', 'fundingOrganization'];
  type Grant = Record<string, unknown> & { id: string; amountAwarded: number; recipientOrganization: Array<{ id: string; name: string }>;
    fundingOrganization: Array<{ id: string; name: string }> };

  function expectGrant(grant: Grant): void {
    for (const field of REQUIRED) expect(grant).toHaveProperty(field);
    for (const field of ['id', 'title', 'description', 'currency', 'awardDate']) {
      expect(typeof grant[field]).toBe('string');
      expect((grant[field] as string).length).toBeGreaterThan(0);
    }
    expect(grant.currency).toBe('GBP');
    expect(typeof grant.amountAwarded).toBe('number');
    expect(grant.awardDate).toMatch(/^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])$/);
    for (const organisations of [grant.recipientOrganization, grant.fundingOrganization]) {
      expect(Array.isArray(organisations)).toBe(true);
      expect(organisations.length).toBeGreaterThanOrEqual(1);
      for (const organisation of organisations) {
        expect(typeof organisation.id).toBe('string');
        expect(typeof organisation.name).toBe('string');
        expect(organisation.name.length).toBeGreaterThan(0);
      }
    }
  }

  it('is a package of grants with every field the standard requires, one grant per stream the person may see', async () => {
    for (const who of ['steering', 'lead']) {
      const file = await download(jsonPath(), { token: tokens[who] });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="funding-${YEAR_PARAM}-360giving.json"`);
      const body = JSON.parse(file.text) as { grants: Grant[] };
      expect(Object.keys(body)).toEqual(['grants']);
      const streams = await streamsFor(tokens[who]);
      expect(Number(file.headers.get('x-total-rows'))).toBe(streams.length);
      expect(body.grants.map((g) => g.id)).toEqual(streams.map((s) => `360G-${SLUG}-${s.id}`));
      expect(new Set(body.grants.map((g) => g.id)).size).toBe(body.grants.length);
      body.grants.forEach((grant, i) => {
        expectGrant(grant);
        expect(grant.title).toBe(streams[i].name);
        expect(Math.round(grant.amountAwarded * 100)).toBe(streams[i].amount.pence);
        expect(grant.awardDate).toBe(`${YEAR.startYear}-04-01`);
      });
    }
  });

  it('names the managing organisation as recipient and the funder as funder, by their registered identifiers', async () => {
    const { grants } = JSON.parse((await download(jsonPath(), { token: tokens.steering })).text) as { grants: Grant[] };
    const byStream = (id: string) => grants.find((g) => g.id === `360G-${SLUG}-${id}`)!;
    // The trust's ODS code; an outside funder has no organisation in the portal, so no registered identifier either.
    expect(byStream(ids.formula)).toMatchObject({
      title: HYPERLINK_STREAM, amountAwarded: 10000, currency: 'GBP',
      recipientOrganization: [{ id: 'GB-NHS-RGN', name: 'Peterborough and Stamford Hospitals NHS Foundation Trust' }],
      fundingOrganization: [{ id: 'GB-PARTNERSHIP-GREATER-PETERBOROUGH-FUNDER-HEALTH-EDUCATION-FUND', name: PLUS_FUNDER }],
    });
    expect(byStream(ids.formula).description).toContain(HYPERLINK_STREAM);
    // The demo's (invented) charity number and the council's local authority code.
    expect(byStream(ids.partner)).toMatchObject({
      description: 'Leadership courses for the voluntary sector.', amountAwarded: 5000,
      recipientOrganization: [{ id: 'GB-CHC-1999001', name: 'Peterborough CVS' }],
      fundingOrganization: [{ id: 'GB-CHC-1999001', name: 'Peterborough CVS' }],
    });
    expect(byStream(ids.pooled).recipientOrganization[0].id).toBe('GB-LAE-PTE');
    for (const grant of grants) {
      for (const organisation of [...grant.recipientOrganization, ...grant.fundingOrganization]) {
        expect(organisation.id).toMatch(/^(GB-(NHS|CHC|COH|LAE)-[A-Z0-9]+|GB-PARTNERSHIP-GREATER-PETERBOROUGH-FUNDER-[A-Z0-9-]+)$/);
      }
    }
  });

  it('falls back to the partnership\'s own identifier for an organisation with no registered one', async () => {
    const [{ org_id: before }] = await portal.dataSource.query(`SELECT org_id FROM organisation WHERE short_code = 'PCVS'`);
    await portal.dataSource.query(`UPDATE organisation SET org_id = NULL WHERE short_code = 'PCVS'`);
    try {
      const { grants } = JSON.parse((await download(jsonPath(), { token: tokens.steering })).text) as { grants: Grant[] };
      const partner = grants.find((g) => g.id === `360G-${SLUG}-${ids.partner}`)!;
      expect(partner.recipientOrganization).toEqual([{ id: 'GB-PARTNERSHIP-GREATER-PETERBOROUGH-PCVS', name: 'Peterborough CVS' }]);
      expect(partner.fundingOrganization).toEqual([{ id: 'GB-PARTNERSHIP-GREATER-PETERBOROUGH-PCVS', name: 'Peterborough CVS' }]);
      // Everyone else keeps their registered identifier.
      expect(grants.find((g) => g.id === `360G-${SLUG}-${ids.formula}`)!.recipientOrganization[0].id).toBe('GB-NHS-RGN');
    } finally {
      await portal.dataSource.query(`UPDATE organisation SET org_id = $1 WHERE short_code = 'PCVS'`, [before]);
    }
  });

  it('gives an L&D lead only the streams of their slice', async () => {
    const lead = (JSON.parse((await download(jsonPath(), { token: tokens.lead })).text) as { grants: Grant[] }).grants.map((g) => g.id);
    const steering = (JSON.parse((await download(jsonPath(), { token: tokens.steering })).text) as { grants: Grant[] }).grants.map((g) => g.id);
    expect(lead).toEqual(expect.arrayContaining([`360G-${SLUG}-${ids.formula}`, `360G-${SLUG}-${ids.pooled}`]));
    expect(lead).not.toContain(`360G-${SLUG}-${ids.partner}`);
    expect(steering).toContain(`360G-${SLUG}-${ids.partner}`);
  });
});

describe('access', () => {
  it('lets the steering group and administrators have the partnership\'s, by bearer token or session cookie', async () => {
    const steering = await download(csvPath('totals'), { token: tokens.steering });
    const admin = await download(csvPath('totals'), { token: tokens.admin });
    const cookie = await download(csvPath('totals'), { cookie: `portal_session=${tokens.steering}` });
    for (const file of [steering, admin, cookie]) expect(file.status).toBe(200);
    expect(admin.text).toBe(steering.text);
    expect(cookie.text).toBe(steering.text);
    expect((await download(jsonPath(), { token: tokens.admin })).status).toBe(200);
  });

  it('gives an L&D lead their own organisation\'s slice, which is not the partnership\'s', async () => {
    const lead = records(await download(csvPath('totals'), { token: tokens.lead }))[0];
    const steering = records(await download(csvPath('totals'), { token: tokens.steering }))[0];
    expect(lead).not.toEqual(steering);
    moneyColumns = LEAD_COLUMNS;
    expectSums(lead, (await overviewFor(tokens.lead)).totals);
    const leadStreams = records(await download(csvPath('streams'), { token: tokens.lead })).map((r) => r['Stream ID']);
    expect(leadStreams).not.toContain(ids.partner);
  });

  it.each([['learner'], ['volunteer']])('refuses a %s with 403', async (who) => {
    for (const path of [csvPath('totals'), csvPath('entries'), jsonPath()]) {
      const file = await download(path, { token: tokens[who] });
      expect(file.status).toBe(403);
      expect(file.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(file.headers.get('content-disposition')).toBeNull();
    }
  });

  it('answers 401 to the signed out, and to a session that is not one', async () => {
    for (const path of [csvPath('streams'), csvPath('entries'), jsonPath()]) {
      expect((await download(path)).status).toBe(401);
      expect((await download(path, { token: 'not-a-session' })).status).toBe(401);
    }
  });

  it('refuses another partnership\'s administrator the Peterborough funding with 403, and gives them their own', async () => {
    for (const path of [csvPath('totals'), csvPath('entries'), jsonPath()]) {
      const file = await download(path, { token: tokens.otherAdmin });
      expect(file.status).toBe(403);
      expect(file.text).not.toContain('Export test');
    }
    expect((await download(csvPath('totals', YEAR_PARAM, OTHER_PARTNERSHIP), { token: tokens.otherAdmin })).status).toBe(200);
  });

  it('answers 400 with a plain message to an unknown table or a year that is not one, and 404 to an unknown partnership', async () => {
    for (const path of [csvPath('people'), csvPath('Streams'), `/exports/funding/${SLUG}/${YEAR_PARAM}/streams.xlsx`,
      `/exports/funding/${SLUG}/${YEAR_PARAM}/360giving.csv`, csvPath('streams', '2025-27'), csvPath('streams', '2025'),
      csvPath('streams', '25-26'), jsonPath('2025-2026')]) {
      const file = await download(path, { token: tokens.steering });
      expect([path, file.status]).toEqual([path, 400]);
      expect(file.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(file.text.length).toBeGreaterThan(10);
    }
    expect((await download(csvPath('totals', YEAR_PARAM, 'no-such-partnership'), { token: tokens.steering })).status).toBe(404);
  });
});

describe('a large ledger', () => {
  const bulkPath = csvPath('entries', BULK_YEAR.label.replace('/', '-'));

  it(`streams all of ${BULK_ENTRIES} entries, page by page, complete`, async () => {
    const response = await fetch(`${portal.url}${bulkPath}`, { headers: { authorization: `Bearer ${tokens.steering}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    const total = Number(response.headers.get('x-total-rows'));
    expect(total).toBeGreaterThanOrEqual(BULK_ENTRIES);
    const chunks: Buffer[] = [];
    for await (const chunk of response.body!) chunks.push(Buffer.from(chunk));
    expect(chunks.length).toBeGreaterThan(1);
    const rows = records({ status: 200, headers: response.headers, bytes: Buffer.concat(chunks), text: '' });
    const api = await allEntries(tokens.steering, BULK_YEAR.label);
    expect(rows).toHaveLength(total);
    expect(api.totalCount).toBe(total);
    expect(new Set(rows.map((r) => r['Entry ID'])).size).toBe(total);
    const bulk = rows.filter((r) => r['Stream ID'] === ids.bulk);
    expect(bulk.map((r) => Number(r.Entry)).sort((a, b) => a - b)).toEqual(Array.from({ length: BULK_ENTRIES }, (_, i) => i + 1));
    const spent = rows.reduce((sum, r) => sum + penceOf(r['Spent effect (£)']), 0);
    expect(spent).toBe(api.summary.spent.pence);
    expect(bulk.reduce((sum, r) => sum + penceOf(r['Spent effect (£)']), 0)).toBe((BULK_ENTRIES - 1) * BULK_ENTRIES / 2);
  }, 120_000);

  it('stops fetching pages when the client goes away, and the server carries on', async () => {
    const pagesFetched = async () => {
      const text = await (await fetch(`${portal.url}/metrics`)).text();
      return text.split('\n').filter((line) => line.startsWith('graphql_operations_total{') && line.includes('operation="FundingExportEntries"'))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    };
    const before = await pagesFetched();
    let total = 0;
    // Hang up as soon as the headers arrive, without reading the body.
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${portal.url}${bulkPath}`, { headers: { authorization: `Bearer ${tokens.steering}` } }, (response) => {
        total = Number(response.headers['x-total-rows']);
        request.destroy();
        resolve();
      });
      request.on('error', (error) => (total ? undefined : reject(error)));
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fetched = (await pagesFetched()) - before;
    expect(fetched).toBeGreaterThanOrEqual(1);
    expect(fetched).toBeLessThan(Math.ceil(total / 200));

    const next = await download(csvPath('totals'), { token: tokens.steering });
    expect(next.status).toBe(200);
    expect(records(next)).toHaveLength(1);
  });
});
