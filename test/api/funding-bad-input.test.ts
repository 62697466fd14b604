import { randomUUID } from 'node:crypto';
import { parseFinancialYear } from '@portal/domain';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP } from '../support/admin-fixtures';
import {
  CREATE_STREAM, RECORD_ENTRY, createStream, currentYear, fundingRowCounts, makeStream, recordEntry, streamInput,
  type UserErrorShape,
} from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/**
 * Every wrong thing a client can send to the funding mutations: amounts that are not money
 * (negative, fractions of a penny, zero, words, exponents, 60 digits), ids that do not exist or
 * are another partnership's, malformed financial years, dates outside the stream's year,
 * duplicates, contributions that do not add up, huge strings and wrong GraphQL types. Each is
 * refused on its field with its code, and nothing is written; wrong types are refused by GraphQL
 * with a 400, never a 500. Money round-trips exactly at £25,000,000.00.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  tokens.admin = await portal.signIn('admin@demo.portal');
  ids.gp = (await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`))[0].id;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.provider = await organisationId(portal, 'PSHNHSFT');
  ids.stream = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 1_000_000 });
  ids.fen = (await portal.dataSource.query('SELECT id FROM partnership WHERE slug = $1', [OTHER_PARTNERSHIP]))[0].id;
  ids.fenOrganisation = (await portal.dataSource.query('SELECT id FROM organisation WHERE partnership_id = $1 ORDER BY name LIMIT 1', [ids.fen]))[0].id;
  ids.fenCourse = (await portal.dataSource.query('SELECT id FROM course WHERE partnership_id = $1 LIMIT 1', [ids.fen]))[0].id;
  ids.fenSession = (await portal.dataSource.query('SELECT id FROM training_session WHERE partnership_id = $1 LIMIT 1', [ids.fen]))[0].id;
  // The other partnership's stream: the demo's own when it has one, else one made here.
  const [fenStream] = await portal.dataSource.query('SELECT id FROM funding_stream WHERE partnership_id = $1 LIMIT 1', [ids.fen]);
  ids.fenStream = fenStream?.id ?? await makeStream(portal.dataSource, { partnershipId: ids.fen, managingOrganisationId: ids.fenOrganisation, budgetPence: 500_000 });
  const other = await otherPartnershipAdmin(portal);
  tokens.otherAdmin = other.token;
}, 120_000);

afterEach(async () => {
  await expectLedgerInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

/** Sends a createFundingStream that must be refused: returns its userErrors, having checked nothing was written. */
async function createRefused(overrides: Record<string, unknown>, token = tokens.admin): Promise<UserErrorShape[]> {
  const before = await fundingRowCounts(portal.dataSource);
  const response = await createStream(portal, token, streamInput(ids.pcc, overrides));
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data!.createFundingStream.fundingStream).toBeNull();
  expect(await fundingRowCounts(portal.dataSource)).toEqual(before);
  return response.data!.createFundingStream.userErrors;
}

async function recordRefused(input: Record<string, unknown>, token = tokens.admin): Promise<UserErrorShape[]> {
  const before = await fundingRowCounts(portal.dataSource);
  const response = await recordEntry(portal, token, { streamId: ids.stream, kind: 'SPEND', amount: '10', reason: 'Bad input', ...input });
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data!.recordLedgerEntry.entry).toBeNull();
  expect(await fundingRowCounts(portal.dataSource)).toEqual(before);
  return response.data!.recordLedgerEntry.userErrors;
}

const fieldsAndCodes = (errors: UserErrorShape[]) => errors.map((e) => [e.field.join('.'), e.code]);

