import type { DataSource } from 'typeorm';
import { NO_SECTOR_KEY, type FinancialYear, type LedgerEffects } from '@portal/domain';
import { badArgument } from './funding.errors';
import { cursorArgument, isKeysetTimestamp, keysetPage, keysetTimestampSql } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import { ENTRY_IN_SCOPE, scopeParams, type FundingScope } from './funding.policy';
import { LedgerEntryEntity } from './ledger-entry.entity';
import type { LedgerEntryFilter } from './ledger-entry-filter.input';
import { DEFAULT_PAGE, MAX_PAGE } from './ledger-entries.args';
import { entityFromRow } from '../../db/entity-from-row';
import { countFromSql, penceFromSql } from './sql-pence';

export interface LedgerEntryPage {
  edges: Array<{ cursor: string; node: LedgerEntryEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  /** The sums over every entry the filter matches, on all pages: the figure being traced. */
  summary: LedgerEffects;
}

const isSequence = (text: string) => /^[1-9]\d{0,9}$/.test(text);

/**
 * The ledger's entries behind a figure of the overview, under the same scope and year rules, so
 * that the summary of a filter naming a cell equals that cell. Newest first, as a person reads a
 * ledger: by when the money moved, then by stream and sequence, all descending, so that entries
 * posted together (a booking's release and its spend) stay together, the later one on top.
 */
export class LedgerEntriesService {
  constructor(private readonly dataSource: DataSource) {}

  async page(scope: FundingScope, year: FinancialYear, filter: LedgerEntryFilter, first: number | null | undefined,
    after: string | null | undefined): Promise<LedgerEntryPage> {
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
      throw badArgument(['first'], `first must be between 1 and ${MAX_PAGE}.`, 'OUT_OF_RANGE');
    }
    const cursor = cursorArgument(after, [isKeysetTimestamp, isUuid, isSequence]);

    const { where, params } = matching(scope, year, filter);
    const from = `FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id LEFT JOIN organisation o ON o.id = le.organisation_id
      WHERE ${where}`;
    const [sums] = await this.dataSource.query(
      `SELECT count(*) AS entries, sum(le.budget_effect_pence) AS budget, sum(le.committed_effect_pence) AS committed,
         sum(le.spent_effect_pence) AS spent ${from}`, params);

    const pageParams = [...params, size + 1];
    let keyset = '';
    if (cursor) {
      pageParams.push(...cursor);
      const n = pageParams.length;
      keyset = `AND (le.occurred_at, le.stream_id, le.sequence) < ($${n - 2}::timestamptz, $${n - 1}::uuid, $${n}::int)`;
    }
    const rows: Array<Record<string, unknown> & { cursor_occurred_at: string }> = await this.dataSource.query(
      `SELECT le.*, ${keysetTimestampSql('le.occurred_at')} AS cursor_occurred_at ${from} ${keyset}
       ORDER BY le.occurred_at DESC, le.stream_id DESC, le.sequence DESC LIMIT $${params.length + 1}`, pageParams);
    const nodes = rows.map((row) => ({ row, node: entityFromRow(this.dataSource, LedgerEntryEntity, row) }));
    return {
      ...keysetPage(nodes, size, ({ row, node }) => [row.cursor_occurred_at, node.streamId, String(node.sequence)], ({ node }) => node),
      totalCount: countFromSql(sums.entries),
      summary: { budget: penceFromSql(sums.budget), committed: penceFromSql(sums.committed), spent: penceFromSql(sums.spent) },
    };
  }
}

/** The filter as SQL over `le` (ledger_entry), `fs` (its stream) and `o` (its organisation), after the scope's $1 and $2. */
function matching(scope: FundingScope, year: FinancialYear, filter: LedgerEntryFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [...scopeParams(scope), year.label];
  const conditions = ['fs.financial_year = $3', `(${ENTRY_IN_SCOPE})`];
  const equals = (column: string, type: string, value: unknown) => {
    params.push(value);
    conditions.push(`${column} = $${params.length}::${type}`);
  };
  if (filter.streamId) equals('le.stream_id', 'uuid', filter.streamId);
  if (filter.organisationId?.toLowerCase() === 'none') conditions.push('le.organisation_id IS NULL');
  else if (filter.organisationId) equals('le.organisation_id', 'uuid', filter.organisationId);
  // As the overview counts them: entries with no organisation are the "independent" sector.
  if (filter.sector === NO_SECTOR_KEY) conditions.push('le.organisation_id IS NULL');
  else if (filter.sector) equals('o.sector', 'text', filter.sector);
  if (filter.funderName != null) equals('fs.funder_name', 'text', filter.funderName);
  if (filter.quarter != null) equals('le.quarter', 'int', filter.quarter);
  if (filter.kind) equals('le.kind', 'text', filter.kind);
  if (filter.wasted != null) equals('le.wasted', 'boolean', filter.wasted);
  if (filter.courseId) equals('le.course_id', 'uuid', filter.courseId);
  if (filter.sessionId) equals('le.session_id', 'uuid', filter.sessionId);
  return { where: conditions.join(' AND '), params };
}
