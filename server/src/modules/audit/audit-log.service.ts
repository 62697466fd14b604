import type { DataSource } from 'typeorm';
import { cursorArgument, keysetPage, keysetTimestampSql } from '../../graphql/keyset-cursor';
import { AUDIT_CURSOR_CHECKS } from './audit-cursor';

export interface AuditRecord {
  id: string;
  occurredAt: Date;
  action: string;
  actorPersonId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: string;
  ipAddress: string | null;
}

export interface AuditPage {
  edges: Array<{ cursor: string; node: AuditRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Reads one partnership's audit log, newest first. */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(partnershipId: string, args: { action?: string | null; first: number; after?: string | null }): Promise<AuditPage> {
    const cursor = cursorArgument(args.after, AUDIT_CURSOR_CHECKS);
    const where = ['partnership_id = $1'];
    const params: unknown[] = [partnershipId];
    if (args.action) {
      params.push(args.action);
      where.push(`action = $${params.length}`);
    }
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE ${where.join(' AND ')}`, params);
    if (cursor) {
      params.push(...cursor);
      where.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(args.first + 1);
    const rows: Array<AuditRecord & { cursorAt: string }> = await this.dataSource.query(
      `SELECT id::text AS id, occurred_at AS "occurredAt", action, actor_person_id AS "actorPersonId", subject_type AS "subjectType",
         subject_id AS "subjectId", details::text AS details, ip_address AS "ipAddress",
         ${keysetTimestampSql('occurred_at')} AS "cursorAt"
       FROM audit_log WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT $${params.length}`, params);
    const page = keysetPage(rows, args.first, (row) => [row.cursorAt, row.id], ({ cursorAt: _cursorAt, ...node }) => node);
    return { ...page, totalCount: count };
  }
}