describe('money', () => {
  it('round-trips £25,000,000.00 exactly, past GraphQL\'s 32-bit Int', async () => {
    const response = await createStream(portal, tokens.admin, streamInput(ids.pcc, { amount: '25000000.00' }));
    expect(response.data!.createFundingStream.userErrors).toEqual([]);
    const stream = response.data!.createFundingStream.fundingStream!;
    expect(stream.amount).toEqual({ pence: 2_500_000_000, formatted: '£25,000,000.00' });
    expect(stream.summary.remaining.pence).toBe(2_500_000_000);
    const [row] = await portal.dataSource.query('SELECT budget_pence FROM funding_stream WHERE id = $1', [stream.id]);
    expect(row.budget_pence).toBe('2500000000');
    // Written with a pound sign and commas, a top-up of the same size doubles it to the penny.
    const topUp = await recordEntry(portal, tokens.admin, { streamId: stream.id, kind: 'BUDGET', amount: '£25,000,000.01', reason: 'Doubled' });
    expect(topUp.data!.recordLedgerEntry.entry!.balanceAfter.budget.pence).toBe(5_000_000_001);
    const read = await portal.graphql<{ fundingStream: { amount: { pence: number; formatted: string } } }>(
      'query($id: ID!) { fundingStream(id: $id) { amount { pence formatted } } }', { id: stream.id }, { token: tokens.admin });
    expect(read.data!.fundingStream.amount).toEqual({ pence: 5_000_000_001, formatted: '£50,000,000.01' });
  });

  it('takes up to £1,000,000,000.00 in one entry and no more', async () => {
    const largest = await createStream(portal, tokens.admin, streamInput(ids.pcc, { amount: '1,000,000,000.00' }));
    expect(largest.data!.createFundingStream.fundingStream!.amount.pence).toBe(100_000_000_000);
    expect(fieldsAndCodes(await createRefused({ amount: '1000000000.01' }))).toEqual([['input.amount', 'TOO_LARGE']]);
  });

  const BAD_AMOUNTS: Array<[string, string]> = [
    ['-5', 'NEGATIVE'], ['-£5.00', 'NEGATIVE'], ['12.345', 'FRACTIONAL_PENNY'], ['0.001', 'FRACTIONAL_PENNY'], ['0', 'ZERO'], ['0.00', 'ZERO'],
    ['', 'NOT_A_NUMBER'], ['   ', 'NOT_A_NUMBER'], ['twelve', 'NOT_A_NUMBER'], ['12,34', 'NOT_A_NUMBER'], ['1.2.3', 'NOT_A_NUMBER'],
    ['1e30', 'NOT_A_NUMBER'], ['Infinity', 'NOT_A_NUMBER'], ['NaN', 'NOT_A_NUMBER'], ['0x10', 'NOT_A_NUMBER'], ['$5', 'NOT_A_NUMBER'],
    ['9'.repeat(39), 'TOO_LARGE'], ['1'.repeat(60), 'INVALID'],
  ];

  it('refuses each bad stream amount on its field, with its code and a message', async () => {
    for (const [amount, code] of BAD_AMOUNTS) {
      const errors = await createRefused({ amount });
      expect([amount, fieldsAndCodes(errors)]).toEqual([amount, [['input.amount', code]]]);
      expect(errors[0].message.length).toBeGreaterThan(10);
    }
  });

  it('refuses each bad amount as an entry, and as a contribution, on its own field', async () => {
    for (const [amount, code] of BAD_AMOUNTS) {
      expect([amount, fieldsAndCodes(await recordRefused({ amount }))]).toEqual([amount, [['input.amount', code]]]);
    }
    for (const [amount, code] of [['-5', 'NEGATIVE'], ['12.345', 'FRACTIONAL_PENNY'], ['0', 'ZERO'], ['1e30', 'NOT_A_NUMBER'], ['1'.repeat(60), 'INVALID']]) {
      const errors = await createRefused({ pooled: true, amount: '100', contributions: [{ organisationId: ids.pcc, amount: '100' }, { organisationId: ids.provider, amount }] });
      expect(fieldsAndCodes(errors)).toEqual([['input.contributions.1.amount', code]]);
    }
  });
});

