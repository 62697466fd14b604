import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import type { ApolloServer } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { stringify, type ColumnOption } from 'csv-stringify';
import { parseFinancialYear } from '@portal/domain';
import type { Logger } from '../observability/logger';
import type { Context, Services } from '../graphql/context';
import { requestContext } from './request-context';
import { downloadFailed, refuseDownload, startDownload, streamDownload } from './downloads';
import type { Viewer } from '../modules/auth/viewer';
import { fundingScope } from '../modules/funding/funding.policy';
import { financialYearFromPath, neutraliseFormula } from '../modules/funding/funding-export.format';
import { ExportRefusal, queryRunner, type RunQuery } from '../modules/funding/funding-export.graphql';
import {
  ENTRIES_PAGE_SIZE, ENTRIES_QUERY, ENTRY_COLUMNS, entryRow, EXPORT_TABLES, isExportTable, OVERVIEW_QUERY, summaryTable,
  type CsvRow, type EntriesPageData, type ExportTable, type OverviewData,
} from '../modules/funding/funding-export.tables';
import { grantPackageChunks, STREAMS_QUERY, type StreamData } from '../modules/funding/funding-export.360giving';

/**
 * GET /exports/funding/:partnershipSlug/:year/:table.csv and …/:year/360giving.json, the year
 * written "2025-26". The session is the one /graphql reads (cookie or bearer token) and the data
 * comes from the GraphQL operations the funding page uses, run in process with a context made as
 * /graphql makes it: the same figures and the same access rules (401 signed out, 403 refused).
 * Bodies are streamed with backpressure; X-Total-Rows is sent first so a client can show progress.
 */
export interface FundingExportDependencies {
  apollo: ApolloServer<Context>;
  dataSource: DataSource;
  log: Logger;
  services: Services;
  clock: () => Date;
  requestHoldHours: number;
}

/** The CSV: UTF-8 with a byte order mark (for Excel), a header row, every text cell neutralised. */
function csvStream(columns: ColumnOption[]) {
  return stringify({ bom: true, header: true, columns, cast: { string: neutraliseFormula } });
}

/** Every entry of the first page's count, page by page, fetched only as fast as the client reads. */
async function* entryRows(runQuery: RunQuery, variables: Record<string, unknown>, first: EntriesPageData): AsyncGenerator<CsvRow> {
  // The file holds the X-Total-Rows it promised: an entry recorded while the export runs never
  // adds a row (it may take the place of the last one, the ledger being ordered by when money moved).
  let left = first.ledgerEntries.totalCount;
  let page = first.ledgerEntries;
  for (;;) {
    for (const edge of page.edges) {
      if (left-- <= 0) return;
      yield entryRow(edge.node);
    }
    if (left <= 0 || !page.pageInfo.hasNextPage) return;
    page = (await runQuery<EntriesPageData>(ENTRIES_QUERY, { ...variables, after: page.pageInfo.endCursor })).ledgerEntries;
  }
}

/**
 * The organisation whose own money an L&D lead's overview adds up (see FIGURE_IN_SCOPE), so that
 * their entries file is the entries behind their figures; null for the partnership's figures (and
 * for a lead of several organisations, whose file then has every entry they may see).
 */
function ownOrganisationOf(viewer: Viewer | null): string | null {
  try {
    const scope = fundingScope(viewer);
    return scope.kind === 'organisations' && scope.organisationIds.length === 1 ? scope.organisationIds[0] : null;
  } catch {
    return null;
  }
}

async function exportCsv(res: Response, runQuery: RunQuery, table: ExportTable,
  variables: { partnershipSlug: string; financialYear: string; organisationId: string | null },
  filename: string): Promise<void> {
  if (table === 'entries') {
    const pageVariables = { ...variables, first: ENTRIES_PAGE_SIZE, after: null };
    const first = await runQuery<EntriesPageData>(ENTRIES_QUERY, pageVariables);
    startDownload(res, 'text/csv; charset=utf-8', filename, { 'x-total-rows': String(first.ledgerEntries.totalCount) });
    await pipeline(Readable.from(entryRows(runQuery, pageVariables, first)), csvStream(ENTRY_COLUMNS), res);
    return;
  }
  const { fundingOverview } = await runQuery<OverviewData>(OVERVIEW_QUERY, { partnershipSlug: variables.partnershipSlug, financialYear: variables.financialYear });
  const { columns, rows } = summaryTable(table, fundingOverview);
  startDownload(res, 'text/csv; charset=utf-8', filename, { 'x-total-rows': String(rows.length) });
  await pipeline(Readable.from(rows), csvStream(columns), res);
}

async function export360Giving(res: Response, runQuery: RunQuery, variables: { partnershipSlug: string; financialYear: string },
  filename: string): Promise<void> {
  const { fundingStreams } = await runQuery<{ fundingStreams: StreamData[] }>(STREAMS_QUERY, variables);
  await streamDownload(res, 'application/json; charset=utf-8', filename, grantPackageChunks(variables.partnershipSlug, fundingStreams),
    { 'x-total-rows': String(fundingStreams.length) });
}

export function fundingExportRoutes(deps: FundingExportDependencies): Router {
  const router = Router();
  router.get('/:partnershipSlug/:year/:file', async (req: Request<{ partnershipSlug: string; year: string; file: string }>, res: Response) => {
    const { partnershipSlug, year, file } = req.params;
    const financialYear = financialYearFromPath(year);
    const csv = /^([a-z]+)\.csv$/.exec(file);
    const table = csv && isExportTable(csv[1]) ? csv[1] : null;
    const refuse = (status: number, message: string) => refuseDownload(res, status, message);
    if (!financialYear || !parseFinancialYear(financialYear)) {
      return refuse(400, `"${year}" is not a financial year: write it like 2025-26 (1 April 2025 to 31 March 2026).`);
    }
    if (file !== '360giving.json' && !table) {
      return refuse(400, `There is no export "${file}". Ask for 360giving.json or one of: ${EXPORT_TABLES.map((t) => `${t}.csv`).join(', ')}.`);
    }
    const filename = table ? `funding-${year}-${table}.csv` : `funding-${year}-360giving.json`;
    try {
      const context = await requestContext(deps, req, res);
      const runQuery = queryRunner(deps.apollo, context);
      const variables = { partnershipSlug, financialYear };
      if (table) await exportCsv(res, runQuery, table, { ...variables, organisationId: ownOrganisationOf(context.viewer) }, filename);
      else await export360Giving(res, runQuery, variables, filename);
    } catch (error) {
      // The API refused before anything was sent: its reason, as the other refusals.
      if (error instanceof ExportRefusal && !res.headersSent) {
        if (error.status >= 500) deps.log.error({ requestId: res.locals.requestId, detail: error.detail }, 'funding export refused by the API');
        return refuse(error.status, error.message);
      }
      downloadFailed(res, deps.log, error, 'funding export', { file });
    }
  });
  return router;
}
