import type { DataSource } from 'typeorm';
import { badArgument } from '../../graphql/user-error';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

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
    const cursor = args.after == null ? null : decodeAuditCursor(args.after);
    if (args.after != null && !cursor) {
      throw badArgument(['after'], 'The cursor is not one this server gave. Start again from the first page.', 'INVALID_CURSOR');
    }
    const where = ['partnership_id = $1'];
    const params: unknown[] = [partnershipId];
    if (args.action) {
      params.push(args.action);
      where.push(`action = $${params.length}`);
    }
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE ${where.join(' AND ')}`, params);
    if (cursor) {
      params.push(cursor.occurredAt, cursor.id);
      where.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(args.first + 1);
    const rows: Array<AuditRecord & { cursorAt: string }> = await this.dataSource.query(
      `SELECT id::text AS id, occurred_at AS "occurredAt", action, actor_person_id AS "actorPersonId", subject_type AS "subjectType",
         subject_id AS "subjectId", details::text AS details, ip_address AS "ipAddress",
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
       FROM audit_log WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT $${params.length}`, params);
    const edges = rows.slice(0, args.first).map(({ cursorAt, ...node }) => ({ cursor: encodeAuditCursor({ occurredAt: cursorAt, id: node.id }), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: count };
  }
}