describe('ids', () => {
  it('answers an unknown or malformed stream id as not found', async () => {
    expect(fieldsAndCodes(await recordRefused({ streamId: randomUUID() }))).toEqual([['input.streamId', 'NOT_FOUND']]);
    expect(fieldsAndCodes(await recordRefused({ streamId: 'not-a-uuid' }))).toEqual([['input.streamId', 'INVALID']]);
    const read = await portal.graphql<{ fundingStream: null }>('query($id: ID!) { fundingStream(id: $id) { id } }', { id: randomUUID() }, { token: tokens.admin });
    expect(read.errors).toBeUndefined();
    expect(read.data!.fundingStream).toBeNull();
    const malformed = await portal.graphql<{ fundingStream: null }>('query($id: ID!) { fundingStream(id: $id) { id } }', { id: 'x'.repeat(500) }, { token: tokens.admin });
    expect(malformed.data!.fundingStream).toBeNull();
  });

  it('answers another partnership\'s stream, organisation, course and session as not found', async () => {
    expect(fieldsAndCodes(await recordRefused({ streamId: ids.fenStream }))).toEqual([['input.streamId', 'NOT_FOUND']]);
    expect(fieldsAndCodes(await recordRefused({ streamId: ids.stream }, tokens.otherAdmin))).toEqual([['input.streamId', 'NOT_FOUND']]);
    expect(fieldsAndCodes(await recordRefused({ kind: 'ALLOCATION', organisationId: ids.fenOrganisation, courseId: ids.fenCourse, sessionId: ids.fenSession })))
      .toEqual([['input.organisationId', 'NOT_FOUND'], ['input.courseId', 'NOT_FOUND'], ['input.sessionId', 'NOT_FOUND']]);
    for (const token of [tokens.admin, tokens.otherAdmin]) {
      const id = token === tokens.admin ? ids.fenStream : ids.stream;
      const read = await portal.graphql<{ fundingStream: null }>('query($id: ID!) { fundingStream(id: $id) { id } }', { id }, { token });
      expect(read.errors).toBeUndefined();
      expect(read.data!.fundingStream).toBeNull();
    }
    expect(fieldsAndCodes(await createRefused({ managingOrganisationId: ids.fenOrganisation })))
      .toEqual([['input.managingOrganisationId', 'NOT_FOUND']]);
    expect(fieldsAndCodes(await createRefused({ funderKind: 'PARTNER', funderName: null, funderOrganisationId: ids.fenOrganisation })))
      .toEqual([['input.funderOrganisationId', 'NOT_FOUND']]);
    expect(fieldsAndCodes(await createRefused({ pooled: true, amount: '20', contributions: [{ organisationId: ids.pcc, amount: '10' },
      { organisationId: ids.fenOrganisation, amount: '10' }] }))).toEqual([['input.contributions.1.organisationId', 'NOT_FOUND']]);
    // The other partnership's administrator cannot use this partnership's organisations either.
    expect(fieldsAndCodes(await createRefused({}, tokens.otherAdmin))).toEqual([['input.managingOrganisationId', 'NOT_FOUND']]);
  });

  it('refuses a session of another course than the one named', async () => {
    const [course] = await portal.dataSource.query('SELECT id FROM course WHERE partnership_id = $1 ORDER BY id LIMIT 1', [ids.gp]);
    const [otherSession] = await portal.dataSource.query('SELECT id FROM training_session WHERE partnership_id = $1 AND course_id <> $2 LIMIT 1',
      [ids.gp, course.id]);
    expect(fieldsAndCodes(await recordRefused({ kind: 'ALLOCATION', courseId: course.id, sessionId: otherSession.id })))
      .toEqual([['input.sessionId', 'MISMATCH']]);
  });
});

describe('financial years and dates', () => {
  it('refuses malformed financial years', async () => {
    for (const financialYear of ['2025/27', '2025', '', '2025/2026', '2025-26', '25/26', 'abcd/ef', '2025/26/27', '1999/01']) {
      expect([financialYear, fieldsAndCodes(await createRefused({ financialYear }))]).toEqual([financialYear, [['input.financialYear', 'INVALID_FINANCIAL_YEAR']]]);
    }
  });

  it('refuses a financial year past 20 characters, and one in a query', async () => {
    expect(fieldsAndCodes(await createRefused({ financialYear: '2025/26'.repeat(100) }))).toEqual([['input.financialYear', 'INVALID']]);
    const query = await portal.graphql('query($y: String) { fundingStreams(partnershipSlug: "greater-peterborough", financialYear: $y) { id } }',
      { y: '2025/27' }, { token: tokens.admin });
    expect(query.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', userErrors: [expect.objectContaining({ field: ['financialYear'], code: 'INVALID_FINANCIAL_YEAR' })] });
  });

  it('takes a date inside the stream\'s year and refuses one outside it', async () => {
    const year = currentYear();
    for (const occurredAt of [new Date(year.start.getTime() - 1), year.end, new Date('2001-01-01T00:00:00Z'), new Date('2999-01-01T00:00:00Z')]) {
      expect(fieldsAndCodes(await recordRefused({ occurredAt: occurredAt.toISOString() }))).toEqual([['input.occurredAt', 'OUT_OF_RANGE']]);
    }
    for (const occurredAt of [year.start, new Date(year.end.getTime() - 1)]) {
      const response = await recordEntry(portal, tokens.admin, { streamId: ids.stream, kind: 'SPEND', amount: '1', reason: 'Edge', occurredAt: occurredAt.toISOString() });
      expect(response.data!.recordLedgerEntry.userErrors).toEqual([]);
    }
    // Last year's stream takes last year's dates only.
    const last = parseFinancialYear(`${year.startYear - 1}/${String(year.startYear % 100).padStart(2, '0')}`)!;
    const lastYears = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 10_000, financialYear: last.label });
    expect(fieldsAndCodes(await recordRefused({ streamId: lastYears }))).toEqual([['input.occurredAt', 'OUT_OF_RANGE']]);
  });
});

