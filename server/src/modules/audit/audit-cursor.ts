import { decodeKeysetCursor, encodeKeysetCursor } from '../../graphql/keyset-cursor';

/**
 * The audit log, newest first (time, then id). The time travels as PostgreSQL wrote it, to the
 * microsecond: a JavaScript Date would round it to the millisecond and skip or repeat entries
 * made within the same millisecond.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export interface AuditCursor {
  occurredAt: string;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeKeysetCursor([cursor.occurredAt, cursor.id]);
}

export function decodeAuditCursor(text: string): AuditCursor | null {
  const values = decodeKeysetCursor(text, [(at) => TIMESTAMP.test(at), (id) => /^\d{1,18}$/.test(id)]);
  return values ? { occurredAt: values[0], id: values[1] } : null;
}
