import type { DataSource } from 'typeorm';
import type { FinancialYear } from '@portal/domain';
import { FundingStreamEntity } from './funding-stream.entity';
import type { ScopedStream } from './funding-stream.service';
import { scopeParams, type FundingScope } from './funding.policy';
import { OVERVIEW_SQL, type OverviewRow } from './funding-overview.query';
import { overviewFigures, type Grouping, type OverviewFigures } from './funding-overview.figures';
import { entityFromRow } from '../../db/entity-from-row';
import { countFromSql, penceFromSql } from './sql-pence';

export interface FundingOverviewResult {
  figures: OverviewFigures;
  /** The streams of byStream, by id, each with its sums in scope (the stream's `summary`). */
  streams: Map<string, ScopedStream>;
  /** The streams of streamsHeld, by id, each with the whole stream's sums. */
  heldStreams: Map<string, ScopedStream>;
}

/** A financial year's money in a scope: one statement, whatever the number of streams and entries. */
export class FundingOverviewService {
  constructor(private readonly dataSource: DataSource) {}

  async overview(scope: FundingScope, year: FinancialYear): Promise<FundingOverviewResult> {
    const rows: OverviewRow[] = await this.dataSource.query(OVERVIEW_SQL, [...scopeParams(scope), year.label, year.start, year.end]);
    const groupings = rows.map(groupingOf);
    const total = rows.find((row) => row.dimension === 'total');
    const figures = overviewFigures(groupings, {
      learners: countFromSql(total?.learners), learningMinutes: countFromSql(total?.learning_minutes),
      seatsOffered: countFromSql(total?.seats_offered), seatsUsed: countFromSql(total?.seats_used),
    }, year);
    const streams = new Map<string, ScopedStream>();
    const heldStreams = new Map<string, ScopedStream>();
    rows.forEach((row, i) => {
      if (row.dimension === 'held') {
        heldStreams.set(row.id!, Object.assign(entityFromRow(this.dataSource, FundingStreamEntity, row), { scopedSummary: groupings[i].sums }));
        return;
      }
      if (row.dimension !== 'stream') return;
      // The scope's rules put the stream of every entry in scope in scope too; a stream row without one is a broken rule.
      if (!row.id) throw new Error(`funding overview: entries in scope on stream ${row.grouping_key}, which is not in scope`);
      streams.set(row.id, Object.assign(entityFromRow(this.dataSource, FundingStreamEntity, row), { scopedSummary: groupings[i].sums }));
    });
    return { figures, streams, heldStreams };
  }
}

function groupingOf(row: OverviewRow): Grouping {
  return {
    dimension: row.dimension,
    key: row.grouping_key ?? '',
    label: row.grouping_label,
    sums: { budget: penceFromSql(row.sum_budget), committed: penceFromSql(row.sum_committed), spent: penceFromSql(row.sum_spent) },
    wastedPence: penceFromSql(row.sum_wasted),
    deliveredPence: penceFromSql(row.sum_delivered),
  };
}
