import type { DataSource } from 'typeorm';
import { entityFromRow } from '../../db/entity-from-row';
import { cursorArgument, isKeysetTimestamp, keysetPage, keysetTimestampSql, type KeysetPage } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import type { TrainingNeedsArgs } from './needs.inputs';
import type { NeedsScope } from './needs.policy';
import { TrainingNeedEntity } from './training-need.entity';

export type TrainingNeedPage = KeysetPage<TrainingNeedEntity> & { totalCount: number };

/**
 * The needs a viewer may see (needs.policy.ts, needsScope), newest first, a page and its count in
 * one statement.
 */
export class TrainingNeedsListService {
  constructor(private readonly dataSource: DataSource) {}

  async page(scope: NeedsScope, args: TrainingNeedsArgs): Promise<TrainingNeedPage> {
    const cursor = cursorArgument(args.after, [isKeysetTimestamp, isUuid]);
    const filter = args.filter ?? {};
    const params: unknown[] = [scope.partnershipId, scope.everyNeed, scope.organisationIds, scope.personId];
    const where = [
      'n.partnership_id = $1',
      `($2 OR n.organisation_id = ANY($3::uuid[]) OR n.raised_by_person_id = $4 OR n.for_person_id = $4 OR n.team_manager_person_id = $4)`,
    ];
    const add = (sql: (at: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.status?.length) add((at) => `n.status = ANY(${at}::text[])`, filter.status);
    if (filter.organisationId) add((at) => `n.organisation_id = ${at}`, filter.organisationId);
    if (filter.mandatorySubject) add((at) => `n.mandatory_subject = ${at}`, filter.mandatorySubject);
    const after = cursor ? `(m.created_at, m.id) < ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)` : 'true';
    if (cursor) params.push(cursor[0], cursor[1]);
    params.push(args.first + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH matched AS (SELECT n.* FROM training_need n WHERE ${where.join(' AND ')}),
       page AS (SELECT m.* FROM matched m WHERE ${after} ORDER BY m.created_at DESC, m.id DESC LIMIT $${params.length})
       SELECT (SELECT count(*) FROM matched)::int AS total_count, page.*, ${keysetTimestampSql('page.created_at')} AS cursor_created_at
       FROM (SELECT 1) one LEFT JOIN page ON true
       ORDER BY page.created_at DESC, page.id DESC`, params);
    const found = rows.filter((row) => row.id !== null)
      .map((row) => ({ need: entityFromRow(this.dataSource, TrainingNeedEntity, row), at: String(row.cursor_created_at) }));
    const page = keysetPage(found, args.first, ({ need, at }) => [at, need.id], ({ need }) => need);
    return { ...page, totalCount: Number(rows[0]?.total_count ?? 0) };
  }
}
