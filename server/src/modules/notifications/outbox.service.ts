import type { DataSource } from 'typeorm';
import { cursorArgument, isKeysetTimestamp, keysetPage, keysetTimestampSql } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import type { OutboxScope } from './outbox.policy';

export interface OutboxRecord {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  bookingId: string | null;
  inviteMethod: 'REQUEST' | 'CANCEL' | null;
  invite: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  failedAt: Date | null;
}

export interface OutboxPage {
  edges: Array<{ cursor: string; node: OutboxRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const COLUMNS = `id, kind, to_address AS "to", subject, text, booking_id AS "bookingId", ics_method AS "inviteMethod", ics AS invite,
  created_at AS "createdAt", sent_at AS "sentAt", attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt", failed_at AS "failedAt",
  ${keysetTimestampSql('created_at')} AS "cursorAt"`;

/** Reads the email outbox, newest first. Lives for the process: it knows whether people may read their own mail. */
export class OutboxService {
  constructor(private readonly dataSource: DataSource, readonly options: { ownMailReadable: boolean }) {}

  async list(scope: OutboxScope, args: { first: number; after?: string | null }): Promise<OutboxPage> {
    const cursor = cursorArgument(args.after, [isKeysetTimestamp, isUuid]);
    const where = ['partnership_id = $1'];
    const params: unknown[] = [scope.partnershipId];
    if (scope.kind === 'own') {
      params.push(scope.personId);
      where.push(`person_id = $${params.length}`);
    }
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM email_outbox WHERE ${where.join(' AND ')}`, params);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const rows: Array<OutboxRecord & { cursorAt: string }> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM email_outbox WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
    const page = keysetPage(rows, args.first, (row) => [row.cursorAt, row.id], ({ cursorAt: _cursorAt, ...node }) =>
      // Why a mail server refused is for administrators: it can name hosts and accounts.
      (scope.kind === 'partnership' ? node : { ...node, lastError: null }));
    return { ...page, totalCount: count };
  }

  /** The newest emails of every partnership: for the development inbox at /dev/mail only. */
  async newest(limit: number): Promise<OutboxRecord[]> {
    const rows: Array<OutboxRecord & { cursorAt: string }> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM email_outbox ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
    return rows.map(({ cursorAt: _cursorAt, ...node }) => node);
  }

  async invite(id: string): Promise<{ method: 'REQUEST' | 'CANCEL'; ics: string } | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.dataSource.query('SELECT ics_method AS method, ics FROM email_outbox WHERE id = $1 AND ics IS NOT NULL', [id]);
    return row ?? null;
  }
}