describe('the stream\'s own rules', () => {
  it('refuses a second stream of the same name in the same year, but not in another year', async () => {
    const name = `Duplicated ${randomUUID().slice(0, 6)}`;
    expect((await createStream(portal, tokens.admin, streamInput(ids.pcc, { name }))).data!.createFundingStream.userErrors).toEqual([]);
    expect(fieldsAndCodes(await createRefused({ name }))).toEqual([['input.name', 'DUPLICATE']]);
    expect(fieldsAndCodes(await createRefused({ name: `  ${name}  ` }))).toEqual([['input.name', 'DUPLICATE']]);
    const next = currentYear().startYear + 1;
    const nextYear = await createStream(portal, tokens.admin, streamInput(ids.pcc, { name, financialYear: `${next}/${String((next + 1) % 100).padStart(2, '0')}` }));
    expect(nextYear.data!.createFundingStream.userErrors).toEqual([]);
  });

  it('refuses pooled contributions that do not add up, are missing, repeat a partner, or belong to no pool', async () => {
    const errors = await createRefused({ pooled: true, amount: '100', contributions: [{ organisationId: ids.pcc, amount: '60' }, { organisationId: ids.provider, amount: '39.99' }] });
    expect(fieldsAndCodes(errors)).toEqual([['input.contributions', 'CONTRIBUTIONS_MISMATCH']]);
    expect(errors[0].message).toContain('£99.99');
    expect(fieldsAndCodes(await createRefused({ pooled: true, contributions: [] }))).toEqual([['input.contributions', 'REQUIRED']]);
    expect(fieldsAndCodes(await createRefused({ pooled: true }))).toEqual([['input.contributions', 'REQUIRED']]);
    expect(fieldsAndCodes(await createRefused({ pooled: true, amount: '100', contributions: [{ organisationId: ids.pcc, amount: '50' }, { organisationId: ids.pcc, amount: '50' }] })))
      .toEqual([['input.contributions.1.organisationId', 'DUPLICATE']]);
    expect(fieldsAndCodes(await createRefused({ contributions: [{ organisationId: ids.pcc, amount: '1000' }] })))
      .toEqual([['input.contributions', 'NOT_ALLOWED']]);
    const many = Array.from({ length: 101 }, () => ({ organisationId: ids.pcc, amount: '1' }));
    expect(fieldsAndCodes(await createRefused({ pooled: true, amount: '101', contributions: many }))[0]).toEqual(['input.contributions', 'INVALID']);
  });

  it('asks a PARTNER funder for its organisation, and an outside funder for a name', async () => {
    expect(fieldsAndCodes(await createRefused({ funderKind: 'PARTNER', funderName: null }))).toEqual([['input.funderOrganisationId', 'REQUIRED']]);
    expect(fieldsAndCodes(await createRefused({ funderKind: 'PARTNER', funderName: 'Named anyway' }))).toEqual([['input.funderOrganisationId', 'REQUIRED']]);
    expect(fieldsAndCodes(await createRefused({ funderKind: 'NHS_EDUCATION', funderName: null }))).toEqual([['input.funderName', 'REQUIRED']]);
    expect(fieldsAndCodes(await createRefused({ funderKind: 'CHARITY_GRANT', funderOrganisationId: ids.pcc })))
      .toEqual([['input.funderOrganisationId', 'NOT_ALLOWED']]);
  });

  it('reports every mistake at once', async () => {
    // The input's own rule (the name) and the stream's checks, in one answer.
    const errors = await createRefused({ name: '', financialYear: '2025', amount: '-1', managingOrganisationId: randomUUID(), funderName: null });
    expect(fieldsAndCodes(errors).sort()).toEqual([['input.amount', 'NEGATIVE'], ['input.financialYear', 'INVALID_FINANCIAL_YEAR'],
      ['input.funderName', 'REQUIRED'], ['input.managingOrganisationId', 'NOT_FOUND'], ['input.name', 'INVALID']]);
    const checked = await createRefused({ financialYear: '2025', amount: '-1', managingOrganisationId: randomUUID(), funderName: null });
    expect(fieldsAndCodes(checked)).toEqual([['input.financialYear', 'INVALID_FINANCIAL_YEAR'], ['input.amount', 'NEGATIVE'],
      ['input.managingOrganisationId', 'NOT_FOUND'], ['input.funderName', 'REQUIRED']]);
  });
});

describe('huge and hostile strings', () => {
  it('refuses a 10,000-character name, description, funder name, reason and key on their fields', async () => {
    const long = 'x'.repeat(10_000);
    expect(fieldsAndCodes(await createRefused({ name: long }))).toEqual([['input.name', 'INVALID']]);
    expect(fieldsAndCodes(await createRefused({ description: long }))).toEqual([['input.description', 'INVALID']]);
    expect(fieldsAndCodes(await createRefused({ funderName: long }))).toEqual([['input.funderName', 'INVALID']]);
    expect(fieldsAndCodes(await recordRefused({ reason: long }))).toEqual([['input.reason', 'INVALID']]);
    expect(fieldsAndCodes(await recordRefused({ reason: '' }))).toEqual([['input.reason', 'INVALID']]);
    expect(fieldsAndCodes(await recordRefused({ idempotencyKey: 'k'.repeat(201) }))).toEqual([['input.idempotencyKey', 'INVALID']]);
    expect(fieldsAndCodes(await recordRefused({ idempotencyKey: '' }))).toEqual([['input.idempotencyKey', 'INVALID']]);
  });

  it('refuses control characters in names and reasons', async () => {
    expect(fieldsAndCodes(await createRefused({ name: 'Bell\u0007stream' }))).toEqual([['input.name', 'INVALID']]);
    expect(fieldsAndCodes(await recordRefused({ reason: 'Escape\u001b[31m' }))).toEqual([['input.reason', 'INVALID']]);
  });

  it('keeps SQL and markup as text', async () => {
    const name = `'); DROP TABLE ledger_entry; -- <script>alert(1)</script> ${randomUUID().slice(0, 4)}`;
    const response = await createStream(portal, tokens.admin, streamInput(ids.pcc, { name, funderName: '"quoted" \\ back' }));
    expect(response.data!.createFundingStream.fundingStream).toMatchObject({ name, funderName: '"quoted" \\ back' });
  });
});

describe('wrong GraphQL types', () => {
  const wrong = async (query: string, variables: Record<string, unknown>) => {
    const before = await fundingRowCounts(portal.dataSource);
    const response = await portal.graphql(query, variables, { token: tokens.admin });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors!.length).toBeGreaterThan(0);
    for (const error of response.errors!) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
    expect(await fundingRowCounts(portal.dataSource)).toEqual(before);
    return response.errors!;
  };

  it('refuses an amount given as a number, in a variable or written in the query, with a 400', async () => {
    const [error] = await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { amount: 25_000_000 }) });
    expect(error.message).toMatch(/amount/);
    await wrong(RECORD_ENTRY, { input: { streamId: ids.stream, kind: 'SPEND', amount: 10.5, reason: 'x' } });
    await wrong(`mutation { recordLedgerEntry(input: { streamId: "${ids.stream}", kind: SPEND, amount: 10, reason: "x" }) { entry { id } } }`, {});
  });

  it('refuses unknown enum values, missing fields and values of the wrong shape with a 400', async () => {
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { funderKind: 'BANK' }) });
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { funderKind: 'partner' }) });
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { pooled: 'yes' }) });
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { contributions: 'all of them' }) });
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { eligibleSectors: ['BANKING'] }) });
    await wrong(CREATE_STREAM, { input: { ...streamInput(ids.pcc), amount: undefined } });
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { managingOrganisationId: { $ne: null } }) });
    await wrong(CREATE_STREAM, { input: streamInput(ids.pcc, { extra: 'field' }) });
    await wrong(RECORD_ENTRY, { input: { streamId: ids.stream, kind: 'DELETE', amount: '10', reason: 'x' } });
    await wrong(RECORD_ENTRY, { input: { streamId: ids.stream, kind: 'SPEND', amount: '10', reason: 'x', occurredAt: 'yesterday' } });
    await wrong(RECORD_ENTRY, { input: { streamId: ids.stream, kind: 'SPEND', amount: '10', reason: 'x', occurredAt: '2026-13-45T00:00:00Z' } });
    await wrong(RECORD_ENTRY, { input: { streamId: ids.stream, kind: 'SPEND', amount: ['10'], reason: 'x' } });
    await wrong(RECORD_ENTRY, { input: null });
  });
});
